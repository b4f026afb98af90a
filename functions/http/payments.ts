// Payments area (public, signature-verified): the payment provider's webhooks:
// a refund's events settle its transaction, a paid checkout an exchange.
import { paymentsRoutes } from '#infra/routes/payments';
import { configuredProvider } from '#shared/adapters/payments/provider';
import { paymentsApi } from '#shared/api/payments';
import { BusinessRuleError, NotFoundError } from '#shared/domain/errors';
import { httpHandler } from '#shared/http/handler';
import { payExchangeFromProvider } from '#shared/use-cases/pay-exchange-from-provider';
import { settleFromProvider } from '#shared/use-cases/settle-from-provider';

export const handler = httpHandler(paymentsRoutes, paymentsApi, {
  'payments.webhook': async ({ params, raw, now }) => {
    const provider = await configuredProvider();
    // Payments off (no keys): a 4xx that says so, never a 5xx; the provider's retries find it on once keys are set.
    if (!provider) {
      throw new BusinessRuleError(
        'payments_not_configured',
        `No payment provider is configured: card refunds follow the manual flow (an admin settles each one), so ${params.provider} events are not accepted.`,
      );
    }
    if (provider.name !== params.provider || !raw) throw new NotFoundError('The payment provider');
    const event = provider.parseWebhook(raw.body, raw.headers);
    if (event.kind === 'checkout_paid') return payExchangeFromProvider(event, provider.name, now);
    return settleFromProvider(event, provider.name, now);
  },
});
