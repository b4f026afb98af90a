// Variants in the table: one item per SKU, listed under its product while active.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '#shared/domain/errors';
import type { Variant } from '#shared/domain/variant';
import { db, queryAll, stripKeys, TABLE_NAME, transact, versionedPut } from './dynamo.ts';
import { INDEX, KEY, PARTITION, variantIndexKeys } from './keys.ts';

/** A variant as stored, without the table's attributes. */
export const variantOf = (item: Record<string, unknown>): Variant => stripKeys<Variant>(item);

export const getVariant = async (sku: string): Promise<Variant | undefined> => {
  const { Item } = await db.send(new GetCommand({ TableName: TABLE_NAME, Key: KEY.variant(sku), ConsistentRead: true }));
  return Item ? variantOf(Item) : undefined;
};

/** A product has a handful of variants (sizes × colours): read whole, by SKU. */
export const listActiveVariants = async (productId: string): Promise<Variant[]> =>
  (await queryAll({ key: { keys: INDEX.byType, partition: PARTITION.productVariants(productId) } })).map(variantOf);

/**
 * Writes `next` over `stored` (as read; none for a new SKU). Race: two PUTs of
 * a new SKU both read nothing; both write with attribute_not_exists, one wins,
 * the other is a 409 instead of silently replacing it (likewise `version = n`
 * for an existing one).
 */
export const writeVariant = (next: Variant, stored: Variant | undefined): Promise<void> =>
  transact([
    versionedPut(
      { ...KEY.variant(next.sku), ...variantIndexKeys(next), type: 'Variant', ...next },
      stored?.version,
      () => new ConflictError(`Variant ${next.sku} was changed concurrently; retry.`),
    ),
  ]);
