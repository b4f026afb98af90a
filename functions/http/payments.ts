// Payments area (public, signature-verified): the payment provider's webhooks.
import { paymentsRoutes } from '#infra/routes/payments';
import { configuredProvider } from '#shared/adapters/payments/provider';
import { paymentsApi } from '#shared/api/payments';
import { NotFoundError } from '#shared/domain/errors';
import { httpHandler } from '#shared/http/handler';
import { settleFromProvider } from '#shared/use-cases/settle-from-provider';

export const handler = httpHandler(paymentsRoutes, paymentsApi, {
  'payments.webhook': async ({ params, raw, now }) => {
    const provider = await configuredProvider();
    // Not configured here: as if the route did not exist (a 404, never a 5xx).
    if (!provider || provider.name !== params.provider || !raw) throw new NotFoundError('The payment provider');
    return settleFromProvider(provider.parseWebhook(raw.body, raw.headers), now);
  },
});
