// Cancellations in the table: one item each, indexed by owner, by status, by
// date and by order, plus one guard item per order that admits a single open request.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Cancellation, CancellationStatus } from '#shared/domain/cancellation';
import { ConflictError, NotFoundError } from '#shared/domain/errors';
import type { Order } from '#shared/domain/order';
import { ORDER_HELD_MESSAGE } from '#shared/domain/order-status-change';
import type { RefundCounters } from '#shared/domain/refund-counters';
import { db, type GuardedItem, type Page, type PageRequest, stripKeys, TABLE_NAME, versionedPut } from './dynamo.ts';
import { listByStatusAndDate, listFiledAgainst, listOwned } from './entity-lists.ts';
import { entityIndexKeys, filedAgainstOrderKeys, INDEX, KEY, PARTITION } from './keys.ts';
import type { OrderRead } from './orders-repo.ts';

const toItem = (c: Cancellation) => ({
  ...KEY.cancellation(c.id),
  ...entityIndexKeys('CANCELLATION', c, c.customerId),
  ...filedAgainstOrderKeys('CANCELLATION', c),
  type: 'Cancellation',
  ...c,
});
export const cancellationOf = (item: Record<string, unknown>): Cancellation => stripKeys<Cancellation>(item);
const fromItem = cancellationOf;

const SNAPSHOT_TTL_SECONDS = 30 * 24 * 60 * 60;

/**
 * The order as the request's transaction wrote it (and its refund counters):
 * the approval knows only the request's id, so it reads this beside the
 * request instead of reading the request first and the order after. It is
 * exact as long as the order's version is unchanged, which the approval's
 * version-conditioned order write checks; when it moved (or the copy expired)
 * the approval reads the order itself.
 */
export const cancellationOrderInsert = (cancellationId: string, order: Order, counters: RefundCounters, nowEpochSeconds: number): GuardedItem =>
  versionedPut({
    ...KEY.cancellationOrder(cancellationId),
    type: 'CancellationOrder',
    order,
    refundCounters: counters,
    expiresAt: nowEpochSeconds + SNAPSHOT_TTL_SECONDS,
  });

export const cancellationOrderOf = (item: Record<string, unknown>): OrderRead => ({
  order: item.order as Order,
  counters: item.refundCounters as RefundCounters,
});

/**
 * `from` → `to` once the cancellation's refund owes nothing, without reading
 * the cancellation (its refund names it): conditioned on the status and on the
 * cancellation naming that refund, and moved between byStatus partitions.
 */
export const cancellationPaidOff = (
  cancellationId: string,
  refundId: string,
  move: { readonly from: CancellationStatus; readonly to: CancellationStatus },
  now: string,
): GuardedItem => ({
  item: {
    Update: {
      TableName: TABLE_NAME,
      Key: KEY.cancellation(cancellationId),
      UpdateExpression: 'SET #status = :to, #byStatus = :partition, updatedAt = :now, version = version + :one',
      ConditionExpression: '#status = :from AND refundId = :refund',
      ExpressionAttributeNames: { '#status': 'status', '#byStatus': INDEX.byStatus.pk },
      ExpressionAttributeValues: {
        ':to': move.to,
        ':from': move.from,
        ':partition': PARTITION.entityStatus('CANCELLATION', move.to),
        ':now': now,
        ':one': 1,
        ':refund': refundId,
      },
    },
  },
  onConditionFailed: () => new ConflictError('The cancellation was changed concurrently; reload it and retry.'),
});

export const cancellationInsert = (c: Cancellation): GuardedItem => versionedPut(toItem(c));

/**
 * Replaces a cancellation read at `previousVersion`. Race: two admins approve
 * the same request at once; both read v1 and plan a refund; both transactions
 * carry `version = 1` here; one commits, the other fails as a whole (no second
 * refund, no second restock) and answers 409.
 */
export const cancellationPut = (c: Cancellation, previousVersion: number): GuardedItem =>
  versionedPut(toItem(c), previousVersion, () => new ConflictError('The cancellation was changed concurrently; reload it and retry.'));

/**
 * Claims the order's single open-request slot. Race: a customer double-clicks
 * "cancel"; both requests find no open cancellation and put this item with
 * `attribute_not_exists(PK) OR open = false`; exactly one commits.
 */
export const claimOpenCancellation = (orderId: string, cancellationId: string): GuardedItem => ({
  item: {
    Put: {
      TableName: TABLE_NAME,
      Item: { ...KEY.openCancellation(orderId), type: 'OpenCancellation', orderId, cancellationId, open: true },
      ConditionExpression: 'attribute_not_exists(PK) OR #open = :false',
      ExpressionAttributeNames: { '#open': 'open' },
      ExpressionAttributeValues: { ':false': false },
    },
  },
  onConditionFailed: () => new ConflictError('This order already has an open cancellation request.', { allowedTransitions: [] }),
});

/**
 * A customer's open request holds the order: an admin's direct cancel must
 * wait until it is approved or rejected. (A fulfillment move conditions on the
 * order's own hold mark instead, set in the same transaction as this slot: see
 * orders-repo's HELD_BY.) Race: the customer requests while the storefront
 * ships; if the request commits first, the shipment's condition fails (409);
 * if the shipment commits first, the request's version condition on the order
 * fails (409). Never both.
 */
export const noOpenCancellation = (orderId: string): GuardedItem => ({
  item: {
    ConditionCheck: {
      TableName: TABLE_NAME,
      Key: KEY.openCancellation(orderId),
      ConditionExpression: 'attribute_not_exists(PK) OR #open = :false',
      ExpressionAttributeNames: { '#open': 'open' },
      ExpressionAttributeValues: { ':false': false },
    },
  },
  onConditionFailed: () => new ConflictError(ORDER_HELD_MESSAGE, { allowedTransitions: [] }),
});

/** Frees the slot after a rejection, so the customer may ask again. */
export const releaseOpenCancellation = (orderId: string, cancellationId: string): GuardedItem => ({
  item: {
    Update: {
      TableName: TABLE_NAME,
      Key: KEY.openCancellation(orderId),
      UpdateExpression: 'SET #open = :false',
      ConditionExpression: 'cancellationId = :id',
      ExpressionAttributeNames: { '#open': 'open' },
      ExpressionAttributeValues: { ':false': false, ':id': cancellationId },
    },
  },
  onConditionFailed: () => new ConflictError('The order’s open cancellation changed concurrently; reload and retry.'),
});

export const getCancellation = async (id: string): Promise<Cancellation> => {
  const { Item } = await db.send(new GetCommand({ TableName: TABLE_NAME, Key: KEY.cancellation(id), ConsistentRead: true }));
  if (!Item) throw new NotFoundError('The cancellation');
  return fromItem(Item);
};

export const listCustomerCancellations = (customerId: string, page: PageRequest): Promise<Page<Cancellation>> =>
  listOwned('CANCELLATION', customerId, page, fromItem);

/** Every cancellation filed against an order, newest first. */
export const listOrderCancellations = (orderId: string, page: PageRequest): Promise<Page<Cancellation>> =>
  listFiledAgainst('CANCELLATION', orderId, page, fromItem);

export interface CancellationFilter {
  readonly status?: CancellationStatus | undefined;
  readonly dateStart?: string | undefined;
  readonly dateEnd?: string | undefined;
}

export const listCancellations = (filter: CancellationFilter, page: PageRequest): Promise<Page<Cancellation>> =>
  listByStatusAndDate('CANCELLATION', filter, page, fromItem);
