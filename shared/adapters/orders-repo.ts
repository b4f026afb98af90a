// Orders in the table: one item per order (lines, totals, refund counters and
// timeline inside it), indexed by owner, by status, by date and by email, plus a
// pointer item under its number.
import { BatchGetCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError, DomainError, NotFoundError } from '#shared/domain/errors';
import type { Order } from '#shared/domain/order';
import type { OrderStatus } from '#shared/domain/order-status';
import { db, type GuardedItem, type Page, type PageRequest, queryPage, stripKeys, TABLE_NAME, transact } from './dynamo.ts';
import { entityIndexKeys, listByStatusAndDate, listOwned } from './entity-lists.ts';
import { type IdempotencyKey, idempotencyPut } from './idempotency.ts';
import { dateRange, KEY, orderLookupKeys, PARTITION } from './keys.ts';
import { takeStock, unitsBySku } from './stock-repo.ts';

const toItem = (order: Order) => ({
  ...KEY.order(order.id),
  ...entityIndexKeys('ORDER', order, order.customer.customerId),
  ...orderLookupKeys(order),
  type: 'Order',
  ...order,
});
const fromItem = (item: Record<string, unknown>): Order => stripKeys<Order>(item);

export const epochSeconds = (iso: string): number => Math.floor(Date.parse(iso) / 1000);

/** Writes a new order and its number pointer, takes its tracked stock, and remembers the idempotent response: one transaction. */
export const insertOrder = async (order: Order, idempotency: IdempotencyKey | undefined): Promise<void> => {
  await transact([
    { item: { Put: { TableName: TABLE_NAME, Item: toItem(order), ConditionExpression: 'attribute_not_exists(PK)' } } },
    // Numbers and emails never change after creation, so the pointer is written once, here.
    {
      item: {
        Put: {
          TableName: TABLE_NAME,
          Item: { ...KEY.orderNumber(order.number, order.createdAt, order.id), type: 'OrderNumberRef', orderId: order.id },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
    },
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
  /** Exact order number; at most one of customerId, number, email (the API refuses more). */
  readonly number?: string | undefined;
  /** Exact customer email, any case. */
  readonly email?: string | undefined;
}

/** Orders by the customer's email on byLookup: dates bound the sort key, a status is filtered (one customer's orders are few). */
const listByEmail = (email: string, filter: OrderFilter, page: PageRequest): Promise<Page<Order>> => {
  const pk = PARTITION.ordersByEmail(email);
  const range = dateRange('', filter.dateStart, filter.dateEnd);
  return queryPage(
    {
      IndexName: 'byLookup',
      partition: { attr: 'GSI4PK', value: pk },
      KeyConditionExpression: 'GSI4PK = :pk AND GSI4SK BETWEEN :from AND :to',
      ...(filter.status ? { FilterExpression: '#status = :status', ExpressionAttributeNames: { '#status': 'status' } } : {}),
      ExpressionAttributeValues: { ':pk': pk, ':from': range.from, ':to': range.to, ...(filter.status ? { ':status': filter.status } : {}) },
      ScanIndexForward: false,
    },
    page,
    fromItem,
  );
};

/** The orders of `ids`, in that order: one BatchGetItem (≤ 100 keys, a page's worth), retrying what DynamoDB leaves unprocessed. */
const getOrders = async (ids: readonly string[]): Promise<Order[]> => {
  const found = new Map<string, Order>();
  let keys: Record<string, unknown>[] = ids.map((id) => KEY.order(id));
  while (keys.length > 0) {
    const out = await db.send(new BatchGetCommand({ RequestItems: { [TABLE_NAME]: { Keys: keys } } }));
    for (const item of out.Responses?.[TABLE_NAME] ?? []) found.set(String(item.id), fromItem(item));
    keys = out.UnprocessedKeys?.[TABLE_NAME]?.Keys ?? [];
  }
  return ids.flatMap((id) => found.get(id) ?? []);
};

/** Orders by number: a page of number pointers (dates bound their sort key), then their orders; a status is filtered after. */
const listByNumber = async (number: string, filter: OrderFilter, page: PageRequest): Promise<Page<Order>> => {
  const pk = PARTITION.ordersByNumber(number);
  const range = dateRange('', filter.dateStart, filter.dateEnd);
  const pointers = await queryPage(
    {
      partition: { attr: 'PK', value: pk },
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': pk, ':from': range.from, ':to': range.to },
      ScanIndexForward: false,
    },
    page,
    (item) => String(item.orderId),
  );
  const orders = await getOrders(pointers.items);
  return { items: filter.status ? orders.filter((o) => o.status === filter.status) : orders, nextCursor: pointers.nextCursor };
};

export const listOrders = ({ number, email, ...filter }: OrderFilter, page: PageRequest): Promise<Page<Order>> =>
  email ? listByEmail(email, filter, page) : number ? listByNumber(number, filter, page) : listByStatusAndDate('ORDER', filter, page, fromItem);
