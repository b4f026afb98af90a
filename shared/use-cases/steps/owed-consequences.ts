// What a refund's new `owed` changes elsewhere: every writer of a refund (an
// admin settling or retrying it, the provider's answer or webhook) writes these
// items with it.
import { cancellationPaidOff } from '#shared/adapters/cancellations-repo';
import type { GuardedItem } from '#shared/adapters/dynamo';
import { returnOwedUpdate } from '#shared/adapters/returns-repo';
import { PAID_OFF } from '#shared/domain/cancellation';
import type { Refund } from '#shared/domain/refund';

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
