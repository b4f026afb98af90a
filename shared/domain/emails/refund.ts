// Refunds: a new refund, and a refund transaction that succeeded or failed — to
// the customer; a failed one also to the admins.
import type { OrderView, RefundTransactionView, RefundView } from '../notifications/views.ts';
import { type Detail, type Email, type EmailContext, layout, pageUrl } from './layout.ts';
import { type Words, wordsFor } from './words.ts';

export interface RefundData {
  readonly refund: RefundView;
  /** Loaded by the consumer: the number and customer of the order. */
  readonly order: OrderView;
}

export interface RefundTransactionData extends RefundData {
  readonly transaction: RefundTransactionView;
}

const currencyOf = (refund: RefundView, order: OrderView, transaction?: RefundTransactionView): string =>
  transaction?.currency ?? refund.currency ?? order.currency;

const transactionDetails = (refund: RefundView, order: OrderView, { t, money, how }: Words): Detail[] =>
  (refund.transactions ?? []).flatMap((tx): Detail[] => [
    [
      t('email.label.payment'),
      t('email.refund.payment', {
        amount: money(tx.amount, currencyOf(refund, order, tx)),
        how: how(tx.gateway),
        state: t('status.transaction', { status: tx.status }),
      }),
    ],
    ...(tx.gateway === 'voucher' && tx.voucherCode && tx.status !== 'failure' ? [[t('email.label.voucherCode'), tx.voucherCode] as const] : []),
  ]);

const refundedItems = (refund: RefundView, order: OrderView, { t, money, item }: Words): string[] => [
  ...(refund.refundLineItems ?? []).map((line) => item(line.lineItem?.title, line.quantity, line.lineItem?.variantTitle)),
  ...(refund.shipping && refund.shipping.amount > 0 ? [t('email.refund.shipping', { amount: money(refund.shipping.amount, currencyOf(refund, order)) })] : []),
];

export const refundCreatedEmail = ({ refund, order }: RefundData, ctx: EmailContext): Email => {
  const words = wordsFor(ctx);
  const { t } = words;
  const amount = words.money(refund.total, currencyOf(refund, order));
  const items = refundedItems(refund, order, words);
  const pendingCard = (refund.transactions ?? []).some((tx) => tx.gateway === 'card' && tx.status === 'pending');
  return layout(
    {
      subject: t('email.refund.subject', { amount, number: order.number }),
      heading: t('email.refund.heading', { amount }),
      paragraphs: [
        words.hello(order.customer.name),
        t('email.refund.body', { amount, number: order.number }),
        ...(pendingCard ? [t('email.refund.cardDelay')] : []),
      ],
      details: [[t('email.label.order'), order.number], [t('email.label.refundTotal'), amount], ...transactionDetails(refund, order, words)],
      ...(items.length > 0 ? { list: { title: t('email.label.refunded'), items } } : {}),
      link: { label: t('email.link.order'), url: pageUrl(ctx, 'orders', order.id) },
    },
    ctx,
  );
};

export const refundTransactionEmail = ({ refund, order, transaction }: RefundTransactionData, ctx: EmailContext): Email => {
  const words = wordsFor(ctx);
  const { t } = words;
  const values = { amount: words.money(transaction.amount, currencyOf(refund, order, transaction)), how: words.how(transaction.gateway), number: order.number };
  const failed = transaction.status === 'failure';
  return layout(
    {
      subject: failed ? t('email.refundFailed.subject', values) : t('email.refundSent.subject', values),
      heading: failed ? t('email.refundFailed.heading') : t('email.refundSent.heading'),
      paragraphs: [
        words.hello(order.customer.name),
        // Promise only what the product does: the amount stays owed and the shop can send it again.
        failed ? t('email.refundFailed.body', values) : t('email.refundSent.body', values),
        ...(!failed && transaction.gateway === 'card' ? [t('email.refundSent.cardDelay')] : []),
      ],
      details: [
        [t('email.label.order'), order.number],
        [t('email.label.amount'), values.amount],
        [t('email.label.status'), t('status.transaction', { status: transaction.status })],
        ...(!failed && transaction.voucherCode ? [[t('email.label.voucherCode'), transaction.voucherCode] as const] : []),
      ],
      link: { label: t('email.link.order'), url: pageUrl(ctx, 'orders', order.id) },
    },
    ctx,
  );
};

/** To the admins: a refund transaction failed, and its amount is still owed to the customer. */
export const refundFailedAdminEmail = ({ refund, order, transaction }: RefundTransactionData, ctx: EmailContext): Email => {
  const words = wordsFor(ctx);
  const { t } = words;
  const amount = words.money(transaction.amount, currencyOf(refund, order, transaction));
  return layout(
    {
      subject: t('email.refundFailedAdmin.subject', { amount, number: order.number }),
      heading: t('email.refundFailedAdmin.heading', { amount, number: order.number }),
      paragraphs: [t('email.refundFailedAdmin.body', { how: words.how(transaction.gateway) })],
      details: [
        [t('email.label.order'), order.number],
        [t('email.label.customer'), `${order.customer.name} <${order.customer.email}>`],
        [t('email.label.refund'), refund.id],
        [t('email.label.transaction'), transaction.id],
        [t('email.label.amount'), amount],
      ],
      ...(transaction.message ? { quote: { label: t('email.label.message'), text: transaction.message } } : {}),
      link: { label: t('email.link.admin'), url: pageUrl(ctx, 'admin', 'orders', order.id) },
    },
    ctx,
  );
};
