// Routes of the payments area: the payment provider's signed webhooks (public:
// the signature over the raw body is the authentication).
import * as z from 'zod/mini';
import { lazy } from '#shared/domain/pure';
import type { SpecsOf } from '#shared/http/route-spec';

export const PAYMENT_PROVIDERS = ['stripe'] as const;

export const paymentsApi = /* @__PURE__ */ lazy(
  () =>
    ({
      'payments.webhook': {
        summary: "A payment provider's signed event (Stripe: `Stripe-Signature`); settles the refund transaction it is about",
        params: z.object({ provider: z.enum(PAYMENT_PROVIDERS) }),
        response: z
          .object({
            received: z.literal(true),
            outcome: z.enum(['settled', 'reversed', 'already settled', 'ignored']),
            detail: z.nullable(z.string()),
          })
          .clone()
          .register(z.globalRegistry, { id: 'WebhookReceipt' }),
        rawBody: true,
      },
    }) as const satisfies SpecsOf<'payments'>,
);
