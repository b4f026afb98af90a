// Building blocks every resource schema shares: bounded strings, integer money,
// ids, timestamps. Caps on every string and array keep bodies bounded.
import { z } from 'zod';
import { isCurrency } from './money.ts';

export const Text = (max = 200) => z.string().trim().min(1).max(max);
export const OptionalText = (max = 200) => z.string().trim().max(max).optional();
/** Integer minor units; a float is refused, never rounded. */
export const Money = z.number().int().min(0).max(1_000_000_000_000);
export const Quantity = z.number().int().min(1).max(100_000);
export const Timestamp = z.string().meta({ format: 'date-time', example: '2026-11-21T10:00:00.000Z' });
export const Currency = z.string().max(3, { abort: true }).refine(isCurrency, 'must be an ISO 4217 currency code').meta({ example: 'USD' });
export const Id = (prefix: string) =>
  z
    .string()
    .max(64)
    .regex(new RegExp(`^${prefix}_[0-9A-Za-z]+$`), `must be a ${prefix}_… id`);
export const Email = z.email().max(254);
export const Version = z.number().int().min(1);

/** `?limit=&cursor=` on every list. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(2048).optional(),
});

export const Page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** `YYYY-MM-DD` or a full ISO timestamp, as seed 002's dateStart/dateEnd. */
export const DateFilter = z
  .string()
  .max(32, { abort: true })
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/, 'must be YYYY-MM-DD or an ISO 8601 UTC timestamp');
