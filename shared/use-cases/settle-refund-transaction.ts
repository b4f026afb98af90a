// An admin (or the payment provider's webhook) reports how a pending refund
// transaction ended. A failure leaves its amount owed (a new attempt pays it);
// a success lowers what the refund owes, and once it owes nothing a
// cancellation it pays for is `refunded`.
import { cancellationPaidOff } from '#shared/adapters/cancellations-repo';
import { type GuardedItem, transact } from '#shared/adapters/dynamo';
import { findRefund, refundPut } from '#shared/adapters/refunds-repo';
import { returnOwedUpdate } from '#shared/adapters/returns-repo';
import { PAID_OFF } from '#shared/domain/cancellation';
import { NotFoundError } from '#shared/domain/errors';
import type { Refund, TransactionBody } from '#shared/domain/refund';
import { settleRefund } from '#shared/domain/refund-ledger';

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
 * transaction as the refund, without reading it first (the refund's source
 * names it): the return it pays for shows the new `owed`; the cancellation it
 * pays for becomes `refunded` when nothing is owed any more. `owed` only goes
 * down, so it reaches 0 once: the cancellation is then still `approved`
 * (one created owing nothing was `refunded` at once and never gets here).
 */
export const owedConsequences = (before: Refund, after: Refund, now: string): GuardedItem[] => {
  if (after.owed === before.owed || !after.source.id) return [];
  if (after.source.type === 'return') return [returnOwedUpdate(after.source.id, after.id, after.owed, now)];
  if (after.source.type !== 'cancellation' || after.owed > 0) return [];
  return [cancellationPaidOff(after.source.id, after.id, PAID_OFF, now)];
};

/**
 * pending → success | failure, once, in two round trips: the refund's pointer
 * (which carries a copy of it), then one transaction. Race: two callers settle
 * the same transaction (say one success, one failure); both read the refund at
 * v1 and write it with `version = 1`: one commits, the other is a 409, so an
 * amount is never both paid out and still owed.
 */
export const settleRefundTransaction = async ({ refundId, transactionId, body, now, providerRefundId }: SettleRefundTransaction): Promise<Refund> => {
  const refund = await findRefund(refundId);
  const next = settleRefund(refund, transactionId, body, providerRefundId);
  if (!next) throw new NotFoundError('The transaction');
  await transact([...refundPut(next, refund.version), ...owedConsequences(refund, next, now)]);
  return next;
};
