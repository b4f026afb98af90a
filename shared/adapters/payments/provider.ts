// Which payment provider refunds cards, from configuration, resolved once per
// cold start. Locally and in tests the keys come from the environment
// (STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET, STRIPE_API_URL); in AWS the
// function gets only STRIPE_SECRET_ID, a Secrets Manager secret
// `{"secretKey", "webhookSecret"}` read through the AWS Parameters and Secrets
// Lambda extension, never the keys themselves. Neither: the `manual` flow.
import type { PaymentProvider } from '#shared/domain/payments';
import { type StripeKeys, stripeProvider } from './stripe.ts';

/** The extension's local endpoint (its default port). */
const SECRETS_EXTENSION = 'http://localhost:2773/secretsmanager/get';

const fromSecretsManager = async (secretId: string): Promise<StripeKeys> => {
  const response = await fetch(`${SECRETS_EXTENSION}?secretId=${encodeURIComponent(secretId)}`, {
    headers: { 'X-Aws-Parameters-Secrets-Token': process.env.AWS_SESSION_TOKEN ?? '' },
  });
  if (!response.ok) throw new Error(`Stripe keys: the secrets extension answered ${response.status}`);
  const { SecretString } = (await response.json()) as { SecretString?: string };
  const keys = JSON.parse(SecretString ?? '{}') as Partial<StripeKeys>;
  if (!keys.secretKey || !keys.webhookSecret) throw new Error('Stripe keys: the secret needs "secretKey" and "webhookSecret"');
  return { secretKey: keys.secretKey, webhookSecret: keys.webhookSecret };
};

const stripeKeys = async (): Promise<StripeKeys | undefined> => {
  const { STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET, STRIPE_API_URL, STRIPE_SECRET_ID } = process.env;
  if (STRIPE_SECRET_KEY && STRIPE_WEBHOOK_SECRET) return { secretKey: STRIPE_SECRET_KEY, webhookSecret: STRIPE_WEBHOOK_SECRET, apiUrl: STRIPE_API_URL };
  return STRIPE_SECRET_ID ? fromSecretsManager(STRIPE_SECRET_ID) : undefined;
};

let cached: Promise<PaymentProvider | undefined> | undefined;

/** The configured provider, or undefined for `manual`. A failed read is not cached: the next call tries again. */
export const configuredProvider = (): Promise<PaymentProvider | undefined> => {
  cached ??= stripeKeys()
    .then((keys) => (keys ? stripeProvider(keys) : undefined))
    .catch((error: unknown) => {
      cached = undefined;
      throw error;
    });
  return cached;
};
