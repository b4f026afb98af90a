// Variants (API.md "Exchange"): the backend has no catalogue, so the storefront
// tells it what a customer may exchange to: a SKU, its product, its options and
// its price per currency. Pure: time is passed in.
import * as z from 'zod/mini';
import { lazy } from './pure.ts';
import { Currency, Money, Text, Timestamp, Version } from './schema-kit.ts';

/** A variant's price in one currency: the unit price and its tax, integer minor units. */
export const VariantPrice = /* @__PURE__ */ lazy(() => z.object({ unitPrice: Money, tax: Money }));
export type VariantPrice = z.infer<typeof VariantPrice>;

const MAX_OPTIONS = 20;
const MAX_CURRENCIES = 50;

export const PutVariantBody = /* @__PURE__ */ lazy(() =>
  z
    .object({
      productId: Text(100),
      title: Text(200),
      variantTitle: Text(200),
      options: z
        .record(Text(50), Text(100))
        .check(z.refine((o) => Object.keys(o).length <= MAX_OPTIONS, `at most ${MAX_OPTIONS} options`))
        .clone()
        .register(z.globalRegistry, { description: 'Option name → value, e.g. {"Size": "M", "Colour": "Navy"}.', maxProperties: MAX_OPTIONS }),
      prices: z
        .record(Currency, VariantPrice)
        .check(z.refine((p) => Object.keys(p).length <= MAX_CURRENCIES, `at most ${MAX_CURRENCIES} currencies`))
        .clone()
        .register(z.globalRegistry, {
          description: 'Per ISO 4217 currency: the unit price and its tax. An exchange needs the order’s currency here.',
          maxProperties: MAX_CURRENCIES,
        }),
      imageUrl: z.nullable(z.url().check(z.maxLength(2048))),
      active: z.boolean(),
    })
    .clone()
    .register(z.globalRegistry, { id: 'PutVariantBody' }),
);
export type PutVariantBody = z.infer<typeof PutVariantBody>;

export const Variant = /* @__PURE__ */ lazy(() =>
  z
    .extend(PutVariantBody, { sku: z.string(), createdAt: Timestamp, updatedAt: Timestamp, version: Version })
    .clone()
    .register(z.globalRegistry, { id: 'Variant' }),
);
export type Variant = z.infer<typeof Variant>;

/** A variant as a product's list shows it: with its tracked stock. */
export const VariantListing = /* @__PURE__ */ lazy(() =>
  z
    .extend(Variant, {
      available: z
        .nullable(z.number().check(z.int()))
        .clone()
        .register(z.globalRegistry, { description: 'Units in tracked stock; null when the SKU is untracked (unlimited).' }),
    })
    .clone()
    .register(z.globalRegistry, { id: 'VariantListing' }),
);
export type VariantListing = z.infer<typeof VariantListing>;

/** The variant a PUT makes of `body`: a new one, or the next version of `stored` (its creation time kept). */
export const nextVariant = (sku: string, body: PutVariantBody, stored: Variant | undefined, now: string): Variant => ({
  ...body,
  sku,
  createdAt: stored?.createdAt ?? now,
  updatedAt: now,
  version: (stored?.version ?? 0) + 1,
});
