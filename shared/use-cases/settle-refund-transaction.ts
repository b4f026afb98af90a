// An admin reports how a pending refund transaction ended (the manual flow).
// A failure leaves its amount owed (a new attempt pays it); a success lowers
// what the refund owes, and once it owes nothing a cancellation it pays for is
// `refunded`. A transaction the payment provider holds is not the admin's to
// settle (409): only the provider's signed events move it.
import { transact } from '#shared/adapters/dynamo';
import { findRefund, refundPut } from '#shared/adapters/refunds-repo';
import { NotFoundError } from '#shared/domain/errors';
import type { Refund, TransactionBody } from '#shared/domain/refund';
import { settleByHand } from '#shared/domain/refund-ledger';
import { owedConsequences } from './steps/owed-consequences.ts';

export interface SettleRefundTransaction {
  readonly refundId: string;
  readonly transactionId: string;
  readonly body: TransactionBody;
  readonly now: string;
}

/**
 * pending → success | failure, once, in two round trips: the refund's pointer
 * (which carries a copy of it), then one transaction. Race: an admin settles
 * while the payments consumer claims the transaction for the provider (or two
 * admins settle it); both read the refund at v1 and write it with
 * `version = 1`: one commits, the other is a 409, so an amount is never both
 * sent to the provider and settled by hand.
 */
export const settleRefundTransaction = async ({ refundId, transactionId, body, now }: SettleRefundTransaction): Promise<Refund> => {
  const refund = await findRefund(refundId);
  const next = settleByHand(refund, transactionId, body);
  if (!next) throw new NotFoundError('The transaction');
  await transact([...refundPut(next, refund.version), ...owedConsequences(refund, next, now)]);
  return next;
};
