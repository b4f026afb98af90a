// Cancellation created or its status changed: one email to the customer, one to
// the admins. The approval's email is the only one its action sends, so it says
// everything: the order is cancelled, and the refund (amount, voucher code).
import type { CancellationStatus } from '../cancellation.ts';
import type { CancellationView, OrderView } from '../notifications/views.ts';
import { type Detail, type Email, type EmailContext, inWords, layout, pageUrl } from './layout.ts';
import { money } from './words.ts';

export interface CancellationData {
  readonly cancellation: CancellationView;
  /** Loaded by the consumer: the number, currency and customer of the order. */
  readonly order: OrderView;
}

const refundOf = ({ cancellation, order }: CancellationData): string | undefined =>
  cancellation.refundAmount ? money(cancellation.refundAmount, order.currency) : undefined;

const CUSTOMER: Record<CancellationStatus, (data: CancellationData) => { subject: string; heading: string; paragraphs: string[] }> = {
  requested: ({ order }) => ({
    subject: `We received your cancellation request for order ${order.number}`,
    heading: 'Cancellation requested',
    paragraphs: [`We received your request to cancel order ${order.number}. We will review it and let you know shortly.`],
  }),
  approved: (data) => {
    const refund = refundOf(data);
    return {
      subject: `Order ${data.order.number} has been cancelled`,
      heading: `Order ${data.order.number} has been cancelled`,
      paragraphs: [
        `Your order ${data.order.number} has been cancelled.`,
        ...(refund ? [`A refund of ${refund} will be issued to you. We will email you again when it is on its way.`] : []),
      ],
    };
  },
  rejected: ({ order }) => ({
    subject: `Your cancellation request for order ${order.number} was declined`,
    heading: 'Cancellation request declined',
    paragraphs: [`We are sorry: we could not cancel order ${order.number}. It will continue as planned.`],
  }),
  // Only sent when approval refunded at once (a voucher); a later settlement is the transaction's email.
  refunded: (data) => ({
    subject: `Order ${data.order.number} has been cancelled and refunded`,
    heading: `Order ${data.order.number} has been cancelled`,
    paragraphs: [
      `Your order ${data.order.number} has been cancelled.`,
      `The refund${refundOf(data) ? ` of ${refundOf(data)}` : ''} has been issued${data.cancellation.voucherCode ? ' as a store voucher' : ''}.`,
    ],
  }),
};

const details = (data: CancellationData): Detail[] => {
  const refund = refundOf(data);
  const { status, voucherCode } = data.cancellation;
  return [
    ['Order', data.order.number],
    ['Order status', status === 'approved' || status === 'refunded' ? 'cancelled' : 'unchanged'],
    ['Cancellation', inWords(status)],
    ...(refund ? [['Refund', refund] as const] : []),
    ...(voucherCode ? [['Voucher code', voucherCode] as const] : []),
  ];
};

export const cancellationCustomerEmail = (data: CancellationData, ctx: EmailContext): Email => {
  const { cancellation, order } = data;
  const message = CUSTOMER[cancellation.status](data);
  const reason = cancellation.status === 'rejected' ? cancellation.rejectionReason : undefined;
  return layout(
    {
      ...message,
      paragraphs: [`Hello ${order.customer.name},`, ...message.paragraphs],
      details: details(data),
      ...(reason ? { quote: { label: 'Reason', text: reason } } : {}),
      link: { label: 'View your order', url: pageUrl(ctx, 'orders', order.id) },
    },
    ctx,
  );
};

const ADMIN_HEADINGS: Record<CancellationStatus, (number: string) => string> = {
  requested: (n) => `Cancellation requested for order ${n}`,
  approved: (n) => `Order ${n} cancelled`,
  rejected: (n) => `Cancellation of order ${n} rejected`,
  refunded: (n) => `Cancellation of order ${n} refunded`,
};

export const cancellationAdminEmail = (data: CancellationData, ctx: EmailContext): Email => {
  const { cancellation, order } = data;
  const heading = ADMIN_HEADINGS[cancellation.status](order.number);
  return layout(
    {
      subject: `[Cancellation] ${heading}`,
      heading,
      paragraphs: [cancellation.status === 'requested' ? 'A paid order waits for your decision: approve or reject the cancellation.' : 'For your records.'],
      details: [
        ...details(data),
        ['Customer', `${order.customer.name} <${order.customer.email}>`],
        ['Requested by', cancellation.requestedBy ?? 'customer'],
        ...(cancellation.reasonText ? [['Reason', cancellation.reasonText] as const] : []),
        ...(cancellation.rejectionReason ? [['Rejection reason', cancellation.rejectionReason] as const] : []),
      ],
      ...(cancellation.comment ? { quote: { label: 'Comment', text: cancellation.comment } } : {}),
      link: { label: 'Open in admin', url: pageUrl(ctx, 'admin', 'cancellations', cancellation.id) },
    },
    ctx,
  );
};
