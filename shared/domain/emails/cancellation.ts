// Cancellation created or its status changed: one email to the customer, one to
// the admins. The approval's email is the only one its action sends, so it says
// everything: the order is cancelled, and the refund (amount, voucher code).
import type { CancellationView, OrderView } from '../notifications/views.ts';
import { type Detail, type Email, type EmailContext, layout, pageUrl } from './layout.ts';
import { type Words, wordsFor } from './words.ts';

export interface CancellationData {
  readonly cancellation: CancellationView;
  /** Loaded by the consumer: the number, currency and customer of the order. */
  readonly order: OrderView;
}

const refundOf = ({ cancellation, order }: CancellationData, { money }: Words): string | undefined =>
  cancellation.refundAmount ? money(cancellation.refundAmount, order.currency) : undefined;

/** What the customer reads under the greeting, by status. */
const customerParagraphs = (data: CancellationData, words: Words): string[] => {
  const { t } = words;
  const { status, voucherCode } = data.cancellation;
  const number = data.order.number;
  const refund = refundOf(data, words);
  switch (status) {
    case 'requested':
      return [t('email.cancellation.requested', { number })];
    case 'rejected':
      return [t('email.cancellation.rejected', { number })];
    case 'approved':
      return [t('email.cancellation.cancelled', { number }), ...(refund ? [t('email.cancellation.refundComing', { amount: refund })] : [])];
    // Only sent when approval refunded at once (a voucher); a later settlement is the transaction's email.
    case 'refunded':
      return [
        t('email.cancellation.cancelled', { number }),
        ...(refund ? [t('email.cancellation.refundIssued', { amount: refund, voucher: voucherCode ? 'yes' : 'no' })] : []),
      ];
  }
};

const details = (data: CancellationData, words: Words): Detail[] => {
  const { t } = words;
  const refund = refundOf(data, words);
  const { status, voucherCode } = data.cancellation;
  const cancelled = status === 'approved' || status === 'refunded';
  return [
    [t('email.label.order'), data.order.number],
    [t('email.label.orderStatus'), t('email.cancellation.orderState', { cancelled: cancelled ? 'yes' : 'no' })],
    [t('email.label.cancellation'), t('status.cancellation', { status })],
    ...(refund ? [[t('email.label.refund'), refund] as const] : []),
    ...(voucherCode ? [[t('email.label.voucherCode'), voucherCode] as const] : []),
  ];
};

export const cancellationCustomerEmail = (data: CancellationData, ctx: EmailContext): Email => {
  const words = wordsFor(ctx);
  const { t } = words;
  const { cancellation, order } = data;
  const values = { status: cancellation.status, number: order.number };
  const reason = cancellation.status === 'rejected' ? cancellation.rejectionReason : undefined;
  return layout(
    {
      subject: t('email.cancellation.subject', values),
      heading: t('email.cancellation.heading', values),
      paragraphs: [words.hello(order.customer.name), ...customerParagraphs(data, words)],
      details: details(data, words),
      ...(reason ? { quote: { label: t('email.label.reason'), text: reason } } : {}),
      link: { label: t('email.link.order'), url: pageUrl(ctx, 'orders', order.id) },
    },
    ctx,
  );
};

export const cancellationAdminEmail = (data: CancellationData, ctx: EmailContext): Email => {
  const words = wordsFor(ctx);
  const { t } = words;
  const { cancellation, order } = data;
  const heading = t('email.cancellationAdmin.heading', { status: cancellation.status, number: order.number });
  return layout(
    {
      subject: t('email.cancellationAdmin.subject', { heading }),
      heading,
      paragraphs: [cancellation.status === 'requested' ? t('email.cancellationAdmin.decide') : t('email.forYourRecords')],
      details: [
        ...details(data, words),
        [t('email.label.customer'), `${order.customer.name} <${order.customer.email}>`],
        [t('email.label.requestedBy'), t('email.cancellation.by', { role: cancellation.requestedBy ?? 'customer' })],
        ...(cancellation.reasonText ? [[t('email.label.reason'), cancellation.reasonText] as const] : []),
        ...(cancellation.rejectionReason ? [[t('email.label.rejectionReason'), cancellation.rejectionReason] as const] : []),
      ],
      ...(cancellation.comment ? { quote: { label: t('email.label.comment'), text: cancellation.comment } } : {}),
      link: { label: t('email.link.admin'), url: pageUrl(ctx, 'admin', 'cancellations', cancellation.id) },
    },
    ctx,
  );
};
