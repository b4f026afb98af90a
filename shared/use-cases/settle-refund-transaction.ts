// An admin (or the payment gateway's callback, through an admin tool) reports
// how a pending refund transaction ended. A failure releases its amount; the
// success of a cancellation's refund completes that cancellation.
import { cancellationPut, getCancellation } from '#shared/adapters/cancellations-repo';
import { type GuardedItem, transact } from '#shared/adapters/dynamo';
import { getOrderOrThrow, orderPut } from '#shared/adapters/orders-repo';
import { findRefund, refundPut } from '#shared/adapters/refunds-repo';
import { transitionCancellation } from '#shared/domain/cancellation';
import { NotFoundError } from '#shared/domain/errors';
import { type Refund, settleTransaction, type TransactionBody } from '#shared/domain/refund';
import { releaseRefundMoney } from '#shared/domain/refund-plan';
import { ConcurrentChangeError, retryOnChange } from './retry-on-change.ts';

export interface SettleRefundTransaction {
  readonly refundId: string;
  readonly transactionId: string;
  readonly body: TransactionBody;
  readonly now: string;
}

/** What else the settlement changes, in the same transaction as the refund. */
const consequences = async (refund: Refund, amount: number, body: TransactionBody, now: string): Promise<GuardedItem[]> => {
  if (body.status === 'failure') {
    const order = await getOrderOrThrow(refund.orderId, true);
    const released = { ...releaseRefundMoney(order, amount), version: order.version + 1, updatedAt: now };
    return [{ ...orderPut(released, order.version), onConditionFailed: () => new ConcurrentChangeError('order') }];
  }
  if (refund.source.type !== 'cancellation' || !refund.source.id) return [];
  const cancellation = await getCancellation(refund.source.id);
  if (cancellation.status !== 'approved' || cancellation.refundId !== refund.id) return [];
  return [
    {
      ...cancellationPut(transitionCancellation(cancellation, 'refunded', now), cancellation.version),
      onConditionFailed: () => new ConcurrentChangeError('cancellation'),
    },
  ];
};

/**
 * pending → success | failure, once. Race: two callers settle the same
 * transaction (say one success, one failure); both read the refund at v1 and
 * write it with `version = 1`: one commits, the other is a 409, so an amount is
 * never both paid out and released.
 */
export const settleRefundTransaction = ({ refundId, transactionId, body, now }: SettleRefundTransaction): Promise<Refund> =>
  retryOnChange(async () => {
    const refund = await findRefund(refundId);
    const txn = refund.transactions.find((t) => t.id === transactionId);
    if (!txn) throw new NotFoundError('The transaction');
    const settled = settleTransaction(txn, body);
    const next: Refund = { ...refund, transactions: refund.transactions.map((t) => (t.id === txn.id ? settled : t)), version: refund.version + 1 };
    await transact([...refundPut(next, refund.version), ...(await consequences(refund, txn.amount, body, now))]);
    return next;
  });
