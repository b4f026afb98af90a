// GET /variants?productId=: what a product can be exchanged to, with its stock.
import { availableUnits } from '#shared/adapters/stock-repo';
import { listActiveVariants } from '#shared/adapters/variants-repo';
import type { VariantListing } from '#shared/domain/variant';

/** A product's active variants by SKU, each with its tracked stock (null when untracked). */
export const listVariants = async (productId: string): Promise<{ items: VariantListing[] }> => {
  const variants = await listActiveVariants(productId);
  const available = await availableUnits(variants.map((v) => v.sku));
  return { items: variants.map((v) => ({ ...v, available: available.get(v.sku) ?? null })) };
};
