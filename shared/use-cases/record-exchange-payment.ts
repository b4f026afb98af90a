// POST /admin/exchanges/{id}/payment {status: paid, reference}: with no
// payment provider configured, an admin records that the customer paid the
// difference (at the till, by transfer); the exchange then waits for its return.
import { transact } from '#shared/adapters/dynamo';
import { exchangePut, getExchangeOrThrow } from '#shared/adapters/exchanges-repo';
import type { Exchange } from '#shared/domain/exchange';
import { paidExchange } from '#shared/domain/exchange-moves';
import { checkIfMatch } from '#shared/domain/if-match';

export interface RecordExchangePayment {
  readonly exchangeId: string;
  readonly reference: string;
  readonly actor: string;
  readonly now: string;
  readonly ifMatch: number | undefined;
}

/**
 * Once: the write is conditioned on the version read, so of two admins
 * recording at once one commits and the other is a 409; a second record reads
 * `awaiting_return` and is a 409 too. A payment opened with the provider
 * (`payment` set: a checkout session) is the provider's to confirm through its
 * signed webhook, never an admin's (exchange-moves.ts paidExchange).
 */
export const recordExchangePayment = async ({ exchangeId, reference, actor, now, ifMatch }: RecordExchangePayment): Promise<Exchange> => {
  const exchange = await getExchangeOrThrow(exchangeId);
  checkIfMatch(exchange, ifMatch);
  const paid = paidExchange(exchange, reference, actor, now);
  await transact([exchangePut(paid, exchange.version)]);
  return paid;
};
