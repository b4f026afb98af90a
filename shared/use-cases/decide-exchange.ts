// An admin decides an exchange the customer asked for: approve (the outbound
// stock taken, all or nothing, and on at once to awaiting_payment or
// awaiting_return) or deny with a reason (its return request withdrawn).
import { transact } from '#shared/adapters/dynamo';
import { exchangePut, getExchangeOrThrow } from '#shared/adapters/exchanges-repo';
import { availableUnits, takeStock, unitsBySku } from '#shared/adapters/stock-repo';
import { ConflictError } from '#shared/domain/errors';
import type { Exchange } from '#shared/domain/exchange';
import { approvedExchange, deniedExchange } from '#shared/domain/exchange-moves';
import { checkIfMatch } from '#shared/domain/if-match';
import { closeExchangeItems } from './steps/close-exchange.ts';

export interface DecideExchange {
  readonly exchangeId: string;
  readonly actor: string;
  readonly now: string;
  readonly ifMatch: number | undefined;
}

/** A tracked SKU had fewer units than the approval takes: which ones is read after the transaction failed. */
class ShortStock extends Error {}

/** The 409 that names every short SKU (read after the refusal: the transaction says only that one failed). */
const shortStockConflict = async (exchange: Exchange, units: ReadonlyMap<string, number>): Promise<ConflictError> => {
  const available = await availableUnits([...units.keys()]);
  const short = [...units].filter(([sku, wanted]) => (available.get(sku) ?? Number.POSITIVE_INFINITY) < wanted).map(([sku]) => sku);
  return new ConflictError(`Not enough stock to approve: ${short.join(', ') || 'a SKU changed meanwhile; retry'}.`, {
    allowedTransitions: ['denied'],
    skus: short,
    errors: exchange.outbound.flatMap((item, i) =>
      short.includes(item.sku) ? [{ path: `outbound.${i}.sku`, message: `${item.sku} has ${available.get(item.sku)} units in stock` }] : [],
    ),
  });
};

/**
 * Two round trips: the exchange, then ONE transaction of its next version and
 * a conditional decrement per outbound SKU. All or nothing: one short SKU
 * fails the whole transaction, so no unit is taken and the status stays.
 * Race: two admins approve at once; both read v1 and both transactions take
 * the stock, but the exchange's `version = 1` lets one commit: the other
 * writes nothing (its stock included) and is a 409.
 */
export const approveExchange = async ({ exchangeId, actor, now, ifMatch }: DecideExchange): Promise<Exchange> => {
  const exchange = await getExchangeOrThrow(exchangeId);
  checkIfMatch(exchange, ifMatch);
  const approved = approvedExchange(exchange, actor, now);
  const units = unitsBySku(exchange.outbound);
  try {
    // The exchange first: when both it and a stock item fail, the lost race explains the rest.
    await transact([exchangePut(approved, exchange.version), ...[...units].map(([sku, quantity]) => takeStock(sku, quantity, () => new ShortStock()))]);
  } catch (error) {
    throw error instanceof ShortStock ? await shortStockConflict(exchange, units) : error;
  }
  return approved;
};

/** Denied with the reason: nothing was taken yet (only approval takes stock); its return request is withdrawn. */
export const denyExchange = async ({ exchangeId, actor, now, ifMatch, reason }: DecideExchange & { readonly reason: string }): Promise<Exchange> => {
  const exchange = await getExchangeOrThrow(exchangeId);
  checkIfMatch(exchange, ifMatch);
  const denied = deniedExchange(exchange, reason, actor, now);
  await transact(await closeExchangeItems(exchange, denied, actor, now));
  return denied;
};
