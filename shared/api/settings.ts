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
    updatedAt: Timestamp.nullable(),
  })
  .meta({ id: 'StockLevel' });

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
    summary: 'Set the stock level of a SKU (starts tracking it)',
    params: StockParams,
    body: z.object({ quantity: z.number().int().min(0).max(1_000_000_000) }).meta({ id: 'SetStockBody' }),
    response: StockLevel,
  },
  'settings.returnPolicy': {
    summary: 'What a portal shows before a return or cancellation: window, terms, refund methods, exclusions, upload limits (public, cacheable)',
    response: ReturnPolicy,
    // Settings change rarely; five minutes of staleness after an edit is the price of never asking the table per page view.
    cacheControl: 'public, max-age=300',
  },
  'settings.getReason': { summary: 'One reason (a built-in default until edited)', params: ReasonParams, response: Reason, fields: true },
} as const satisfies Partial<Record<RouteId, RouteSpec>>;
