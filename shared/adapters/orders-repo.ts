// Orders in the table: one item per order (lines, totals, refund counters and
// timeline inside it), indexed by owner, by status and by date.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError, DomainError, NotFoundError } from '#shared/domain/errors';
import type { Order } from '#shared/domain/order';
import type { OrderStatus } from '#shared/domain/order-status';
import { db, type GuardedItem, type Page, type PageRequest, stripKeys, TABLE_NAME, transact } from './dynamo.ts';
import { entityIndexKeys, listByStatusAndDate, listOwned } from './entity-lists.ts';
import { type IdempotencyKey, idempotencyPut } from './idempotency.ts';
import { KEY } from './keys.ts';
import { takeStock, unitsBySku } from './stock-repo.ts';

const toItem = (order: Order) => ({ ...KEY.order(order.id), ...entityIndexKeys('ORDER', order, order.customer.customerId), type: 'Order', ...order });
const fromItem = (item: Record<string, unknown>): Order => stripKeys<Order>(item);

export const epochSeconds = (iso: string): number => Math.floor(Date.parse(iso) / 1000);

/** Writes a new order, takes its tracked stock, and remembers the idempotent response: one transaction. */
export const insertOrder = async (order: Order, idempotency: IdempotencyKey | undefined): Promise<void> => {
  await transact([
    { item: { Put: { TableName: TABLE_NAME, Item: toItem(order), ConditionExpression: 'attribute_not_exists(PK)' } } },
    ...[...unitsBySku(order.lineItems)].map(([sku, units]) => takeStock(sku, units)),
    ...(idempotency ? [idempotencyPut(idempotency, { status: 201, body: order }, epochSeconds(order.createdAt))] : []),
  ]);
};

/** `consistent` for read-modify-write loops: a stale read would only lose its version race again. */
export const getOrder = async (id: string, consistent = false): Promise<Order | undefined> => {
  const { Item } = await db.send(new GetCommand({ TableName: TABLE_NAME, Key: KEY.order(id), ConsistentRead: consistent }));
  return Item ? fromItem(Item) : undefined;
};

export const getOrderOrThrow = async (id: string, consistent = false): Promise<Order> => {
  const order = await getOrder(id, consistent);
  if (!order) throw new NotFoundError('The order');
  return order;
};

/** A customer sees only their own orders; anyone else's is "not found". */
export const getOwnOrder = async (id: string, customerId: string): Promise<Order> => {
  const order = await getOrder(id);
  if (!order || order.customer.customerId !== customerId) throw new NotFoundError('The order');
  return order;
};

/** Checks If-Match before any work: a stale version is a 412. */
export const checkIfMatch = (current: { version: number }, ifMatch: number | undefined): void => {
  if (ifMatch !== undefined && ifMatch !== current.version) {
    throw new DomainError('precondition_failed', `If-Match names version ${ifMatch}; the current version is ${current.version}.`);
  }
};

/**
 * Replaces an order only if nobody changed it since `previousVersion` was read.
 * Two racing writers both read v3; the first writes v4, the second's condition
 * `version = 3` fails and it gets a 409 instead of overwriting.
 */
export const orderPut = (order: Order, previousVersion: number): GuardedItem => ({
  item: {
    Put: {
      TableName: TABLE_NAME,
      Item: toItem(order),
      ConditionExpression: 'version = :v',
      ExpressionAttributeValues: { ':v': previousVersion },
    },
  },
  onConditionFailed: () => new ConflictError('The order was changed concurrently; reload it and retry.'),
});

export const saveOrder = async (order: Order, previousVersion: number, alongside: readonly GuardedItem[] = []): Promise<void> =>
  transact([orderPut(order, previousVersion), ...alongside]);

export const listCustomerOrders = (customerId: string, page: PageRequest): Promise<Page<Order>> => listOwned('ORDER', customerId, page, fromItem);

export interface OrderFilter {
  readonly status?: OrderStatus | undefined;
  readonly dateStart?: string | undefined;
  readonly dateEnd?: string | undefined;
  readonly customerId?: string | undefined;
}

export const listOrders = (filter: OrderFilter, page: PageRequest): Promise<Page<Order>> => listByStatusAndDate('ORDER', filter, page, fromItem);
