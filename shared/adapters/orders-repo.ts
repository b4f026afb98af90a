// Orders in the table: one item per order (lines, totals, refund counters and
// its recent timeline inside it), indexed by owner, by status, by date and by
// email, plus a pointer item under its number, and its older timeline entries
// in pages beside it.
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
  queryAll,
  queryPage,
  stripKeys,
  TABLE_NAME,
  transact,
  versionedPut,
  versionedSet,
} from './dynamo.ts';
import { listByStatusAndDate, listOwned } from './entity-lists.ts';
import { type IdempotencyKey, idempotencyRecord } from './idempotency.ts';
import { dateRange, entityIndexKeys, INDEX, ITEM_PREFIX, KEY, orderLookupKeys, PARTITION, TABLE_KEY } from './keys.ts';
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

/** An order as the refund rules read it: with its counters (every order is created with them). */
export interface OrderRead {
  readonly order: Order;
  readonly counters: RefundCounters;
}

export const orderReadOf = (item: Record<string, unknown>): OrderRead => ({
  order: fromItem(item),
  counters: item.refundCounters as RefundCounters,
});

/** Writes a new order and its number pointer, takes its tracked stock, and remembers the idempotent response: one transaction. */
/** `also`: the caller's items written with the order (a store-credit payment's debit marked as paying it). */
export const insertOrder = async (order: Order, idempotency: IdempotencyKey | undefined, also: readonly GuardedItem[] = []): Promise<void> => {
  await transact([
    versionedPut(toItem(order, NO_REFUNDS)),
    // Numbers and emails never change after creation, so the pointer is written once, here.
    versionedPut({ ...KEY.orderNumber(order.number, order.createdAt, order.id), type: 'OrderNumberRef', orderId: order.id }),
    ...[...unitsBySku(order.lineItems)].map(([sku, units]) => takeStock(sku, units)),
    ...idempotencyRecord(idempotency, order, order.createdAt),
    ...also,
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

/** Lifts the hold of a rejected request: the mark its filing set, and no other request's (a 409). */
export const releaseOrderHold = (orderId: string, cancellationId: string): GuardedItem => ({
  item: {
    Update: {
      TableName: TABLE_NAME,
      Key: KEY.order(orderId),
      UpdateExpression: 'REMOVE #held',
      ConditionExpression: '#held = :id',
      ExpressionAttributeNames: { '#held': HELD_BY },
      ExpressionAttributeValues: { ':id': cancellationId },
    },
  },
  onConditionFailed: () => new ConflictError('The order’s open cancellation changed concurrently; reload and retry.'),
});

/** The order as written, or, refused, the order as it was (none: not found) and whether a cancellation request held it. */
export type OrderMove = { readonly order: Order } | { readonly refused: { readonly order: Order; readonly held: boolean } | undefined };

/**
 * The timeline has no bound in the status table (out_for_delivery ↔
 * delivery_failed, each with a note of up to 1,000 characters), but an item
 * has one (400 KB) and every write of the order rewrites all of it. So the
 * order item keeps its recent entries: a move is refused once the list holds
 * TIMELINE_ROLLOVER, and then its first TIMELINE_PAGE entries move to a page
 * item of their own (one transaction, conditioned on the version and the
 * length it read; the version does not move: the order as answered is
 * unchanged) before the move is written again. The item carries at most
 * TIMELINE_ROLLOVER entries plus the few a cancellation or payment appends
 * (final or once), about 33 KB at worst; a page about 22 KB. Answers read the
 * pages back (`withWholeTimeline`) only for an order that has them: its kept
 * list no longer starts with the order's creation (`pending`, which no status
 * returns to).
 */
const TIMELINE_ROLLOVER = 30;
const TIMELINE_PAGE = 20;

const rollOverTimeline = async (item: Record<string, unknown>): Promise<void> => {
  const order = fromItem(item);
  const [moved, kept] = [order.timeline.slice(0, TIMELINE_PAGE), order.timeline.slice(TIMELINE_PAGE)];
  const first = moved[0];
  if (!first) return;
  try {
    await transact([
      versionedPut({ ...KEY.orderTimelinePage(order.id, first.at, order.version), type: 'OrderTimelinePage', orderId: order.id, entries: moved }),
      {
        item: {
          Update: {
            TableName: TABLE_NAME,
            Key: KEY.order(order.id),
            UpdateExpression: 'SET timeline = :kept',
            ConditionExpression: 'version = :v AND size(timeline) = :n',
            ExpressionAttributeValues: { ':kept': kept, ':v': order.version, ':n': order.timeline.length },
          },
        },
      },
    ]);
  } catch (error) {
    // Another writer moved the order (or rolled it over) first: the move is tried again on what it left.
    if (!(error instanceof ConflictError)) throw error;
  }
};

/** The order with its whole timeline: its older pages (one Query, oldest first) before the entries it keeps. */
export const withWholeTimeline = async (order: Order): Promise<Order> => {
  if (order.timeline[0]?.status === 'pending' || order.timeline.length === 0) return order;
  const pages = await queryAll({ key: { keys: TABLE_KEY, partition: PARTITION.orderItems(order.id), prefix: ITEM_PREFIX.timelinePage }, ConsistentRead: true });
  return { ...order, timeline: [...pages.flatMap((page) => page.entries as Order['timeline']), ...order.timeline] };
};

/** A fulfillment move: one conditional UpdateItem (status-update.ts); every TIMELINE_PAGE-th move of a long timeline rolls it over first. */
export const moveOrderStatus = async (orderId: string, write: OrderStatusWrite): Promise<OrderMove> => {
  const target = {
    entity: 'ORDER',
    key: KEY.order(orderId),
    absent: write.refuseWhileHeld ? [HELD_BY] : [],
    shorterThan: { timeline: TIMELINE_ROLLOVER },
  } as const;
  let result = await updateStatus(target, write);
  const full = 'refused' in result && (result.refused?.timeline as unknown[] | undefined)?.length;
  if ('refused' in result && result.refused && full && full >= TIMELINE_ROLLOVER) {
    await rollOverTimeline(result.refused);
    result = await updateStatus(target, write);
  }
  if ('written' in result) return { order: fromItem(result.written) };
  return { refused: result.refused && { order: fromItem(result.refused), held: result.refused[HELD_BY] !== undefined } };
};

export const saveOrder = async (order: Order, previousVersion: number, alongside: readonly GuardedItem[] = []): Promise<void> =>
  transact([orderPut(order, previousVersion), ...alongside]);

/** A page of orders as answered: each with its whole timeline. */
const wholePage = async (page: Promise<Page<Order>>): Promise<Page<Order>> => {
  const { items, nextCursor } = await page;
  return { items: await Promise.all(items.map(withWholeTimeline)), nextCursor };
};

/** An order as answered (GET): with its whole timeline. */
export const getWholeOrder = async (id: string, consistent = false): Promise<Order> => withWholeTimeline(await getOrderOrThrow(id, consistent));

export const listCustomerOrders = (customerId: string, page: PageRequest): Promise<Page<Order>> => wholePage(listOwned('ORDER', customerId, page, fromItem));

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
  wholePage(email ? listByEmail(email, filter, page) : number ? listByNumber(number, filter, page) : listByStatusAndDate('ORDER', filter, page, fromItem));
