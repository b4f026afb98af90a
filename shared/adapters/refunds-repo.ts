// Refunds in the table: one item per refund in its order's partition (so "the
// refunds of an order" is one Query), plus a pointer item by refund id for the
// routes that know only the refund id (settle, new attempt), which carries a
// copy of the refund so that one read finds it, plus one row per transaction
// for the payout queue across orders. Every write of a refund goes through
// `refundInserts` / `refundPut`, which write the copy and the rows in the same
// transaction, so neither can disagree with the refund.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError, NotFoundError } from '#shared/domain/errors';
import type { Refund, RefundGateway, TransactionStatus } from '#shared/domain/refund';
import { queueStatus, type RefundTransactionRow, transactionRows } from '#shared/domain/refund-queue';
import { db, type GuardedItem, type KeyCondition, type Page, type PageRequest, queryPage, stripKeys, TABLE_NAME, versionedPut } from './dynamo.ts';
import { dateRange, INDEX, ITEM_PREFIX, KEY, PARTITION, TABLE_KEY, transactionRowKeys } from './keys.ts';

const toItem = (refund: Refund) => ({ ...KEY.refund(refund.orderId, refund.id), type: 'Refund', ...refund });
const fromItem = (item: Record<string, unknown>): Refund => stripKeys<Refund>(item);

/**
 * The refund's transaction rows. Each carries the refund version it was copied
 * from and is written only over an older copy: the refund's own version
 * condition already orders its writers, this keeps every row write conditional too.
 */
const transactionRowPuts = (refund: Refund): GuardedItem[] =>
  transactionRows(refund).map((row) => ({
    item: {
      Put: {
        TableName: TABLE_NAME,
        Item: { ...transactionRowKeys(row, queueStatus(row)), type: 'RefundTransactionRow', ...row, refundVersion: refund.version },
        ConditionExpression: 'attribute_not_exists(PK) OR refundVersion < :v',
        ExpressionAttributeValues: { ':v': refund.version },
      },
    },
    onConditionFailed: () => new ConflictError('The refund was changed concurrently; reload it and retry.', { allowedTransitions: [] }),
  }));

const rowOf = (item: Record<string, unknown>): RefundTransactionRow => {
  const { refundVersion: _version, ...row } = stripKeys<RefundTransactionRow & { refundVersion: number }>(item);
  return row;
};

/** The pointer by refund id, with the refund's copy. */
const pointerItem = (refund: Refund) => ({ ...KEY.refundRef(refund.id), type: 'RefundRef', refundId: refund.id, orderId: refund.orderId, refund });

/** A new refund, its pointer and its transaction rows; ids are fresh ULIDs, the conditions only guard against a reused id. */
export const refundInserts = (refund: Refund): GuardedItem[] => [
  versionedPut(toItem(refund)),
  ...transactionRowPuts(refund),
  versionedPut(pointerItem(refund)),
];

/**
 * Replaces a refund read at `previousVersion`, and its transaction rows.
 * Race: two admins settle the same pending transaction at once; both read v1,
 * both write with `version = 1`; one commits v2, the other gets this 409 and
 * nothing of its change is kept (its rows neither: same transaction).
 */
export const refundPut = (refund: Refund, previousVersion: number): GuardedItem[] => [
  versionedPut(
    toItem(refund),
    previousVersion,
    () => new ConflictError('The refund was changed concurrently; reload it and retry.', { allowedTransitions: [] }),
  ),
  ...transactionRowPuts(refund),
  // The refund's own condition orders its writers; this one keeps the pointer's write conditional too.
  {
    item: {
      Put: {
        TableName: TABLE_NAME,
        Item: pointerItem(refund),
        ConditionExpression: 'orderId = :order',
        ExpressionAttributeValues: { ':order': refund.orderId },
      },
    },
  },
];

export const getRefund = async (orderId: string, refundId: string): Promise<Refund> => {
  const { Item } = await db.send(new GetCommand({ TableName: TABLE_NAME, Key: KEY.refund(orderId, refundId), ConsistentRead: true }));
  if (!Item) throw new NotFoundError('The refund');
  return fromItem(Item);
};

/**
 * A refund by its id alone: one read of its pointer, which carries a copy
 * written in the same transactions as the refund (strongly consistent: a
 * refund just created must be found).
 */
export const findRefund = async (refundId: string): Promise<Refund> => {
  const { Item } = await db.send(new GetCommand({ TableName: TABLE_NAME, Key: KEY.refundRef(refundId), ConsistentRead: true }));
  if (!Item) throw new NotFoundError('The refund');
  return Item.refund as Refund;
};

const refundsOf = (orderId: string): KeyCondition => ({ keys: TABLE_KEY, partition: PARTITION.orderItems(orderId), prefix: ITEM_PREFIX.refund });

/** The refunds of an order, oldest first (ids are time-sortable). */
export const listRefunds = (orderId: string, page: PageRequest): Promise<Page<Refund>> => queryPage({ key: refundsOf(orderId) }, page, fromItem);

export interface TransactionFilter {
  readonly status?: TransactionStatus | undefined;
  readonly gateway?: RefundGateway | undefined;
  readonly dateStart?: string | undefined;
  readonly dateEnd?: string | undefined;
}

/** The payout queue across orders, newest first: one Query on the key or index that matches the filters exactly; dates bound its sort key. */
export const listRefundTransactions = (filter: TransactionFilter, page: PageRequest): Promise<Page<RefundTransactionRow>> => {
  const { status, gateway } = filter;
  const [keys, partition] =
    status && gateway
      ? [INDEX.byLookup, PARTITION.transactionsByGatewayAndStatus(gateway, status)]
      : status
        ? [INDEX.byStatus, PARTITION.transactionsByStatus(status)]
        : gateway
          ? [TABLE_KEY, PARTITION.transactionsByGateway(gateway)]
          : [INDEX.byType, PARTITION.transactions];
  return queryPage({ key: { keys, partition, range: dateRange('', filter.dateStart, filter.dateEnd) }, ScanIndexForward: false }, page, rowOf);
};
