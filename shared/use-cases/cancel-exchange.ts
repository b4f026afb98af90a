// POST /exchanges/{id}/cancel (the customer, while requested or awaiting
// payment) and POST /admin/exchanges/{id}/cancel (an admin, while awaiting
// payment): cancelled, the stock its approval took given back, its return
// request withdrawn; once.
import { transact } from '#shared/adapters/dynamo';
import { getExchange } from '#shared/adapters/exchanges-repo';
import { type Caller, visibleTo } from '#shared/domain/caller';
import type { Exchange } from '#shared/domain/exchange';
import { cancelledExchange } from '#shared/domain/exchange-moves';
import { checkIfMatch } from '#shared/domain/if-match';
import { closeExchangeItems } from './steps/close-exchange.ts';

export interface CancelExchange {
  readonly exchangeId: string;
  readonly caller: Caller;
  readonly actor: string;
  readonly now: string;
  readonly ifMatch: number | undefined;
}

/**
 * Race: a customer cancels while an admin approves. Both read v1; one
 * transaction commits. Cancel first: the approval's `version = 1` fails, no
 * stock is taken. Approval first: the cancel's fails (409); a cancel sent
 * again reads the approved exchange and, awaiting payment, gives back exactly
 * what the approval took. Two cancels: the second is a 409, the stock is
 * given back once.
 */
export const cancelExchange = async ({ exchangeId, caller, actor, now, ifMatch }: CancelExchange): Promise<Exchange> => {
  const exchange = visibleTo(caller, await getExchange(exchangeId), (e) => e.customerId, 'The exchange');
  checkIfMatch(exchange, ifMatch);
  const cancelled = cancelledExchange(exchange, caller.role, actor, now);
  await transact(await closeExchangeItems(exchange, cancelled, actor, now));
  return cancelled;
};
