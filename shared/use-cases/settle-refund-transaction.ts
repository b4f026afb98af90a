// An admin (or the payment provider's webhook) reports how a pending refund
// transaction ended. A failure leaves its amount owed (a new attempt pays it);
// a success lowers what the refund owes, and once it owes nothing a
// cancellation it pays for is `refunded`.
import { cancellationPut, getCancellation } from '#shared/adapters/cancellations-repo';
import { type GuardedItem, transact } from '#shared/adapters/dynamo';
import { findRefund, refundPut } from '#shared/adapters/refunds-repo';
import { getReturn, returnPut } from '#shared/adapters/returns-repo';
import { transitionCancellation } from '#shared/domain/cancellation';
import { NotFoundError } from '#shared/domain/errors';
import type { Refund, TransactionBody } from '#shared/domain/refund';
import { settleRefund } from '#shared/domain/refund-ledger';
import { ConcurrentChangeError, retryOnChange } from './retry-on-change.ts';

export interface SettleRefundTransaction {
  readonly refundId: string;
  readonly transactionId: string;
  readonly body: TransactionBody;
  readonly now: string;
  /** The payment provider's id of the refund, when its webhook settles it. */
  readonly providerRefundId?: string | undefined;
}

/**
 * What a change of the refund's `owed` changes elsewhere, written in the same
 * transaction as the refund: the cancellation it pays for becomes `refunded`
 * when nothing is owed any more; the return it pays for shows the new `owed`.
 */
export const owedConsequences = async (before: Refund, after: Refund, now: string): Promise<GuardedItem[]> => {
  if (after.owed === before.owed || !after.source.id) return [];
  if (after.source.type === 'return') {
    const request = await getReturn(after.source.id);
    if (!request || request.refundId !== after.id) return [];
    const updated = { ...request, owed: after.owed, updatedAt: now, version: request.version + 1 };
    return [{ ...returnPut(updated, request.version), onConditionFailed: () => new ConcurrentChangeError('return') }];
  }
  if (after.source.type !== 'cancellation' || after.owed > 0) return [];
  const cancellation = await getCancellation(after.source.id);
  if (cancellation.status !== 'approved' || cancellation.refundId !== after.id) return [];
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
 * never both paid out and still owed.
 */
export const settleRefundTransaction = ({ refundId, transactionId, body, now, providerRefundId }: SettleRefundTransaction): Promise<Refund> =>
  retryOnChange(async () => {
    const refund = await findRefund(refundId);
    const next = settleRefund(refund, transactionId, body, providerRefundId);
    if (!next) throw new NotFoundError('The transaction');
    await transact([...refundPut(next, refund.version), ...(await owedConsequences(refund, next, now))]);
    return next;
  });
