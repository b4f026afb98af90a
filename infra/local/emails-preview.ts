// `npm run emails:preview`: renders every email template with sample data into
// the git-ignored email-previews/ folder (.html and .txt per email, plus an
// index.html), so a person can open and look at them. Samples cover every
// status, user text with markup in it, and currencies with 0, 2 and 3 decimals.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '#infra/local/setup';
import { env } from '#shared/adapters/env';
import type { CancellationStatus } from '#shared/domain/cancellation';
import { renderEmail, type TemplateData, type TemplateId } from '#shared/domain/emails/index';
import { type EmailContext, escapeHtml } from '#shared/domain/emails/layout';
import type { OrderView, RefundView, ReturnRequestView } from '#shared/domain/notifications/views';
import type { ReturnStatus } from '#shared/domain/return-status';

const outDir = path.join(projectRoot, 'email-previews');
const ctx: EmailContext = { shopName: 'aftersales demo shop', storefrontUrl: env.storefrontUrl, locale: 'en' };

const order = (currency: string, number = '1001'): OrderView & { status: string; timeline: { note: string | null }[] } => ({
  id: 'ord_01JD3V7N8Q2M4K6P9R1T3W5Y7Z',
  number,
  currency,
  customer: { name: 'Ada Lovelace', email: 'ada@example.com' },
  status: 'shipped',
  timeline: [{ note: null }],
});

const returnRequest = (status: ReturnStatus, extra: Partial<ReturnRequestView> = {}): ReturnRequestView => ({
  id: 'ret_01JD3W0000000000000000000A',
  orderId: 'ord_01JD3V7N8Q2M4K6P9R1T3W5Y7Z',
  orderNumber: '1001',
  currency: 'USD',
  customer: { name: 'Ada Lovelace', email: 'ada@example.com' },
  status,
  items: [
    { lineItemId: 'li_1', title: 'Mug', quantity: 2, reasonText: 'Arrived broken', goodQuantity: status === 'partially_approved' ? 1 : 2 },
    { lineItemId: 'li_2', title: 'T-shirt (M)', quantity: 1, reasonText: 'Too small', goodQuantity: 1 },
  ],
  refundMethod: 'voucher',
  voucherCode: status === 'refunded' ? 'VCH-7Q2M-4K6P' : null,
  extraComment: 'Please pick up after 5pm. <b>Thanks!</b>',
  refundAmount: status === 'partially_approved' ? 2950 : 4450,
  rejectionReason: status === 'denied' ? 'The items show signs of use.' : null,
  version: 3,
  ...extra,
});

const refund = (currency: string, total: number, gateway: string, status: 'pending' | 'success' | 'failure'): RefundView => ({
  id: 'rfd_01JD3X0000000000000000000B',
  orderId: 'ord_01JD3V7N8Q2M4K6P9R1T3W5Y7Z',
  currency,
  total,
  refundLineItems: [{ quantity: 2, lineItem: { title: 'Mug', variantTitle: 'Blue' } }],
  shipping: { amount: Math.round(total / 10) },
  transactions: [{ id: 'txn_1', amount: total, currency, gateway, status, ...(gateway === 'voucher' ? { voucherCode: 'VCH-7Q2M-4K6P' } : {}) }],
  version: 1,
});

const refundWithTxn = (currency: string, total: number, gateway: string, status: 'success' | 'failure') => {
  const r = refund(currency, total, gateway, status);
  return { refund: r, transaction: r.transactions?.[0] ?? { id: 'txn_1', amount: total, gateway, status } };
};

const cancellation = (status: CancellationStatus) => ({
  id: 'can_01JD3Y0000000000000000000C',
  orderId: 'ord_01JD3V7N8Q2M4K6P9R1T3W5Y7Z',
  orderNumber: '1001',
  requestedBy: 'customer' as const,
  reasonText: 'Ordered by mistake',
  comment: 'Sorry, I clicked twice & <script>alert(1)</script>',
  status,
  rejectionReason: status === 'rejected' ? 'The parcel has already left our warehouse.' : null,
  refundAmount: 4450,
  version: 2,
});

const comment = (submittedBy: string) => ({
  id: 'cmt_01JD3Z0000000000000000000D',
  returnId: 'ret_01JD3W0000000000000000000A',
  orderId: 'ord_01JD3V7N8Q2M4K6P9R1T3W5Y7Z',
  body: 'Could you send a photo of the damage?\nA <script>alert("x")</script> is not a photo.',
  visibleToCustomer: true,
  submittedBy,
});

type Sample = { [T in TemplateId]: { name: string; template: T; data: TemplateData<T> } }[TemplateId];

const SAMPLES: Sample[] = [
  { name: 'order-status-shipped', template: 'order-status', data: { order: order('USD') } },
  {
    name: 'order-status-delivery-failed-with-note',
    template: 'order-status',
    data: { order: { ...order('USD'), status: 'delivery_failed', timeline: [{ note: 'Nobody was home. We will try again tomorrow.' }] } },
  },
  ...(['requested', 'approved', 'rejected', 'refunded'] as const).flatMap((status): Sample[] => [
    { name: `cancellation-${status}-customer`, template: 'cancellation-customer', data: { cancellation: cancellation(status), order: order('USD') } },
    { name: `cancellation-${status}-admin`, template: 'cancellation-admin', data: { cancellation: cancellation(status), order: order('USD') } },
  ]),
  { name: 'return-created-admin', template: 'return-created-admin', data: { returnRequest: returnRequest('new') } },
  ...(['picked_up', 'pending_verification', 'approved', 'partially_approved', 'denied', 'refunded', 'cancelled'] as const).flatMap((status): Sample[] => [
    { name: `return-${status}-customer`, template: 'return-status-customer', data: { returnRequest: returnRequest(status) } },
    { name: `return-${status}-admin`, template: 'return-status-admin', data: { returnRequest: returnRequest(status) } },
  ]),
  { name: 'refund-created-card-usd', template: 'refund-created', data: { refund: refund('USD', 4450, 'card', 'pending'), order: order('USD') } },
  { name: 'refund-created-voucher-jpy', template: 'refund-created', data: { refund: refund('JPY', 4450, 'voucher', 'success'), order: order('JPY', '2002') } },
  {
    name: 'refund-transaction-success-kwd',
    template: 'refund-transaction',
    data: { ...refundWithTxn('KWD', 12345, 'bank_transfer', 'success'), order: order('KWD', '3003') },
  },
  { name: 'refund-transaction-failure-usd', template: 'refund-transaction', data: { ...refundWithTxn('USD', 4450, 'card', 'failure'), order: order('USD') } },
  {
    name: 'refund-failed-admin-usd',
    template: 'refund-failed-admin',
    data: { ...refundWithTxn('USD', 4450, 'bank_transfer', 'failure'), order: order('USD') },
  },
  {
    name: 'order-note',
    template: 'order-note',
    data: {
      note: { id: 'note_1', orderId: 'ord_1', body: 'Your parcel will arrive in two boxes.\n<script>alert(1)</script>', visibility: 'customer' },
      order: order('USD'),
    },
  },
  { name: 'return-comment-customer', template: 'return-comment-customer', data: { comment: comment('admin:admin-1'), order: order('USD') } },
  { name: 'return-comment-admin', template: 'return-comment-admin', data: { comment: comment('customer:cus-1'), order: order('USD') } },
];

const main = async () => {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const rows: string[] = [];
  for (const sample of SAMPLES) {
    const email = renderEmail(sample.template, sample.data as never, ctx);
    await writeFile(path.join(outDir, `${sample.name}.html`), email.html);
    await writeFile(path.join(outDir, `${sample.name}.txt`), `Subject: ${email.subject}\n\n${email.text}\n`);
    rows.push(
      `<tr><td><a href="${sample.name}.html">${sample.name}</a></td><td><a href="${sample.name}.txt">text</a></td><td>${escapeHtml(email.subject)}</td></tr>`,
    );
  }
  await writeFile(
    path.join(outDir, 'index.html'),
    `<!doctype html><meta charset="utf-8"><title>Email previews</title><body style="font-family:sans-serif"><h1>Email previews (${SAMPLES.length})</h1><table cellpadding="6">${rows.join('\n')}</table></body>`,
  );
  console.log(`${SAMPLES.length} emails rendered to ${path.relative(process.cwd(), outDir) || '.'}/ (open index.html)`);
};

await main();
