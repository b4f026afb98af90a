// A pending refund transaction ends: a failure leaves its amount owed (a new
// attempt pays it); a success lowers what the refund owes, and once it owes
// nothing a cancellation it pays for is `refunded`. An admin settles by hand;
// the payment provider's webhook settles what it reports.
import { transact } from '#shared/adapters/dynamo';
import { findRefund, refundPut } from '#shared/adapters/refunds-repo';
import { NotFoundError } from '#shared/domain/errors';
import type { Refund, TransactionBody } from '#shared/domain/refund';
import { settleRefund } from '#shared/domain/refund-ledger';
import { owedConsequences } from './owed-consequences.ts';

export interface SettleTransaction {
  readonly refundId: string;
  readonly transactionId: string;
  readonly body: TransactionBody;
  readonly now: string;
  /** The payment provider's id of the refund, when its webhook settles it. */
  readonly providerRefundId?: string | undefined;
}

/**
 * pending → success | failure, once, in two round trips: the refund's pointer
 * (which carries a copy of it), then one transaction. Race: two callers settle
 * the same transaction (say one success, one failure); both read the refund at
 * v1 and write it with `version = 1`: one commits, the other is a 409, so an
 * amount is never both paid out and still owed.
 */
export const settleTransaction = async ({ refundId, transactionId, body, now, providerRefundId }: SettleTransaction): Promise<Refund> => {
  const refund = await findRefund(refundId);
  const next = settleRefund(refund, transactionId, body, providerRefundId);
  if (!next) throw new NotFoundError('The transaction');
  await transact([...refundPut(next, refund.version), ...owedConsequences(refund, next, now)]);
  return next;
};
