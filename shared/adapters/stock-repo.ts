// Tracked stock per SKU. A SKU is tracked once an admin sets its level; an
// untracked SKU is unlimited (its item only counts units sold, as a negative).
// Every write steps the item's `version` (sales and restocks included), so an
// admin's count sent with `If-Match` never overwrites a sale made meanwhile.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { BusinessRuleError } from '#shared/domain/errors';
import type { StockChange, StockLevel } from '#shared/domain/stock';
import { batchGet, db, type GuardedItem, keyId, stripKeys, TABLE_NAME, transact } from './dynamo.ts';
import { KEY } from './keys.ts';

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
export const takeStock = (sku: string, quantity: number, onShort?: () => Error): GuardedItem => ({
  item: {
    Update: {
      TableName: TABLE_NAME,
      Key: KEY.stock(sku),
      UpdateExpression: 'ADD quantity :neg, version :one SET sku = :sku, #type = :type',
      ConditionExpression: 'attribute_not_exists(PK) OR attribute_not_exists(tracked) OR quantity >= :q',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: { ':neg': -quantity, ':q': quantity, ':one': 1, ':sku': sku, ':type': 'Stock' },
    },
  },
  onConditionFailed:
    onShort ??
    (() =>
      new BusinessRuleError('out_of_stock', `Not enough stock for SKU ${sku}.`, {
        errors: [{ path: 'lineItems', message: `SKU ${sku} has fewer than ${quantity} units in stock` }],
        sku,
      })),
});

/** Puts `quantity` units back (cancellation, restocking refund). */
export const returnStock = (sku: string, quantity: number): GuardedItem => ({
  item: {
    Update: {
      TableName: TABLE_NAME,
      Key: KEY.stock(sku),
      UpdateExpression: 'ADD quantity :q, version :one SET sku = :sku, #type = :type',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: { ':q': quantity, ':one': 1, ':sku': sku, ':type': 'Stock' },
    },
  },
});

export const getStock = async (sku: string): Promise<StockLevel> => {
  const { Item } = await db.send(new GetCommand({ TableName: TABLE_NAME, Key: KEY.stock(sku), ConsistentRead: true }));
  const item = Item ? stripKeys<{ tracked?: boolean; quantity?: number; version?: number; updatedAt?: string }>(Item) : undefined;
  const common = { sku, version: item?.version ?? 0, updatedAt: item?.updatedAt ?? null };
  return item?.tracked ? { ...common, tracked: true, quantity: item.quantity ?? 0 } : { ...common, tracked: false, quantity: null };
};

/** Units in tracked stock per SKU (one BatchGetItem); null for an untracked SKU (unlimited). */
export const availableUnits = async (skus: readonly string[]): Promise<Map<string, number | null>> => {
  const found = await batchGet(skus.map(KEY.stock), true);
  return new Map(
    skus.map((sku) => {
      const item = found.get(keyId(KEY.stock(sku)));
      return [sku, item?.tracked ? Number(item.quantity ?? 0) : null];
    }),
  );
};

/** The condition of a stock change failed: the caller reads the level again to say why (domain/stock.ts). */
export class StockConditionFailed extends Error {}

/**
 * Sets or adjusts a SKU's level in one conditional update. Race: an admin
 * counts 10 units and PUTs `quantity: 10` with `If-Match: "4"` while an order
 * takes 1 unit (version 4 → 5): the count's `version = 4` condition fails (412)
 * instead of erasing the sale. An `adjust` needs no If-Match: ADD is applied
 * atomically to whatever the level is, so it composes with concurrent sales.
 */
export const writeStockChange = async (sku: string, change: StockChange, ifMatch: number | undefined, now: string): Promise<void> => {
  const conditions: string[] = [];
  const values: Record<string, unknown> = { ':one': 1, ':now': now, ':tracked': true };
  if (ifMatch !== undefined) {
    conditions.push(ifMatch === 0 ? 'attribute_not_exists(version)' : 'version = :v');
    if (ifMatch !== 0) values[':v'] = ifMatch;
  }
  let update: string;
  if ('adjust' in change) {
    // Never below zero: the level must hold at least what an adjustment takes away.
    conditions.push('tracked = :tracked', 'quantity >= :floor');
    Object.assign(values, { ':n': change.adjust, ':floor': Math.max(0, -change.adjust) });
    update = 'ADD quantity :n, version :one SET updatedAt = :now';
  } else {
    Object.assign(values, { ':q': change.quantity, ':sku': sku, ':type': 'Stock' });
    update = 'SET quantity = :q, tracked = :tracked, sku = :sku, #type = :type, updatedAt = :now ADD version :one';
  }
  await transact([
    {
      item: {
        Update: {
          TableName: TABLE_NAME,
          Key: KEY.stock(sku),
          UpdateExpression: update,
          ...(conditions.length > 0 ? { ConditionExpression: conditions.join(' AND ') } : {}),
          ...('adjust' in change ? {} : { ExpressionAttributeNames: { '#type': 'type' } }),
          ExpressionAttributeValues: values,
        },
      },
      onConditionFailed: () => new StockConditionFailed(),
    },
  ]);
};
