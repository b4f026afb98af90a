// What a returns portal shows before a customer starts a return or a
// cancellation: the public part of the settings, never admin emails or the
// sender. Pure.
import * as z from 'zod/mini';
import { type Locale, SUPPORTED_LOCALES } from '../i18n/locales.ts';
import { OrderStatus } from './order-status.ts';
import { lazy } from './pure.ts';
import { refundMethodEnabled } from './return-eligibility.ts';
import { REFUND_METHODS, RefundMethod } from './return-request.ts';
import type { Settings } from './settings.ts';

export const ReturnPolicy = /* @__PURE__ */ lazy(() =>
  z
    .object({
      returns: z.object({
        maxDays: z.number().check(z.int()),
        termsUrl: z.nullable(z.string()),
        refundMethods: z
          .array(RefundMethod)
          .clone()
          .register(z.globalRegistry, { description: 'The enabled refund methods, spelled as `refundMethod` of a return.' }),
        excludedCategories: z.array(z.string()),
      }),
      attachments: z.object({ enabled: z.boolean(), maxBytes: z.number().check(z.int()), contentTypes: z.array(z.string()) }),
      cancellation: z.object({ customerCancellableStatuses: z.array(OrderStatus) }),
      locale: z
        .enum(SUPPORTED_LOCALES)
        .clone()
        .register(z.globalRegistry, { description: 'The language of this answer: the Accept-Language locale the shop speaks, else its default.' }),
      locales: z
        .object({ default: z.enum(SUPPORTED_LOCALES), enabled: z.array(z.enum(SUPPORTED_LOCALES)) })
        .clone()
        .register(z.globalRegistry, { description: 'The languages a portal may offer (a language switch), and the default.' }),
      storeCredit: z
        .object({
          enabled: z.boolean(),
          expiresInDays: z.nullable(z.number().check(z.int())),
          bonus: z.object({ percent: z.number().check(z.int()), flat: z.number().check(z.int()), max: z.nullable(z.number().check(z.int())) }),
        })
        .clone()
        .register(z.globalRegistry, {
          description:
            'What choosing store credit for a return earns before submitting: the credit plus a bonus of `floor(amount × percent / 100) + flat`, at most `max` (store-credit-ledger.ts `bonusFor`), expiring `expiresInDays` after it is issued.',
        }),
    })
    .clone()
    .register(z.globalRegistry, { id: 'ReturnPolicy' }),
);
export type ReturnPolicy = z.infer<typeof ReturnPolicy>;

export const returnPolicyOf = (settings: Settings, locale: Locale): ReturnPolicy => ({
  returns: {
    maxDays: settings.returns.maxDays,
    termsUrl: settings.returns.termsUrl,
    refundMethods: REFUND_METHODS.filter((method) => refundMethodEnabled(settings, method)),
    excludedCategories: settings.returns.excludedCategories,
  },
  attachments: {
    enabled: settings.refunds.attachments.enabled,
    maxBytes: settings.refunds.attachments.maxBytes,
    contentTypes: settings.refunds.attachments.contentTypes,
  },
  cancellation: { customerCancellableStatuses: settings.cancellation.customerCancellableStatuses },
  locale,
  locales: settings.locales,
  storeCredit: { enabled: settings.storeCredit.enabled, expiresInDays: settings.storeCredit.expiresInDays, bonus: settings.storeCredit.bonus },
});
