// The exchange a request would create, and its return request: read what the
// rules need in one BatchGetItem (the order and its counters, the settings,
// the reasons, the variants), check them, value it. Shared by calculate (which
// writes nothing) and create (which writes it), so the two cannot disagree.
import { newId } from '#shared/adapters/ids';
import { readForRules } from '#shared/adapters/rule-reads';
import { type Caller, visibleTo } from '#shared/domain/caller';
import { type Exchange, newExchange } from '#shared/domain/exchange';
import { type AdminCreateExchangeBody, checkExchange, exchangeReturn } from '#shared/domain/exchange-request';
import type { Order } from '#shared/domain/order';
import { returnUnitsOf } from '#shared/domain/refund-counters';
import type { ReturnRecord } from '#shared/domain/return-request';

export interface ExchangeAsk {
  readonly caller: Caller;
  readonly orderId: string;
  readonly body: AdminCreateExchangeBody;
  readonly actor: string;
  readonly now: string;
}

export interface ExchangePlan {
  /** The order as read: the claim on its units is conditioned on its counters. */
  readonly order: Order;
  readonly exchange: Exchange;
  readonly request: ReturnRecord;
}

/** Not the caller's order is a 404; a broken rule a 422 naming the item. */
export const planExchange = async ({ caller, orderId, body, actor, now }: ExchangeAsk): Promise<ExchangePlan> => {
  const reads = await readForRules({ orderId, reasonIds: body.inbound.map((i) => i.reasonId), skus: body.outbound.map((o) => o.sku) });
  const { order, counters } = visibleTo(caller, reads.order, (r) => r.order.customer.customerId, 'The order');
  const values = checkExchange({
    order,
    body,
    settings: reads.settings,
    reasons: reads.reasons,
    variants: reads.variants,
    refundedThroughReturns: returnUnitsOf(counters),
    now,
  });
  const exchange = newExchange({ id: newId('exc'), returnId: newId('ret'), order, values, negativeTo: body.negativeTo, by: actor, now });
  return { order, exchange, request: exchangeReturn(exchange, order, body.termsAccepted, actor, now) };
};
