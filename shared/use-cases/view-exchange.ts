// GET /exchanges/{id}: one of my exchanges as it now stands.
import { getExchange } from '#shared/adapters/exchanges-repo';
import { type Caller, visibleTo } from '#shared/domain/caller';
import type { Exchange } from '#shared/domain/exchange';

/** Anyone else's exchange is the same 404 as a missing one (the history's actors are mapped for customers by the HTTP layer). */
export const viewExchange = async (id: string, caller: Caller): Promise<Exchange> =>
  visibleTo(caller, await getExchange(id), (exchange) => exchange.customerId, 'The exchange');
