// Return requests: a new request, and each status change, to the customer and
// the admins.
import type { OrderView, ReturnRequestView } from '../notifications/views.ts';
import type { ReturnStatus } from '../return-status.ts';
import { type Detail, type Email, type EmailContext, layout, pageUrl } from './layout.ts';
import { type Words, wordsFor } from './words.ts';

export interface ReturnRequestData {
  readonly returnRequest: ReturnRequestView;
  /** Loaded only when the request lacks the order number, currency or customer address. */
  readonly order?: OrderView;
}

const facts = ({ returnRequest: r, order }: ReturnRequestData) => ({
  number: r.orderNumber ?? order?.number ?? r.orderId,
  currency: r.currency ?? order?.currency,
  name: r.customer?.name ?? order?.customer.name,
  email: r.customer?.email ?? order?.customer.email ?? '',
});

const refundOf = (data: ReturnRequestData, { money }: Words): string | undefined => {
  const { currency } = facts(data);
  const amount = data.returnRequest.refundAmount;
  return typeof amount === 'number' && currency ? money(amount, currency) : undefined;
};

/** What the refund will be, or was, once the items are verified. */
const refundSentence = (data: ReturnRequestData, words: Words): string[] => {
  const r = data.returnRequest;
  const amount = refundOf(data, words);
  if (!amount) return [];
  const how = words.how(r.refundMethod ?? 'card');
  if (r.status === 'approved' || r.status === 'partially_approved') return [words.t('email.return.refundPlanned', { amount, how })];
  return r.status === 'refunded' ? [words.t('email.return.refundIssued', { amount, how })] : [];
};

const itemLines = (r: ReturnRequestView, withVerdict: boolean, { t, item }: Words): string[] =>
  (r.items ?? []).map((i) => {
    const line = item(i.title, i.quantity);
    return withVerdict && typeof i.goodQuantity === 'number' ? t('item.verdict', { line, good: i.goodQuantity, quantity: i.quantity }) : line;
  });

const verified = (status: ReturnStatus) => status === 'approved' || status === 'partially_approved' || status === 'denied' || status === 'refunded';

const statusDetails = (data: ReturnRequestData, words: Words): Detail[] => {
  const { t } = words;
  const refund = refundOf(data, words);
  const r = data.returnRequest;
  return [
    [t('email.label.order'), facts(data).number],
    [t('email.label.return'), r.id],
    [t('email.label.status'), t('status.return', { status: r.status })],
    ...(refund && r.status !== 'denied' && r.status !== 'cancelled' ? [[t('email.label.refund'), refund] as const] : []),
    ...(r.status === 'refunded' && r.voucherCode ? [[t('email.label.voucherCode'), r.voucherCode] as const] : []),
  ];
};

export const returnStatusCustomerEmail = (data: ReturnRequestData, ctx: EmailContext): Email => {
  const words = wordsFor(ctx);
  const { t } = words;
  const r = data.returnRequest;
  const values = { status: r.status, number: facts(data).number, statusName: t('status.return', { status: r.status }) };
  const items = itemLines(r, verified(r.status), words);
  return layout(
    {
      // A request just filed is not "now new": its email confirms receipt (the messages' `new` case).
      subject: t('email.return.subject', values),
      heading: t('email.return.heading', values),
      paragraphs: [words.hello(facts(data).name), t('email.return.body', values), ...refundSentence(data, words)],
      details: statusDetails(data, words),
      ...(items.length > 0 ? { list: { title: t('email.label.items'), items } } : {}),
      ...(r.status === 'denied' && r.rejectionReason ? { quote: { label: t('email.label.reason'), text: r.rejectionReason } } : {}),
      link: { label: t('email.link.return'), url: pageUrl(ctx, 'returns', r.id) },
    },
    ctx,
  );
};

const customerLabel = (data: ReturnRequestData): string => {
  const { name = '', email } = facts(data);
  return email ? `${name} <${email}>`.trim() : name;
};

export const returnStatusAdminEmail = (data: ReturnRequestData, ctx: EmailContext): Email => {
  const words = wordsFor(ctx);
  const { t } = words;
  const r = data.returnRequest;
  const values = { number: facts(data).number, statusName: t('status.return', { status: r.status }) };
  const items = itemLines(r, verified(r.status), words);
  return layout(
    {
      subject: t('email.returnAdmin.subject', values),
      heading: t('email.returnAdmin.heading', values),
      paragraphs: [r.status === 'cancelled' ? t('email.returnAdmin.withdrawn') : t('email.forYourRecords')],
      details: [...statusDetails(data, words), [t('email.label.customer'), customerLabel(data)]],
      ...(items.length > 0 ? { list: { title: t('email.label.items'), items } } : {}),
      ...(r.status === 'denied' && r.rejectionReason ? { quote: { label: t('email.label.rejectionReason'), text: r.rejectionReason } } : {}),
      link: { label: t('email.link.admin'), url: pageUrl(ctx, 'admin', 'returns', r.id) },
    },
    ctx,
  );
};

export const returnCreatedAdminEmail = (data: ReturnRequestData, ctx: EmailContext): Email => {
  const words = wordsFor(ctx);
  const { t } = words;
  const r = data.returnRequest;
  const { number } = facts(data);
  const items = (r.items ?? []).map((i) => `${words.item(i.title, i.quantity)}${i.reasonText ? ` — ${i.reasonText}` : ''}`);
  return layout(
    {
      subject: t('email.returnCreated.subject', { number }),
      heading: t('email.returnCreated.heading', { number }),
      paragraphs: [t('email.returnCreated.body')],
      details: [
        [t('email.label.order'), number],
        [t('email.label.return'), r.id],
        [t('email.label.customer'), customerLabel(data)],
        [t('email.label.refundMethod'), t('method.refund', { method: r.refundMethod ?? 'card' })],
      ],
      ...(items.length > 0 ? { list: { title: t('email.label.items'), items } } : {}),
      ...(r.extraComment ? { quote: { label: t('email.label.customerComment'), text: r.extraComment } } : {}),
      link: { label: t('email.link.admin'), url: pageUrl(ctx, 'admin', 'returns', r.id) },
    },
    ctx,
  );
};
