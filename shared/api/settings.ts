// Routes of the settings area: shop settings, managed reason lists, tracked stock.
import { z } from 'zod';
import type { RouteId } from '#infra/routes';
import { CreateReasonBody, Reason, ReasonKind, UpdateReasonBody } from '#shared/domain/reason';
import { ReturnPolicy } from '#shared/domain/return-policy';
import { Id, Text, Timestamp } from '#shared/domain/schema-kit';
import { Settings, SettingsBody } from '#shared/domain/settings';
import type { RouteSpec } from '#shared/http/route-spec';

export const ReasonParams = z.object({ id: Id('rsn') });
export const StockParams = z.object({ sku: Text(100) });

/** The full settings; `shop` (name/address printed on documents) may be left out to keep it. */
export const PutSettingsBody = SettingsBody.extend({ shop: SettingsBody.shape.shop.optional() }).meta({ id: 'PutSettingsBody' });
export type PutSettingsBody = z.infer<typeof PutSettingsBody>;

export const ReasonList = z.object({ items: z.array(Reason) }).meta({ id: 'ReasonList' });

export const StockLevel = z
  .object({
    sku: z.string(),
    tracked: z.boolean().meta({ description: 'False until an admin sets a level: an untracked SKU is unlimited.' }),
    quantity: z.number().int().nullable(),
    version: z.number().int().min(0).meta({ description: 'Steps on every change, sales included; `If-Match` on a PUT names it (0: never written).' }),
    updatedAt: Timestamp.nullable(),
  })
  .meta({ id: 'StockLevel' });

const STOCK_LIMIT = 1_000_000_000;

/** Either a new level or an adjustment, never both, never neither. */
export const SetStockBody = z
  .object({
    quantity: z.number().int().min(0).max(STOCK_LIMIT).optional().meta({ description: 'The counted level; starts tracking the SKU.' }),
    adjust: z
      .number()
      .int()
      .min(-STOCK_LIMIT)
      .max(STOCK_LIMIT)
      .optional()
      .meta({ description: 'Units to add (positive) or remove (negative), applied atomically to the tracked level; never below 0 (422).' }),
  })
  .superRefine((body, ctx) => {
    const given = [body.quantity, body.adjust].filter((v) => v !== undefined).length;
    if (given !== 1) {
      const message = given === 0 ? 'quantity or adjust is required' : 'give quantity or adjust, not both';
      for (const path of ['quantity', 'adjust']) ctx.addIssue({ code: 'custom', path: [path], message });
    }
  })
  .meta({ id: 'SetStockBody' });
export type SetStockBody = z.infer<typeof SetStockBody>;

export const settingsApi = {
  'settings.reasons': {
    summary: 'Active reasons a customer may choose',
    query: z.object({ kind: ReasonKind.optional() }),
    response: ReasonList,
  },
  'settings.adminReasons': {
    summary: 'Every reason, inactive included',
    query: z.object({ kind: ReasonKind.optional(), active: z.enum(['true', 'false']).optional() }),
    response: ReasonList,
  },
  'settings.createReason': { summary: 'Add a reason', body: CreateReasonBody, response: Reason, status: 201, idempotent: true },
  'settings.updateReason': {
    summary: 'Change a reason (deactivate to stop offering it)',
    params: ReasonParams,
    body: UpdateReasonBody,
    response: Reason,
    ifMatch: true,
  },
  'settings.get': { summary: 'Shop settings', response: Settings, fields: true },
  'settings.update': { summary: 'Replace the shop settings', body: PutSettingsBody, response: Settings, ifMatch: true },
  'settings.getStock': { summary: 'Tracked stock level of a SKU', params: StockParams, response: StockLevel, fields: true },
  'settings.setStock': {
    summary: 'Set the stock level of a SKU (starts tracking it), or adjust it by ±n atomically',
    params: StockParams,
    body: SetStockBody,
    response: StockLevel,
    ifMatch: true,
  },
  'settings.returnPolicy': {
    summary: 'What a portal shows before a return or cancellation: window, terms, refund methods, exclusions, upload limits (public, cacheable)',
    response: ReturnPolicy,
    // Settings change rarely; five minutes of staleness after an edit is the price of never asking the table per page view.
    cacheControl: 'public, max-age=300',
  },
  'settings.getReason': { summary: 'One reason (a built-in default until edited)', params: ReasonParams, response: Reason, fields: true },
} as const satisfies Partial<Record<RouteId, RouteSpec>>;
