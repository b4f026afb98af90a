// Shop settings (seeds 000 and 002), with the defaults of a fresh install.
import { z } from 'zod';
import { OrderStatus } from './order-status.ts';
import { Email, Text, Version } from './schema-kit.ts';

export const SettingsBody = z
  .object({
    returns: z.object({
      maxDays: z.number().int().min(0).max(3650),
      termsUrl: z.url().max(2048).nullable(),
      excludedCategories: z.array(Text(100)).max(500),
      refundMethods: z.object({ card: z.boolean(), bankTransfer: z.boolean(), voucher: z.boolean() }),
    }),
    refunds: z.object({
      restock: z.boolean(),
      deductShipping: z.boolean(),
      attachments: z.object({
        enabled: z.boolean(),
        maxBytes: z
          .number()
          .int()
          .min(1)
          .max(100 * 1024 * 1024),
        contentTypes: z
          .array(
            z
              .string()
              .max(255, { abort: true })
              .regex(/^[\w.+-]+\/[\w.+-]+$/, 'must be a MIME type'),
          )
          .min(1)
          .max(50),
      }),
    }),
    cancellation: z.object({ customerCancellableStatuses: z.array(OrderStatus).max(8) }),
    notifications: z.object({ adminEmails: z.array(Email).max(50), fromAddress: Email }),
    shop: z.object({ name: Text(), address: z.string().max(500) }),
  })
  .meta({ id: 'SettingsBody' });
export type SettingsBody = z.infer<typeof SettingsBody>;

export const Settings = SettingsBody.extend({ version: Version, updatedAt: z.string().nullable() }).meta({ id: 'Settings' });
export type Settings = z.infer<typeof Settings>;

export const defaultSettings = (fromAddress: string): Settings => ({
  returns: {
    maxDays: 30,
    termsUrl: null,
    excludedCategories: [],
    refundMethods: { card: true, bankTransfer: true, voucher: true },
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
  version: 1,
  updatedAt: null,
});
