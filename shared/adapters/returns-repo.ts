// Return requests in the table: one item per request (RETURN#<id> / RETURN),
// its comments beside it (RETURN#<id> / COMMENT#<cmtId>) and copied onto it
// while they fit (shared/domain/comment-copies.ts), indexed by owner, by
// status and by date; and the per-line "units in open returns" counter
// (`lineItems[i].returnedQuantity`) on the order item.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { CommentCopyState } from '#shared/domain/comment-copies';
import { ConflictError, NotFoundError } from '#shared/domain/errors';
import type { Order } from '#shared/domain/order';
import type { ReturnComment, ReturnRecord } from '#shared/domain/return-request';
import type { ReturnStatus } from '#shared/domain/return-status';
import { VERDICT, verdictOf } from '#shared/domain/return-status-change';
import type { StatusWrite } from '#shared/domain/status-write';
import { db, type GuardedItem, type Page, type PageRequest, queryAll, stripKeys, TABLE_NAME, versionedPut, versionedSet } from './dynamo.ts';
import { listByStatusAndDate, listFiledAgainst, listOwned } from './entity-lists.ts';
import { entityIndexKeys, filedAgainstOrderKeys, ITEM_PREFIX, KEY, PARTITION, TABLE_KEY } from './keys.ts';
import { COPIES, COUNTED, commentOf, copyStateOf } from './return-comment-copies.ts';
import { updateStatus } from './status-update.ts';

const toItem = (r: ReturnRecord) => ({
  ...KEY.returnRequest(r.id),
  ...entityIndexKeys('RETURN', r, r.customerId),
  ...filedAgainstOrderKeys('RETURN', r),
  type: 'ReturnRequest',
  ...r,
  // Table-own, rewritten with every write of the request: the condition of the one-write move to `approved`.
  [VERDICT]: verdictOf(r),
});
const fromItem = (item: Record<string, unknown>): ReturnRecord => stripKeys<ReturnRecord>(item);

/** A stored comment also carries what the notifier needs to find the customer. */
export interface StoredComment extends ReturnComment {
  readonly returnId: string;
  readonly orderId: string;
  readonly customerId: string;
}

/**
 * Table-own: where each of the request's lines sits in the order's
 * `lineItems` (an order's lines never move), so a move that gives units back
 * writes the order's counters without reading the order.
 */
const POSITIONS = 'linePositions';

/** The creating write: fails if the id somehow exists. A new request starts with an empty, complete copy and its lines' positions in `order`. */
export const returnInsert = (r: ReturnRecord, order: Order): GuardedItem =>
  versionedPut({
    ...toItem(r),
    [COPIES]: [],
    [COUNTED]: 0,
    [POSITIONS]: Object.fromEntries(r.items.map((item) => [item.lineItemId, lineIndex(order, item.lineItemId)])),
  });

/**
 * Replaces a request only if nobody changed it since `previousVersion` was
 * read. Two admins both read v3 and move it to picked_up: the first writes v4,
 * the second's `version = 3` fails and it gets a 409 instead of a second
 * history entry (or a second refund).
 */
export const returnPut = (r: ReturnRecord, previousVersion: number): GuardedItem =>
  versionedSet(
    KEY.returnRequest(r.id),
    toItem(r),
    previousVersion,
    () => new ConflictError('The return request was changed concurrently; reload it and retry.'),
  );

export const commentInsert = (c: StoredComment): GuardedItem => versionedPut({ ...KEY.returnComment(c.returnId, c.id), type: 'ReturnComment', ...c });

/** The request alone (strongly consistent), without its comments. */
export const getReturn = async (id: string): Promise<ReturnRecord | undefined> => {
  const { Item } = await db.send(new GetCommand({ TableName: TABLE_NAME, Key: KEY.returnRequest(id), ConsistentRead: true }));
  return Item ? fromItem(Item) : undefined;
};

/** A request's partition, strongly consistent: all of it, or only its comments. */
const queryPartition = (id: string, commentsOnly: boolean): Promise<Record<string, unknown>[]> =>
  queryAll({
    key: { keys: TABLE_KEY, partition: PARTITION.returnItems(id), ...(commentsOnly ? { prefix: ITEM_PREFIX.comment } : {}) },
    ConsistentRead: true,
  });

/** A request, its comments (the items, not the copy), what its item says of its copy, and where its lines sit in the order. */
export interface StoredReturn {
  readonly request: ReturnRecord;
  readonly comments: ReturnComment[];
  readonly copy: CommentCopyState;
  readonly linePositions: Readonly<Record<string, number>>;
}

/** The request and all its comments: one Query on its partition. */
export const getReturnWithComments = async (id: string): Promise<StoredReturn | undefined> => {
  const items = await queryPartition(id, false);
  const request = items.find((i) => i.type === 'ReturnRequest');
  if (!request) return undefined;
  return {
    request: fromItem(request),
    comments: items.filter((i) => i.type === 'ReturnComment').map(commentOf),
    copy: copyStateOf(request),
    linePositions: (request[POSITIONS] ?? {}) as Record<string, number>,
  };
};

/** A request's comments alone (read before the status write of a request that carries no copy of them). */
export const getReturnComments = async (id: string): Promise<ReturnComment[]> => (await queryPartition(id, true)).map(commentOf);

/** The request as written with its comments, or, refused, the request as it was (none: not found). */
export type ReturnMove = { readonly request: ReturnRecord; readonly comments: readonly ReturnComment[] } | { readonly refused: ReturnRecord | undefined };

/** The item carries no copy of its comments: nothing was written. */
type Uncopied = { readonly uncopied: true };

/**
 * A move that only stamps the status: one conditional UpdateItem
 * (status-update.ts), whose ALL_NEW image carries the comments' copy: the
 * write requires it. Given the `comments` (read before, for an item without
 * a copy), it requires none and answers those.
 */
export function moveReturnStatus(id: string, write: StatusWrite<ReturnStatus>): Promise<ReturnMove | Uncopied>;
export function moveReturnStatus(id: string, write: StatusWrite<ReturnStatus>, comments: readonly ReturnComment[]): Promise<ReturnMove>;
export async function moveReturnStatus(id: string, write: StatusWrite<ReturnStatus>, comments?: readonly ReturnComment[]): Promise<ReturnMove | Uncopied> {
  const result = await updateStatus({ entity: 'RETURN', key: KEY.returnRequest(id), present: comments ? [] : [COPIES] }, write);
  if ('written' in result) {
    return { request: fromItem(result.written), comments: comments ?? (result.written[COPIES] as Record<string, unknown>[]).map(commentOf) };
  }
  if (!comments && result.refused && !copyStateOf(result.refused).copied) return { uncopied: true };
  return { refused: result.refused && fromItem(result.refused) };
}

export const getReturnOrThrow = async (id: string): Promise<StoredReturn> => {
  const found = await getReturnWithComments(id);
  if (!found) throw new NotFoundError('The return request');
  return found;
};

export const listCustomerReturns = (customerId: string, page: PageRequest): Promise<Page<ReturnRecord>> => listOwned('RETURN', customerId, page, fromItem);

export interface ReturnFilter {
  readonly status?: ReturnStatus | undefined;
  readonly dateStart?: string | undefined;
  readonly dateEnd?: string | undefined;
}

export const listReturns = (filter: ReturnFilter, page: PageRequest): Promise<Page<ReturnRecord>> => listByStatusAndDate('RETURN', filter, page, fromItem);

/** Every return request filed against an order, newest first. */
export const listOrderReturns = (orderId: string, page: PageRequest): Promise<Page<ReturnRecord>> => listFiledAgainst('RETURN', orderId, page, fromItem);

const lineIndex = (order: Order, lineItemId: string): number => {
  const index = order.lineItems.findIndex((l) => l.id === lineItemId);
  if (index < 0) throw new NotFoundError(`Line item ${lineItemId}`);
  return index;
};

/**
 * One Update of an order's line counters. The version moves too, so a writer
 * that read the order before us (and replaces it whole, conditioned on
 * version) cannot overwrite our counts.
 */
const orderLinesUpdate = (
  orderId: string,
  sets: readonly string[],
  conditions: readonly string[],
  values: Record<string, unknown>,
  onConditionFailed: () => Error,
  names?: Record<string, string>,
): GuardedItem => ({
  item: {
    Update: {
      TableName: TABLE_NAME,
      Key: KEY.order(orderId),
      UpdateExpression: `SET ${sets.join(', ')}, version = version + :one, updatedAt = :now`,
      ConditionExpression: conditions.join(' AND '),
      ...(names ? { ExpressionAttributeNames: names } : {}),
      ExpressionAttributeValues: values,
    },
  },
  onConditionFailed,
});

/**
 * Adds a new request's units to `returnedQuantity` of their lines, if the
 * counters are still what eligibility saw (or lower). The caller re-reads and
 * re-checks when this condition fails.
 * Race: a refund and a return both read line X as 2 purchased, 0 refunded, 0
 * returned and both want 2 units. The refund's order Put bumps `version` and
 * sets refundedQuantity = 2; our condition `refundedQuantity <= 0` then fails,
 * so we re-read and refuse. If we commit first, `version` moved and the
 * refund writer's `version = :v` fails instead. Either way at most the
 * purchased quantity leaves. Counters only falling (a cancelled return) keep
 * the check true, so unrelated releases never make us retry.
 */
export const claimReturnUnits = (order: Order, items: readonly { lineItemId: string; quantity: number }[], now: string): GuardedItem => {
  const values: Record<string, unknown> = { ':delivered': 'delivered', ':one': 1, ':now': now };
  const sets: string[] = [];
  const conditions = ['#status = :delivered'];
  items.forEach((item, n) => {
    const i = lineIndex(order, item.lineItemId);
    const line = order.lineItems[i] as Order['lineItems'][number];
    const path = `lineItems[${i}]`;
    sets.push(`${path}.returnedQuantity = ${path}.returnedQuantity + :q${n}`);
    conditions.push(`${path}.id = :id${n}`, `${path}.refundedQuantity <= :ref${n}`, `${path}.returnedQuantity <= :ret${n}`);
    Object.assign(values, { [`:q${n}`]: item.quantity, [`:id${n}`]: line.id, [`:ref${n}`]: line.refundedQuantity, [`:ret${n}`]: line.returnedQuantity });
  });
  return orderLinesUpdate(
    order.id,
    sets,
    conditions,
    values,
    () => new ConflictError('The order changed while the return was being created; reload and retry.'),
    {
      '#status': 'status',
    },
  );
};

/**
 * What a change of its refund's `owed` writes on the return it pays for,
 * without reading the request: the refund's source names it, and the request
 * names its refund (both written in one transaction, see refund-return.ts).
 */
export const returnOwedUpdate = (returnId: string, refundId: string, owed: number, now: string): GuardedItem => ({
  item: {
    Update: {
      TableName: TABLE_NAME,
      Key: KEY.returnRequest(returnId),
      UpdateExpression: 'SET owed = :owed, updatedAt = :now, version = version + :one',
      ConditionExpression: 'refundId = :refund',
      ExpressionAttributeValues: { ':owed': owed, ':now': now, ':one': 1, ':refund': refundId },
    },
  },
  onConditionFailed: () => new ConflictError('The return request no longer names this refund; reload it and retry.'),
});

/**
 * Gives units back to their lines (request cancelled or denied, bad units of
 * a partially approved one), at the positions the request stored; never below
 * zero, and only on the line that sits there.
 */
export const releaseReturnUnits = (
  { request, linePositions }: Pick<StoredReturn, 'request' | 'linePositions'>,
  items: readonly { lineItemId: string; quantity: number }[],
  now: string,
): GuardedItem => {
  const values: Record<string, unknown> = { ':one': 1, ':now': now };
  const sets: string[] = [];
  const conditions: string[] = [];
  items.forEach((item, n) => {
    const i = linePositions[item.lineItemId];
    if (i === undefined) throw new NotFoundError(`Line item ${item.lineItemId}`);
    const path = `lineItems[${i}]`;
    sets.push(`${path}.returnedQuantity = ${path}.returnedQuantity - :q${n}`);
    conditions.push(`${path}.id = :id${n}`, `${path}.returnedQuantity >= :q${n}`);
    Object.assign(values, { [`:q${n}`]: item.quantity, [`:id${n}`]: item.lineItemId });
  });
  return orderLinesUpdate(
    request.orderId,
    sets,
    conditions,
    values,
    () => new ConflictError('The order no longer holds these returned units; reload and retry.'),
  );
};
