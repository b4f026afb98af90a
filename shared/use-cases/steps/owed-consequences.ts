// What a change of a refund's `owed` changes elsewhere, a step of every use
// case that moves it (settle by hand or by the provider, a new attempt, the
// provider's answer to a send).
import { cancellationPaidOff } from '#shared/adapters/cancellations-repo';
import type { GuardedItem } from '#shared/adapters/dynamo';
import { returnOwedUpdate } from '#shared/adapters/returns-repo';
import { PAID_OFF, PAYMENT_REVERSED } from '#shared/domain/cancellation';
import type { Refund } from '#shared/domain/refund';

/**
 * Written in the same transaction as the refund, without reading anything
 * first (the refund's source names it): the return it pays for shows the new
 * `owed`; the cancellation it pays for becomes `refunded` when `owed` reaches
 * 0 (from `approved`), and `approved` again when a provider reverses that
 * success (`owed` rises from 0: the money did not arrive after all). The
 * order's `totals.refunded` and `paymentStatus` count what the shop committed
 * to give back, paid out or still owed, so neither moves here.
 */
export const owedConsequences = (before: Refund, after: Refund, now: string): GuardedItem[] => {
  if (after.owed === before.owed || !after.source.id) return [];
  if (after.source.type === 'return') return [returnOwedUpdate(after.source.id, after.id, after.owed, now)];
  if (after.source.type !== 'cancellation') return [];
  if (after.owed === 0) return [cancellationPaidOff(after.source.id, after.id, PAID_OFF, now)];
  return before.owed === 0 ? [cancellationPaidOff(after.source.id, after.id, PAYMENT_REVERSED, now)] : [];
};
