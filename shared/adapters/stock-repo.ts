// Tracked stock per SKU. A SKU is tracked once an admin sets its level; an
// untracked SKU is unlimited (its item only counts units sold, as a negative).
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { BusinessRuleError } from '#shared/domain/errors';
import { db, type GuardedItem, stripKeys, TABLE_NAME } from './dynamo.ts';
import { KEY } from './keys.ts';

export interface StockLevel {
  readonly sku: string;
  readonly tracked: boolean;
  readonly quantity: number | null;
  readonly updatedAt: string | null;
}

/** Sums quantities per SKU: one transaction may touch each stock item once. */
export const unitsBySku = (lines: readonly { sku: string; quantity: number }[]): Map<string, number> => {
  const units = new Map<string, number>();
  for (const line of lines) units.set(line.sku, (units.get(line.sku) ?? 0) + line.quantity);
  return units;
};

/**
 * Takes `quantity` units. The condition is the whole guarantee: a tracked SKU
 * never goes below zero however many orders race for its last units, because
 * each transaction re-checks `quantity >= :q` atomically with its decrement.
 */
export const takeStock = (sku: string, quantity: number): GuardedItem => ({
  item: {
    Update: {
      TableName: TABLE_NAME,
      Key: KEY.stock(sku),
      UpdateExpression: 'ADD quantity :neg SET sku = :sku, #type = :type',
      ConditionExpression: 'attribute_not_exists(PK) OR attribute_not_exists(tracked) OR quantity >= :q',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: { ':neg': -quantity, ':q': quantity, ':sku': sku, ':type': 'Stock' },
    },
  },
  onConditionFailed: () =>
    new BusinessRuleError('out_of_stock', `Not enough stock for SKU ${sku}.`, {
      errors: [{ path: 'lineItems', message: `SKU ${sku} has fewer than ${quantity} units in stock` }],
      sku,
    }),
});

/** Puts `quantity` units back (cancellation, restocking refund). */
export const returnStock = (sku: string, quantity: number): GuardedItem => ({
  item: {
    Update: {
      TableName: TABLE_NAME,
      Key: KEY.stock(sku),
      UpdateExpression: 'ADD quantity :q SET sku = :sku, #type = :type',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: { ':q': quantity, ':sku': sku, ':type': 'Stock' },
    },
  },
});

export const getStock = async (sku: string): Promise<StockLevel> => {
  const { Item } = await db.send(new GetCommand({ TableName: TABLE_NAME, Key: KEY.stock(sku), ConsistentRead: true }));
  const item = Item ? stripKeys<{ tracked?: boolean; quantity?: number; updatedAt?: string }>(Item) : undefined;
  return item?.tracked
    ? { sku, tracked: true, quantity: item.quantity ?? 0, updatedAt: item.updatedAt ?? null }
    : { sku, tracked: false, quantity: null, updatedAt: item?.updatedAt ?? null };
};

/** Sets a SKU's level and starts tracking it. */
export const setStock = async (sku: string, quantity: number, now: string): Promise<StockLevel> => {
  await db.send(new PutCommand({ TableName: TABLE_NAME, Item: { ...KEY.stock(sku), type: 'Stock', sku, tracked: true, quantity, updatedAt: now } }));
  return { sku, tracked: true, quantity, updatedAt: now };
};
