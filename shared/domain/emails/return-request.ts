// Return requests: a new request, and each status change, to the customer and
// the admins.
import type { OrderView, ReturnRequestView } from '../notifications/views.ts';
import type { ReturnStatus } from '../return-status.ts';
import { type Detail, type Email, type EmailContext, inWords, layout, pageUrl } from './layout.ts';
import { gatewayInWords, itemLine, money } from './words.ts';

export interface ReturnRequestData {
  readonly returnRequest: ReturnRequestView;
  /** Loaded only when the request lacks the order number, currency or customer address. */
  readonly order?: OrderView;
}

const facts = ({ returnRequest: r, order }: ReturnRequestData) => ({
  number: r.orderNumber ?? order?.number ?? r.orderId,
  currency: r.currency ?? order?.currency,
  name: r.customer?.name ?? order?.customer.name ?? 'there',
  email: r.customer?.email ?? order?.customer.email ?? '',
});

const refundOf = (data: ReturnRequestData): string | undefined => {
  const { currency } = facts(data);
  const amount = data.returnRequest.refundAmount;
  return typeof amount === 'number' && currency ? money(amount, currency) : undefined;
};

const CUSTOMER_MESSAGES: Record<ReturnStatus, (refund: string | undefined, method: string) => string> = {
  new: () => 'We received your return request and will review it shortly.',
  picked_up: () => 'Your return has been picked up. We will check the items as soon as they arrive.',
  pending_verification: () => 'Your return has arrived and we are checking the items.',
  approved: (refund, method) => `Good news: your return has been approved.${refund ? ` We will refund ${refund} ${method}.` : ''}`,
  partially_approved: (refund, method) =>
    `Part of your return has been approved; the list below shows what we accepted.${refund ? ` We will refund ${refund} ${method}.` : ''}`,
  denied: () => 'We are sorry: your return request has been denied.',
  refunded: (refund, method) => `Your refund${refund ? ` of ${refund}` : ''} has been issued ${method}.`,
  cancelled: () => 'Your return request has been cancelled. Nothing more will happen with it.',
};

const itemLines = (r: ReturnRequestView, withVerdict: boolean): string[] =>
  (r.items ?? []).map((item) => {
    const line = itemLine(item.title, item.quantity);
    const verdict = withVerdict && typeof item.goodQuantity === 'number' ? ` — ${item.goodQuantity} of ${item.quantity} accepted` : '';
    return `${line}${verdict}`;
  });

const verified = (status: ReturnStatus) => status === 'approved' || status === 'partially_approved' || status === 'denied' || status === 'refunded';

const statusDetails = (data: ReturnRequestData): Detail[] => {
  const refund = refundOf(data);
  const r = data.returnRequest;
  return [
    ['Order', facts(data).number],
    ['Return', r.id],
    ['Status', inWords(r.status)],
    ...(refund && r.status !== 'denied' && r.status !== 'cancelled' ? [['Refund', refund] as const] : []),
    ...(r.status === 'refunded' && r.voucherCode ? [['Voucher code', r.voucherCode] as const] : []),
  ];
};

export const returnStatusCustomerEmail = (data: ReturnRequestData, ctx: EmailContext): Email => {
  const r = data.returnRequest;
  const { number, name } = facts(data);
  const status = inWords(r.status);
  const items = itemLines(r, verified(r.status));
  // A request just filed is not "now new": its email confirms receipt.
  const received = r.status === 'new';
  return layout(
    {
      subject: received ? `We received your return request for order ${number}` : `Your return for order ${number} is now ${status}`,
      heading: received ? 'We received your return request' : `Your return is now ${status}`,
      paragraphs: [`Hello ${name},`, CUSTOMER_MESSAGES[r.status](refundOf(data), gatewayInWords(r.refundMethod ?? 'card'))],
      details: statusDetails(data),
      ...(items.length > 0 ? { list: { title: 'Items', items } } : {}),
      ...(r.status === 'denied' && r.rejectionReason ? { quote: { label: 'Reason', text: r.rejectionReason } } : {}),
      link: { label: 'View your return', url: pageUrl(ctx, 'returns', r.id) },
    },
    ctx,
  );
};

export const returnStatusAdminEmail = (data: ReturnRequestData, ctx: EmailContext): Email => {
  const r = data.returnRequest;
  const { number } = facts(data);
  const status = inWords(r.status);
  const items = itemLines(r, verified(r.status));
  return layout(
    {
      subject: `[Return] Return for order ${number} is now ${status}`,
      heading: `Return for order ${number} is now ${status}`,
      paragraphs: [r.status === 'cancelled' ? 'The customer withdrew this return request.' : 'For your records.'],
      details: [...statusDetails(data), ['Customer', customerLabel(data)]],
      ...(items.length > 0 ? { list: { title: 'Items', items } } : {}),
      ...(r.status === 'denied' && r.rejectionReason ? { quote: { label: 'Rejection reason', text: r.rejectionReason } } : {}),
      link: { label: 'Open in admin', url: pageUrl(ctx, 'admin', 'returns', r.id) },
    },
    ctx,
  );
};

const customerLabel = (data: ReturnRequestData): string => {
  const { name, email } = facts(data);
  return email ? `${name} <${email}>` : name;
};

export const returnCreatedAdminEmail = (data: ReturnRequestData, ctx: EmailContext): Email => {
  const r = data.returnRequest;
  const { number } = facts(data);
  const items = (r.items ?? []).map((item) => `${itemLine(item.title, item.quantity)}${item.reasonText ? ` — ${item.reasonText}` : ''}`);
  return layout(
    {
      subject: `[Return] New return request for order ${number}`,
      heading: `New return request for order ${number}`,
      paragraphs: ['A customer asked to return items. Review the request and schedule the pickup or verification.'],
      details: [
        ['Order', number],
        ['Return', r.id],
        ['Customer', customerLabel(data)],
        ['Refund method', (r.refundMethod ?? 'card').replaceAll('_', ' ')],
      ],
      ...(items.length > 0 ? { list: { title: 'Items', items } } : {}),
      ...(r.extraComment ? { quote: { label: 'Customer comment', text: r.extraComment } } : {}),
      link: { label: 'Open in admin', url: pageUrl(ctx, 'admin', 'returns', r.id) },
    },
    ctx,
  );
};
