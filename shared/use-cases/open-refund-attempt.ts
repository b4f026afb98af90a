// A new attempt to pay what a refund still owes after its transaction failed:
// by card again, by bank transfer, or by a voucher (which settles at once).
import { transact } from '#shared/adapters/dynamo';
import { type IdempotencyKey, idempotencyRecord } from '#shared/adapters/idempotency';
import { newId, newSecretCode } from '#shared/adapters/ids';
import { getOrderOrThrow } from '#shared/adapters/orders-repo';
import { findRefund, refundPut } from '#shared/adapters/refunds-repo';
import { getSettings } from '#shared/adapters/settings-repo';
import type { Refund } from '#shared/domain/refund';
import { type NewAttemptBody, openAttempt } from '#shared/domain/refund-ledger';
import { refundCreditItems } from './steps/credit-refund.ts';
import { owedConsequences } from './steps/owed-consequences.ts';

export interface OpenRefundAttempt {
  readonly refundId: string;
  readonly body: NewAttemptBody;
  readonly now: string;
  readonly idempotency?: IdempotencyKey | undefined;
}

/**
 * Race: two admins retry the same failed refund at once (or one retries while
 * another settles). Both read the refund at v2 and write it with `version = 2`;
 * one commits, the other is a 409, so there is never more than one pending
 * attempt and never more than `owed` in flight.
 */
export const openRefundAttempt = async ({ refundId, body, now, idempotency }: OpenRefundAttempt): Promise<Refund> => {
  const refund = await findRefund(refundId);
  const order = await getOrderOrThrow(refund.orderId);
  // ibantools (17 KB, about 0.06 of the refunds function's cold start) loads with the first attempt, not at init.
  const { ibanOf } = await import('#shared/domain/iban');
  const next = openAttempt(refund, order, body, { transactionId: newId('txn'), voucherCode: newSecretCode, now, readIban: ibanOf });
  // A store-credit attempt is credited in the same transaction (its own new transaction only).
  const credited = await refundCreditItems({
    refund: { transactions: next.transactions.slice(-1), currency: next.currency },
    customer: order.customer,
    settings: await getSettings(),
    withBonus: false,
    now,
    by: 'admin',
  });
  await transact([
    // First, so a same-key twin that committed first is reported as a replay, not as a lost race.
    ...idempotencyRecord(idempotency, next, now),
    ...credited,
    ...refundPut(next, refund.version),
    ...owedConsequences(refund, next, now),
  ]);
  return next;
};
