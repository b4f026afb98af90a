// Routes of the settings area: shop settings, managed reason lists, tracked stock.
import * as z from 'zod/mini';
import { lazy } from '#shared/domain/pure';
import { CreateReasonBody, Reason, ReasonKind, UpdateReasonBody } from '#shared/domain/reason';
import { ReturnPolicy } from '#shared/domain/return-policy';
import { Id, Text, Timestamp } from '#shared/domain/schema-kit';
import { Settings, SettingsBody } from '#shared/domain/settings';
import type { SpecsOf } from '#shared/http/route-spec';

export const ReasonParams = /* @__PURE__ */ lazy(() => z.object({ id: Id('rsn') }));
export const StockParams = /* @__PURE__ */ lazy(() => z.object({ sku: Text(100) }));

/** The full settings; `shop` (name/address printed on documents) and `locales` may be left out to keep them. */
export const PutSettingsBody = /* @__PURE__ */ lazy(() =>
  z
    .extend(SettingsBody, { shop: z.optional(SettingsBody.shape.shop), locales: z.optional(SettingsBody.shape.locales) })
    .clone()
    .register(z.globalRegistry, { id: 'PutSettingsBody' }),
);
export type PutSettingsBody = z.infer<typeof PutSettingsBody>;

export const ReasonList = /* @__PURE__ */ lazy(() =>
  z
    .object({ items: z.array(Reason) })
    .clone()
    .register(z.globalRegistry, { id: 'ReasonList' }),
);

export const StockLevel = /* @__PURE__ */ lazy(() =>
  z
    .object({
      sku: z.string(),
      tracked: z.boolean().clone().register(z.globalRegistry, { description: 'False until an admin sets a level: an untracked SKU is unlimited.' }),
      quantity: z.nullable(z.number().check(z.int())),
      version: z
        .number()
        .check(z.int(), z.minimum(0))
        .clone()
        .register(z.globalRegistry, { description: 'Steps on every change, sales included; `If-Match` on a PUT names it (0: never written).' }),
      updatedAt: z.nullable(Timestamp),
    })
    .clone()
    .register(z.globalRegistry, { id: 'StockLevel' }),
);

const STOCK_LIMIT = 1_000_000_000;

/** Either a new level or an adjustment, never both, never neither. */
export const SetStockBody = /* @__PURE__ */ lazy(() =>
  z
    .object({
      quantity: z
        .optional(z.number().check(z.int(), z.minimum(0), z.maximum(STOCK_LIMIT)))
        .clone()
        .register(z.globalRegistry, { description: 'The counted level; starts tracking the SKU.' }),
      adjust: z
        .optional(z.number().check(z.int(), z.minimum(-STOCK_LIMIT), z.maximum(STOCK_LIMIT)))
        .clone()
        .register(z.globalRegistry, {
          description: 'Units to add (positive) or remove (negative), applied atomically to the tracked level; never below 0 (422).',
        }),
    })
    .check(
      z.superRefine((body, ctx) => {
        const given = [body.quantity, body.adjust].filter((v) => v !== undefined).length;
        if (given !== 1) {
          const message = given === 0 ? 'quantity or adjust is required' : 'give quantity or adjust, not both';
          for (const path of ['quantity', 'adjust']) ctx.addIssue({ code: 'custom', path: [path], message });
        }
      }),
    )
    .clone()
    .register(z.globalRegistry, { id: 'SetStockBody' }),
);
export type SetStockBody = z.infer<typeof SetStockBody>;

export const settingsApi = /* @__PURE__ */ lazy(
  () =>
    ({
      'settings.reasons': {
        summary: "Active reasons a customer may choose, each `label` in the Accept-Language locale (the shop's default when not enabled)",
        query: z.object({ kind: z.optional(ReasonKind) }),
        response: ReasonList,
        localized: true,
      },
      'settings.adminReasons': {
        summary: 'Every reason, inactive included',
        query: z.object({ kind: z.optional(ReasonKind), active: z.optional(z.enum(['true', 'false'])) }),
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
        fields: true,
        // Settings change rarely; five minutes of staleness after an edit is the price of never asking the table per page view.
        cacheControl: 'public, max-age=300',
        localized: true,
      },
      'settings.getReason': { summary: 'One reason (a built-in default until edited)', params: ReasonParams, response: Reason, fields: true },
    }) as const satisfies SpecsOf<'settings'>,
);
