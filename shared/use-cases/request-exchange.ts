// POST /exchanges (the customer) and POST /admin/orders/{orderId}/exchanges
// (an admin on their behalf): the exchange in `requested` and its return
// request, in one transaction.
import { transact } from '#shared/adapters/dynamo';
import { exchangeInsert } from '#shared/adapters/exchanges-repo';
import { type IdempotencyKey, idempotencyRecord } from '#shared/adapters/idempotency';
import { claimReturnUnits, returnInsert } from '#shared/adapters/returns-repo';
import type { Exchange } from '#shared/domain/exchange';
import { type ExchangeAsk, planExchange } from './steps/plan-exchange.ts';
import { ConcurrentChangeError, retryOnChange } from './steps/retry-on-change.ts';

export interface RequestExchange extends ExchangeAsk {
  readonly idempotency: IdempotencyKey | undefined;
}

/**
 * Creates an exchange in two round trips: one BatchGetItem (planExchange),
 * then ONE transaction of the exchange, its return request and the claim of
 * the inbound units on the order. Race: an exchange and a return (or a refund)
 * for the last units of a line both pass the rules; the claim is conditioned
 * on the counters they read, so one commits and the other re-reads and is
 * refused (returns-repo claimReturnUnits). Nothing is half-written: a refusal
 * fails the whole transaction.
 */
export const requestExchange = ({ idempotency, ...ask }: RequestExchange): Promise<Exchange> =>
  retryOnChange(async () => {
    const { order, exchange, request } = await planExchange(ask);
    await transact([
      // Decisive: a same-key twin that committed first is reported as a replay, not as a lost race.
      ...idempotencyRecord(idempotency, exchange, ask.now),
      exchangeInsert(exchange),
      returnInsert(request, order),
      { ...claimReturnUnits(order, request.items, ask.now), onConditionFailed: () => new ConcurrentChangeError('order') },
    ]);
    return exchange;
  });
