// What a returns portal shows before a customer starts a return or a
// cancellation: the public part of the settings, never admin emails or the
// sender. Pure.
import { z } from 'zod';
import { OrderStatus } from './order-status.ts';
import { refundMethodEnabled } from './return-eligibility.ts';
import { REFUND_METHODS, RefundMethod } from './return-request.ts';
import type { Settings } from './settings.ts';

export const ReturnPolicy = z
  .object({
    returns: z.object({
      maxDays: z.number().int(),
      termsUrl: z.string().nullable(),
      refundMethods: z.array(RefundMethod).meta({ description: 'The enabled refund methods, spelled as `refundMethod` of a return.' }),
      excludedCategories: z.array(z.string()),
    }),
    attachments: z.object({ enabled: z.boolean(), maxBytes: z.number().int(), contentTypes: z.array(z.string()) }),
    cancellation: z.object({ customerCancellableStatuses: z.array(OrderStatus) }),
  })
  .meta({ id: 'ReturnPolicy' });
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
