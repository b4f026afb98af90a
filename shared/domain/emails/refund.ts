// Refunds: a new refund, and a refund transaction that succeeded or failed — to
// the customer; a failed one also to the admins.
import type { OrderView, RefundTransactionView, RefundView } from '../notifications/views.ts';
import { type Detail, type Email, type EmailContext, layout, pageUrl } from './layout.ts';
import { gatewayInWords, itemLine, money } from './words.ts';

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

const TRANSACTION_STATE: Readonly<Record<string, string>> = { pending: 'on its way', success: 'completed', failure: 'failed' };

const transactionDetails = (refund: RefundView, order: OrderView): Detail[] =>
  (refund.transactions ?? []).flatMap((t): Detail[] => [
    ['Payment', `${money(t.amount, currencyOf(refund, order, t))} ${gatewayInWords(t.gateway)}: ${TRANSACTION_STATE[t.status] ?? t.status}`],
    ...(t.gateway === 'voucher' && t.voucherCode && t.status !== 'failure' ? [['Voucher code', t.voucherCode] as const] : []),
  ]);

const refundedItems = (refund: RefundView, order: OrderView): string[] => [
  ...(refund.refundLineItems ?? []).map((line) => itemLine(line.lineItem?.title, line.quantity, line.lineItem?.variantTitle)),
  ...(refund.shipping && refund.shipping.amount > 0 ? [`Shipping: ${money(refund.shipping.amount, currencyOf(refund, order))}`] : []),
];

export const refundCreatedEmail = ({ refund, order }: RefundData, ctx: EmailContext): Email => {
  const total = money(refund.total, currencyOf(refund, order));
  const items = refundedItems(refund, order);
  const pendingCard = (refund.transactions ?? []).some((t) => t.gateway === 'card' && t.status === 'pending');
  return layout(
    {
      subject: `Refund of ${total} for order ${order.number}`,
      heading: `Your refund of ${total}`,
      paragraphs: [
        `Hello ${order.customer.name},`,
        `We have issued a refund of ${total} for your order ${order.number}.`,
        ...(pendingCard ? ['Card refunds usually appear on your statement within 5–10 business days.'] : []),
      ],
      details: [['Order', order.number], ['Refund total', total], ...transactionDetails(refund, order)],
      ...(items.length > 0 ? { list: { title: 'Refunded', items } } : {}),
      link: { label: 'View your order', url: pageUrl(ctx, 'orders', order.id) },
    },
    ctx,
  );
};

export const refundTransactionEmail = ({ refund, order, transaction }: RefundTransactionData, ctx: EmailContext): Email => {
  const amount = money(transaction.amount, currencyOf(refund, order, transaction));
  const how = gatewayInWords(transaction.gateway);
  const failed = transaction.status === 'failure';
  return layout(
    {
      subject: failed ? `We could not complete your refund for order ${order.number}` : `Your refund of ${amount} for order ${order.number} has been sent`,
      heading: failed ? 'There was a problem with your refund' : 'Your refund has been sent',
      paragraphs: [
        `Hello ${order.customer.name},`,
        failed
          ? // Promise only what the product does: the amount stays owed and the shop can send it again.
            `We could not complete the refund of ${amount} ${how}. The amount is still owed to you: the shop will send it again, and we will email you when it is on its way.`
          : `The refund of ${amount} for your order ${order.number} has been sent ${how}.`,
        ...(!failed && transaction.gateway === 'card' ? ['Depending on your bank it can take a few business days to appear on your statement.'] : []),
      ],
      details: [
        ['Order', order.number],
        ['Amount', amount],
        ['Status', TRANSACTION_STATE[transaction.status] ?? transaction.status],
        ...(!failed && transaction.voucherCode ? [['Voucher code', transaction.voucherCode] as const] : []),
      ],
      link: { label: 'View your order', url: pageUrl(ctx, 'orders', order.id) },
    },
    ctx,
  );
};

/** To the admins: a refund transaction failed, and its amount is still owed to the customer. */
export const refundFailedAdminEmail = ({ refund, order, transaction }: RefundTransactionData, ctx: EmailContext): Email => {
  const amount = money(transaction.amount, currencyOf(refund, order, transaction));
  return layout(
    {
      subject: `[Refund] A refund of ${amount} for order ${order.number} failed`,
      heading: `Refund of ${amount} for order ${order.number} failed`,
      paragraphs: [
        `The refund ${gatewayInWords(transaction.gateway)} could not be completed. The amount is still owed: open the refund and start a new attempt.`,
      ],
      details: [
        ['Order', order.number],
        ['Customer', `${order.customer.name} <${order.customer.email}>`],
        ['Refund', refund.id],
        ['Transaction', transaction.id],
        ['Amount', amount],
      ],
      ...(transaction.message ? { quote: { label: 'Message', text: transaction.message } } : {}),
      link: { label: 'Open in admin', url: pageUrl(ctx, 'admin', 'orders', order.id) },
    },
    ctx,
  );
};
