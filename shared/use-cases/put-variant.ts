// PUT /variants/{sku}: the storefront (or an admin) says what a SKU is and costs.
import { getVariant, writeVariant } from '#shared/adapters/variants-repo';
import { nextVariant, type PutVariantBody, type Variant } from '#shared/domain/variant';

/** Creates or replaces a variant in one conditional write (a concurrent PUT of the same SKU is a 409). */
export const putVariant = async (sku: string, body: PutVariantBody, now: string): Promise<Variant> => {
  const stored = await getVariant(sku);
  const next = nextVariant(sku, body, stored, now);
  await writeVariant(next, stored);
  return next;
};
