// Refunds in the table: one item per refund in its order's partition (so "the
// refunds of an order" is one Query), plus a pointer item by refund id for the
// settle-transaction route, which knows only the refund id.
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError, NotFoundError } from '#shared/domain/errors';
import type { Refund } from '#shared/domain/refund';
import type { ShippingRefunded } from '#shared/domain/refund-plan';
import { db, type GuardedItem, type Page, type PageRequest, queryPage, stripKeys, TABLE_NAME } from './dynamo.ts';
import { KEY } from './keys.ts';

const toItem = (refund: Refund) => ({ ...KEY.refund(refund.orderId, refund.id), type: 'Refund', ...refund });
const fromItem = (item: Record<string, unknown>): Refund => stripKeys<Refund>(item);

/** A new refund and its pointer; ids are fresh ULIDs, the conditions only guard against a reused id. */
export const refundInserts = (refund: Refund): GuardedItem[] => [
  { item: { Put: { TableName: TABLE_NAME, Item: toItem(refund), ConditionExpression: 'attribute_not_exists(PK)' } } },
  {
    item: {
      Put: {
        TableName: TABLE_NAME,
        Item: { ...KEY.refundRef(refund.id), type: 'RefundRef', refundId: refund.id, orderId: refund.orderId },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
  },
];

/**
 * Replaces a refund read at `previousVersion`. Race: two admins settle the same
 * pending transaction at once; both read v1, both write with `version = 1`;
 * one commits v2, the other gets this 409 and nothing of its change is kept.
 */
export const refundPut = (refund: Refund, previousVersion: number): GuardedItem => ({
  item: { Put: { TableName: TABLE_NAME, Item: toItem(refund), ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': previousVersion } } },
  onConditionFailed: () => new ConflictError('The refund was changed concurrently; reload it and retry.', { allowedTransitions: [] }),
});

export const getRefund = async (orderId: string, refundId: string): Promise<Refund> => {
  const { Item } = await db.send(new GetCommand({ TableName: TABLE_NAME, Key: KEY.refund(orderId, refundId), ConsistentRead: true }));
  if (!Item) throw new NotFoundError('The refund');
  return fromItem(Item);
};

/** A refund by its id alone, through its pointer item. */
export const findRefund = async (refundId: string): Promise<Refund> => {
  const { Item } = await db.send(new GetCommand({ TableName: TABLE_NAME, Key: KEY.refundRef(refundId), ConsistentRead: true }));
  if (!Item || typeof Item.orderId !== 'string') throw new NotFoundError('The refund');
  return getRefund(Item.orderId, refundId);
};

const refundsOf = (orderId: string) => ({
  partition: { attr: 'PK', value: `ORDER#${orderId}` },
  KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
  ExpressionAttributeValues: { ':pk': `ORDER#${orderId}`, ':prefix': 'REFUND#' },
});

/** The refunds of an order, oldest first (ids are time-sortable). */
export const listRefunds = (orderId: string, page: PageRequest): Promise<Page<Refund>> => queryPage(refundsOf(orderId), page, fromItem);

/**
 * Shipping handed back by every refund of the order so far. Read AFTER the
 * order, strongly consistent: every refund written before the order version we
 * hold is then included, and a refund written after it makes our
 * version-conditioned order write fail, so the sum is never stale when used.
 */
export const shippingRefunded = async (orderId: string): Promise<ShippingRefunded> => {
  let amount = 0;
  let tax = 0;
  let start: Record<string, unknown> | undefined;
  const { partition: _partition, ...query } = refundsOf(orderId);
  do {
    const page = await db.send(
      new QueryCommand({ ...query, TableName: TABLE_NAME, ConsistentRead: true, ProjectionExpression: 'shipping', ExclusiveStartKey: start }),
    );
    for (const item of page.Items ?? []) {
      const shipping = item.shipping as { amount?: number; tax?: number } | undefined;
      amount += shipping?.amount ?? 0;
      tax += shipping?.tax ?? 0;
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return { amount, tax };
};
