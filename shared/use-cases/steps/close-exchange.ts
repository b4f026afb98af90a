// What closing an exchange early writes besides the exchange (denied or
// cancelled): the stock its approval took, given back, and its return request
// withdrawn with its units given back to the order, all in the exchange's
// own transaction, so each happens exactly once: a second close finds the
// exchange's version moved and writes nothing.
import type { GuardedItem } from '#shared/adapters/dynamo';
import { exchangePut } from '#shared/adapters/exchanges-repo';
import { getOrderOrThrow } from '#shared/adapters/orders-repo';
import { getReturn, releaseReturnUnits, returnPut } from '#shared/adapters/returns-repo';
import { returnStock, unitsBySku } from '#shared/adapters/stock-repo';
import { ConflictError } from '#shared/domain/errors';
import type { Exchange } from '#shared/domain/exchange';
import { stockGivenBack } from '#shared/domain/exchange-moves';
import { transitionReturn } from '#shared/domain/return-lifecycle';

/** The return request is final already (withdrawn or denied on its own): nothing of it to undo. */
const SETTLED = new Set(['cancelled', 'denied']);

/**
 * The items of the close from `before` to `after` (read at `before.version`).
 * Its return must still be `new`: once picked up, the goods are on their way
 * back and the exchange runs to verification instead (409 naming the return).
 */
export const closeExchangeItems = async (before: Exchange, after: Exchange, actor: string, now: string): Promise<GuardedItem[]> => {
  const [request, order] = await Promise.all([getReturn(before.returnId), getOrderOrThrow(before.orderId, true)]);
  const withdraw: GuardedItem[] = [];
  if (request && !SETTLED.has(request.status)) {
    if (request.status !== 'new') {
      throw new ConflictError(`Its return request ${request.id} is already ${request.status}: the items are on their way back.`, {
        allowedTransitions: [],
      });
    }
    const withdrawn = transitionReturn(request, { to: 'cancelled', at: now, by: actor, role: 'admin' });
    withdraw.push(returnPut(withdrawn, request.version), releaseReturnUnits(order, request.items, now));
  }
  return [exchangePut(after, before.version), ...withdraw, ...[...unitsBySku(stockGivenBack(before, after))].map(([sku, units]) => returnStock(sku, units))];
};
