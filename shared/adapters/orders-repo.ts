// Orders in the table: one item per order (lines, totals, refund counters and
// timeline inside it), indexed by owner, by status, by date and by email, plus a
// pointer item under its number.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError, NotFoundError } from '#shared/domain/errors';
import type { Order } from '#shared/domain/order';
import type { OrderStatus } from '#shared/domain/order-status';
import type { OrderStatusWrite } from '#shared/domain/order-status-change';
import { NO_REFUNDS, type RefundCounters } from '#shared/domain/refund-counters';
import {
  batchGet,
  db,
  type GuardedItem,
  keyId,
  type Page,
  type PageRequest,
  queryPage,
  stripKeys,
  TABLE_NAME,
  transact,
  versionedPut,
  versionedSet,
} from './dynamo.ts';
import { listByStatusAndDate, listOwned } from './entity-lists.ts';
import { type IdempotencyKey, idempotencyRecord } from './idempotency.ts';
import { dateRange, entityIndexKeys, INDEX, KEY, orderLookupKeys, PARTITION, TABLE_KEY } from './keys.ts';
import { updateStatus } from './status-update.ts';
import { takeStock, unitsBySku } from './stock-repo.ts';

/**
 * `refundCounters` (see shared/domain/refund-counters.ts) is storage only:
 * stripKeys drops it from every answer, email and event.
 */
const toItem = (order: Order, counters?: RefundCounters) => ({
  ...KEY.order(order.id),
  ...entityIndexKeys('ORDER', order, order.customer.customerId),
  ...orderLookupKeys(order),
  type: 'Order',
  ...order,
  ...(counters ? { refundCounters: counters } : {}),
});
const fromItem = (item: Record<string, unknown>): Order => stripKeys<Order>(item);

/** An order as the refund rules read it: its counters are absent on an order stored before they existed. */
export interface OrderRead {
  readonly order: Order;
  readonly counters: RefundCounters | undefined;
}

export const orderReadOf = (item: Record<string, unknown>): OrderRead => ({
  order: fromItem(item),
  counters: item.refundCounters as RefundCounters | undefined,
});

/** Writes a new order and its number pointer, takes its tracked stock, and remembers the idempotent response: one transaction. */
export const insertOrder = async (order: Order, idempotency: IdempotencyKey | undefined): Promise<void> => {
  await transact([
    versionedPut(toItem(order, NO_REFUNDS)),
    // Numbers and emails never change after creation, so the pointer is written once, here.
    versionedPut({ ...KEY.orderNumber(order.number, order.createdAt, order.id), type: 'OrderNumberRef', orderId: order.id }),
    ...[...unitsBySku(order.lineItems)].map(([sku, units]) => takeStock(sku, units)),
    ...idempotencyRecord(idempotency, order, order.createdAt),
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

/**
 * Marks the order held by a customer's open cancellation request: the order
 * item itself carries it, so a status change conditions on it in its one
 * write. Set with the request, removed on rejection; a cancelled order keeps
 * the mark of the request that cancelled it, harmless since nothing moves a
 * cancelled order. Table-own: never in an answer, email or event (stripKeys).
 */
const HELD_BY = 'openCancellationId';

/**
 * Replaces an order only if nobody changed it since `previousVersion` was read.
 * Two racing writers both read v3; the first writes v4, the second's condition
 * `version = 3` fails and it gets a 409 instead of overwriting.
 * Every attribute is SET rather than the item Put, so a writer that does not
 * pass the refund counters keeps them as they are: they are still exact, since
 * only a refund changes them and a refund writes them with the order. The
 * same keeps the hold mark (HELD_BY) through every writer; `holdFor` sets it
 * (a cancellation request).
 */
export const orderPut = (order: Order, previousVersion: number, counters?: RefundCounters, holdFor?: string): GuardedItem =>
  versionedSet(
    KEY.order(order.id),
    { ...toItem(order, counters), ...(holdFor ? { [HELD_BY]: holdFor } : {}) },
    previousVersion,
    () => new ConflictError('The order was changed concurrently; reload it and retry.'),
  );

/** Sets or removes the hold mark of one request; an order marked by another request is left alone (a 409). */
const holdUpdate = (orderId: string, cancellationId: string, update: 'SET #held = :id' | 'REMOVE #held'): GuardedItem => ({
  item: {
    Update: {
      TableName: TABLE_NAME,
      Key: KEY.order(orderId),
      UpdateExpression: update,
      ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(#held) OR #held = :id)',
      ExpressionAttributeNames: { '#held': HELD_BY },
      ExpressionAttributeValues: { ':id': cancellationId },
    },
  },
  onConditionFailed: () => new ConflictError('The order’s open cancellation changed concurrently; reload and retry.'),
});

/** Lifts the hold of a rejected request; tolerates an order that never got the mark (requests filed before the order carried it). */
export const releaseOrderHold = (orderId: string, cancellationId: string): GuardedItem => holdUpdate(orderId, cancellationId, 'REMOVE #held');

/** Marks an order held by an open request filed before the order carried the mark (backfill-order-holds.ts). */
export const holdOrder = (orderId: string, cancellationId: string): GuardedItem => holdUpdate(orderId, cancellationId, 'SET #held = :id');

/** The order as written, or, refused, the order as it was (none: not found) and whether a cancellation request held it. */
export type OrderMove = { readonly order: Order } | { readonly refused: { readonly order: Order; readonly held: boolean } | undefined };

/** A fulfillment move: one conditional UpdateItem (status-update.ts). */
export const moveOrderStatus = async (orderId: string, write: OrderStatusWrite): Promise<OrderMove> => {
  const result = await updateStatus({ entity: 'ORDER', key: KEY.order(orderId), absent: write.refuseWhileHeld ? [HELD_BY] : [] }, write);
  if ('written' in result) return { order: fromItem(result.written) };
  return { refused: result.refused && { order: fromItem(result.refused), held: result.refused[HELD_BY] !== undefined } };
};

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
  return queryPage(
    {
      key: { keys: INDEX.byLookup, partition: PARTITION.ordersByEmail(email), range: dateRange('', filter.dateStart, filter.dateEnd) },
      ...(filter.status
        ? { FilterExpression: '#status = :status', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':status': filter.status } }
        : {}),
      ScanIndexForward: false,
    },
    page,
    fromItem,
  );
};

/** The orders of `ids`, in that order: one BatchGetItem (≤ 100 keys, a page's worth), retrying what DynamoDB leaves unprocessed. */
const getOrders = async (ids: readonly string[]): Promise<Order[]> => {
  const found = await batchGet(
    ids.map((id) => KEY.order(id)),
    false,
  );
  return ids.flatMap((id) => {
    const item = found.get(keyId(KEY.order(id)));
    return item ? [fromItem(item)] : [];
  });
};

/** Orders by number: a page of number pointers (dates bound their sort key), then their orders; a status is filtered after. */
const listByNumber = async (number: string, filter: OrderFilter, page: PageRequest): Promise<Page<Order>> => {
  const pointers = await queryPage(
    { key: { keys: TABLE_KEY, partition: PARTITION.ordersByNumber(number), range: dateRange('', filter.dateStart, filter.dateEnd) }, ScanIndexForward: false },
    page,
    (item) => String(item.orderId),
  );
  const orders = await getOrders(pointers.items);
  return { items: filter.status ? orders.filter((o) => o.status === filter.status) : orders, nextCursor: pointers.nextCursor };
};

export const listOrders = ({ number, email, ...filter }: OrderFilter, page: PageRequest): Promise<Page<Order>> =>
  email ? listByEmail(email, filter, page) : number ? listByNumber(number, filter, page) : listByStatusAndDate('ORDER', filter, page, fromItem);
