// Routes of the exchanges area (API.md "Exchange"): variants.
import * as z from 'zod/mini';
import { lazy } from '#shared/domain/pure';
import { Text } from '#shared/domain/schema-kit';
import { PutVariantBody, Variant, VariantListing } from '#shared/domain/variant';
import type { SpecsOf } from '#shared/http/route-spec';

const VariantParams = /* @__PURE__ */ lazy(() => z.object({ sku: Text(100) }));

export const exchangesApi = /* @__PURE__ */ lazy(
  () =>
    ({
      'exchanges.putVariant': {
        summary: 'Declare or replace what a SKU is and costs per currency (what an item can be exchanged to)',
        params: VariantParams,
        body: PutVariantBody,
        response: Variant,
      },
      'exchanges.listVariants': {
        summary: "A product's active variants, each with its tracked stock (null when untracked)",
        query: z.object({ productId: Text(100) }),
        response: z
          .object({ items: z.array(VariantListing) })
          .clone()
          .register(z.globalRegistry, { id: 'VariantList' }),
      },
    }) as const satisfies SpecsOf<'exchanges'>,
);
