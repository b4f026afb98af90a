// Exchanges in the table: one item per exchange (EXCHANGE#<id> / EXCHANGE),
// listed like a return request: by owner, by status and date, by date, and
// with everything filed against its order (keys.ts). Its return request and
// the stock it holds are written beside it, in the same transaction, by the
// use cases.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError, NotFoundError } from '#shared/domain/errors';
import type { Exchange } from '#shared/domain/exchange';
import type { ExchangeStatus } from '#shared/domain/exchange-status';
import { db, type GuardedItem, type Page, type PageRequest, stripKeys, TABLE_NAME, versionedPut, versionedSet } from './dynamo.ts';
import { listByStatusAndDate, listOwned } from './entity-lists.ts';
import { entityIndexKeys, filedAgainstOrderKeys, KEY } from './keys.ts';

const toItem = (e: Exchange) => ({
  ...KEY.exchange(e.id),
  ...entityIndexKeys('EXCHANGE', e, e.customerId),
  ...filedAgainstOrderKeys('EXCHANGE', e),
  type: 'Exchange',
  ...e,
});
const fromItem = (item: Record<string, unknown>): Exchange => stripKeys<Exchange>(item);

/** The creating write: fails if the id somehow exists. */
export const exchangeInsert = (e: Exchange): GuardedItem => versionedPut(toItem(e));

/**
 * Replaces an exchange only if nobody changed it since `previousVersion` was
 * read. Two admins approve v1 at once: both take the stock in their
 * transaction, but only the first's `version = 1` holds; the second
 * transaction fails whole (its stock untouched) with a 409.
 * Likewise a paid event racing its replay, or a page recorded while the exchange
 * is cancelled: one commits, the other's transaction fails whole.
 */
export const exchangePut = (e: Exchange, previousVersion: number): GuardedItem =>
  versionedSet(KEY.exchange(e.id), toItem(e), previousVersion, () => new ConflictError('The exchange was changed concurrently; reload it and retry.'));

/** Strongly consistent: an exchange read right after its creation is found. */
export const getExchange = async (id: string): Promise<Exchange | undefined> => {
  const { Item } = await db.send(new GetCommand({ TableName: TABLE_NAME, Key: KEY.exchange(id), ConsistentRead: true }));
  return Item ? fromItem(Item) : undefined;
};

export const getExchangeOrThrow = async (id: string): Promise<Exchange> => {
  const found = await getExchange(id);
  if (!found) throw new NotFoundError('The exchange');
  return found;
};

export const listCustomerExchanges = (customerId: string, page: PageRequest): Promise<Page<Exchange>> => listOwned('EXCHANGE', customerId, page, fromItem);

export interface ExchangeFilter {
  readonly status?: ExchangeStatus | undefined;
  readonly dateStart?: string | undefined;
  readonly dateEnd?: string | undefined;
}

export const listExchanges = (filter: ExchangeFilter, page: PageRequest): Promise<Page<Exchange>> => listByStatusAndDate('EXCHANGE', filter, page, fromItem);
