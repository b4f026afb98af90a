// Building blocks every resource schema shares: bounded strings, integer money,
// ids, timestamps. Caps on every string and array keep bodies bounded.
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { canonicalLocale } from '../i18n/locales.ts';
import { isCurrency } from './money.ts';
import { lazy } from './pure.ts';

// zod/mini carries no messages of its own: load the English ones (only them:
// `z.locales` would bundle all of zod's languages). Every schema imports this kit.
z.config(en());

export const Text = (max = 200) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
export const OptionalText = (max = 200) => z.optional(z.string().check(z.trim(), z.maxLength(max)));
/** Integer minor units; a float is refused, never rounded. */
export const MAX_MONEY = 1_000_000_000_000;
export const Money = /* @__PURE__ */ lazy(() => z.number().check(z.int(), z.minimum(0), z.maximum(MAX_MONEY)));
export const Quantity = /* @__PURE__ */ lazy(() => z.number().check(z.int(), z.minimum(1), z.maximum(100_000)));
export const Timestamp = /* @__PURE__ */ lazy(() =>
  z.string().clone().register(z.globalRegistry, { format: 'date-time', example: '2026-11-21T10:00:00.000Z' }),
);
export const Currency = /* @__PURE__ */ lazy(() =>
  z
    .string()
    .check(z.maxLength(3, { abort: true }), z.refine(isCurrency, 'must be an ISO 4217 currency code'))
    .clone()
    .register(z.globalRegistry, { example: 'USD' }),
);
export const Id = (prefix: string) => z.string().check(z.maxLength(64), z.regex(new RegExp(`^${prefix}_[0-9A-Za-z]+$`), `must be a ${prefix}_… id`));
export const Email = /* @__PURE__ */ lazy(() => z.email().check(z.maxLength(254)));
/** A well-formed BCP 47 language tag (`de-DE`, `pt-BR`): the language a customer reads. */
export const LocaleTag = /* @__PURE__ */ lazy(() =>
  z
    .string()
    .check(
      z.maxLength(35, { abort: true }),
      z.refine((tag) => canonicalLocale(tag) !== undefined, 'must be a BCP 47 language tag, such as de-DE'),
    )
    .clone()
    .register(z.globalRegistry, { example: 'de-DE' }),
);
export const Version = /* @__PURE__ */ lazy(() => z.number().check(z.int(), z.minimum(1)));

/** `?limit=&cursor=` on every list. */
export const PageQuery = /* @__PURE__ */ lazy(() =>
  z.object({
    limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 20),
    cursor: z.optional(z.string().check(z.maxLength(2048))),
  }),
);

export const Page = <T extends z.ZodMiniType>(item: T) => z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });

/** `YYYY-MM-DD` or a full ISO timestamp, as seed 002's dateStart/dateEnd. */
export const DateFilter = /* @__PURE__ */ lazy(() =>
  z.string().check(z.maxLength(32, { abort: true }), z.regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/, 'must be YYYY-MM-DD or an ISO 8601 UTC timestamp')),
);
/** An ISO 8601 timestamp a client sends (bounded, like every string it may send). */
export const IsoDateTime = () => z.iso.datetime().check(z.maxLength(40, { abort: true }));
