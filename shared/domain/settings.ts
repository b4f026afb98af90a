// Shop settings (seeds 000 and 002), with the defaults of a fresh install.
import * as z from 'zod/mini';
import { DEFAULT_LOCALES, SUPPORTED_LOCALES } from '../i18n/locales.ts';
import { DEFAULT_EXCHANGE_SETTINGS, ExchangeSettings } from './exchange.ts';
import { OrderStatus } from './order-status.ts';
import { lazy } from './pure.ts';
import { Email, Text, Version } from './schema-kit.ts';
import { DEFAULT_STORE_CREDIT, StoreCreditSettings } from './store-credit.ts';

const SupportedLocale = /* @__PURE__ */ lazy(() => z.enum(SUPPORTED_LOCALES));

/** The languages the shop speaks: `default` for admins and for customers whose locale is not enabled. */
export const LocalesSettings = /* @__PURE__ */ lazy(() =>
  z
    .object({
      default: SupportedLocale,
      enabled: z.array(SupportedLocale).check(
        z.minLength(1),
        z.maxLength(SUPPORTED_LOCALES.length),
        z.refine((enabled) => new Set(enabled).size === enabled.length, 'must not repeat a locale'),
      ),
    })
    .check(
      z.superRefine((locales, ctx) => {
        if (!locales.enabled.includes(locales.default)) ctx.addIssue({ code: 'custom', path: ['default'], message: 'must be one of the enabled locales' });
      }),
    ),
);

export const SettingsBody = /* @__PURE__ */ lazy(() =>
  z
    .object({
      returns: z.object({
        maxDays: z.number().check(z.int(), z.minimum(0), z.maximum(3650)),
        // Shown to customers as a link: https only, never `javascript:` or `data:` (API.md "Settings").
        termsUrl: z.nullable(z.url({ protocol: /^https$/, normalize: true, error: 'must be an https URL' }).check(z.maxLength(2048))),
        excludedCategories: z.array(Text(100)).check(z.maxLength(500)),
        refundMethods: z.object({
          card: z.boolean(),
          bankTransfer: z.boolean(),
          voucher: z.boolean(),
          // Optional in a PUT (kept as it was when left out), so a client written before store credit keeps working.
          storeCredit: z.optional(z.boolean()),
        }),
      }),
      refunds: z.object({
        restock: z.boolean(),
        deductShipping: z.boolean(),
        attachments: z.object({
          enabled: z.boolean(),
          maxBytes: z.number().check(z.int(), z.minimum(1), z.maximum(100 * 1024 * 1024)),
          contentTypes: z
            .array(z.string().check(z.maxLength(255, { abort: true }), z.regex(/^[\w.+-]+\/[\w.+-]+$/, 'must be a MIME type')))
            .check(z.minLength(1), z.maxLength(50)),
        }),
      }),
      cancellation: z.object({ customerCancellableStatuses: z.array(OrderStatus).check(z.maxLength(8)) }),
      notifications: z.object({ adminEmails: z.array(Email).check(z.maxLength(50)), fromAddress: Email }),
      shop: z.object({ name: Text(), address: z.string().check(z.maxLength(500)) }),
      locales: LocalesSettings,
      // Optional in a PUT (kept as it was when left out), so a client written before exchanges keeps working.
      exchanges: z.optional(ExchangeSettings),
      storeCredit: z.optional(StoreCreditSettings),
    })
    .clone()
    .register(z.globalRegistry, { id: 'SettingsBody' }),
);
export type SettingsBody = z.infer<typeof SettingsBody>;

export const Settings = /* @__PURE__ */ lazy(() =>
  z
    .extend(SettingsBody, { exchanges: ExchangeSettings, storeCredit: StoreCreditSettings, version: Version, updatedAt: z.nullable(z.string()) })
    .clone()
    .register(z.globalRegistry, { id: 'Settings' }),
);
export type Settings = z.infer<typeof Settings>;

export const defaultSettings = (fromAddress: string): Settings => ({
  returns: {
    maxDays: 30,
    termsUrl: null,
    excludedCategories: [],
    refundMethods: { card: true, bankTransfer: true, voucher: true, storeCredit: true },
  },
  refunds: {
    restock: true,
    deductShipping: false,
    attachments: {
      enabled: true,
      maxBytes: 10 * 1024 * 1024,
      contentTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf'],
    },
  },
  cancellation: { customerCancellableStatuses: ['pending', 'confirmed', 'picked_up'] },
  notifications: { adminEmails: [], fromAddress },
  shop: { name: 'aftersales demo shop', address: '1 Market Street, Springfield' },
  locales: { default: DEFAULT_LOCALES.default, enabled: [...DEFAULT_LOCALES.enabled] },
  exchanges: DEFAULT_EXCHANGE_SETTINGS,
  storeCredit: DEFAULT_STORE_CREDIT,
  version: 1,
  updatedAt: null,
});

/** What a PUT may leave out, keeping the current value: the shop's name and address, the locales, the exchanges. */
export type SettingsUpdate = Omit<SettingsBody, 'shop' | 'locales' | 'exchanges' | 'storeCredit'> &
  Partial<Pick<SettingsBody, 'shop' | 'locales' | 'exchanges' | 'storeCredit'>>;

/** Applies a PUT: a new version of everything sent; `shop`, `locales`, `exchanges` and `storeCredit` are kept when the body leaves them out. */
export const nextSettings = (current: Settings, body: SettingsUpdate, now: string): Settings => ({
  ...body,
  returns: {
    ...body.returns,
    refundMethods: { ...body.returns.refundMethods, storeCredit: body.returns.refundMethods.storeCredit ?? current.returns.refundMethods.storeCredit ?? true },
  },
  storeCredit: body.storeCredit ?? current.storeCredit,
  shop: body.shop ?? current.shop,
  locales: body.locales ?? current.locales,
  exchanges: body.exchanges ?? current.exchanges,
  version: current.version + 1,
  updatedAt: now,
});
