// What a returns portal shows before a customer starts a return or a
// cancellation: the public part of the settings, never admin emails or the
// sender. Pure.
import * as z from 'zod/mini';
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
    })
    .clone()
    .register(z.globalRegistry, { id: 'ReturnPolicy' }),
);
export type ReturnPolicy = z.infer<typeof ReturnPolicy>;

export const returnPolicyOf = (settings: Settings): ReturnPolicy => ({
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
});
