// Which payment provider refunds cards, from configuration. Locally and in
// tests the keys come from the environment (STRIPE_SECRET_KEY,
// STRIPE_WEBHOOK_SECRET, STRIPE_API_URL); in AWS the function gets only
// STRIPE_SECRET_ID, a Secrets Manager secret `{"secretKey", "webhookSecret"}`
// read through the AWS Parameters and Secrets Lambda extension, never the keys
// themselves (STRIPE_API_URL, for development, applies to either). The secret starts as `{}`: payments are off until both keys are
// put in it. No keys (or only one): the `manual` flow.
import type { PaymentProvider } from '#shared/domain/payments';
import { logger } from '../logger.ts';
import { type StripeKeys, stripeProvider } from './stripe.ts';

/**
 * How long keys read are trusted: a rotated secret (or payments turned on or
 * off) is seen within this, not at the container's next cold start. The
 * extension caches the secret too (its own TTL, 300 s by default).
 */
const KEYS_TTL_MS = 5 * 60_000;

/** The extension's local endpoint, on the port it is configured with (2773 unless PARAMETERS_SECRETS_EXTENSION_HTTP_PORT says otherwise). */
const secretsExtension = (): string => `http://localhost:${process.env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT ?? '2773'}/secretsmanager/get`;

/** Both keys, or none: a half-filled secret is a configuration mistake, logged, and payments stay off. */
const bothKeys = (keys: Partial<StripeKeys>, where: string): StripeKeys | undefined => {
  if (keys.secretKey && keys.webhookSecret) return { secretKey: keys.secretKey, webhookSecret: keys.webhookSecret, apiUrl: keys.apiUrl };
  if (keys.secretKey || keys.webhookSecret) {
    logger.warn('payment provider keys incomplete: the manual flow applies', { where, missing: keys.secretKey ? 'webhookSecret' : 'secretKey' });
  }
  return undefined;
};

const fromSecretsManager = async (secretId: string): Promise<StripeKeys | undefined> => {
  const response = await fetch(`${secretsExtension()}?secretId=${encodeURIComponent(secretId)}`, {
    headers: { 'X-Aws-Parameters-Secrets-Token': process.env.AWS_SESSION_TOKEN ?? '' },
  });
  if (!response.ok) throw new Error(`Stripe keys: the secrets extension answered ${response.status}`);
  const { SecretString } = (await response.json()) as { SecretString?: string };
  const keys = JSON.parse(SecretString || '{}') as Partial<StripeKeys>;
  return bothKeys({ secretKey: keys.secretKey, webhookSecret: keys.webhookSecret, apiUrl: process.env.STRIPE_API_URL }, 'secret');
};

const stripeKeys = async (): Promise<StripeKeys | undefined> => {
  const { STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET, STRIPE_API_URL, STRIPE_SECRET_ID } = process.env;
  if (STRIPE_SECRET_ID && !(STRIPE_SECRET_KEY && STRIPE_WEBHOOK_SECRET)) return fromSecretsManager(STRIPE_SECRET_ID);
  return bothKeys({ secretKey: STRIPE_SECRET_KEY, webhookSecret: STRIPE_WEBHOOK_SECRET, apiUrl: STRIPE_API_URL }, 'environment');
};

let cached: { readonly until: number; readonly provider: Promise<PaymentProvider | undefined> } | undefined;

/** The configured provider, or undefined for `manual`; read again after KEYS_TTL_MS. A failed read is not cached: the next call tries again. */
export const configuredProvider = (): Promise<PaymentProvider | undefined> => {
  const now = Date.now();
  if (cached && now < cached.until) return cached.provider;
  const entry = {
    until: now + KEYS_TTL_MS,
    provider: stripeKeys()
      .then((keys) => (keys ? stripeProvider(keys) : undefined))
      .catch((error: unknown) => {
        if (cached === entry) cached = undefined;
        throw error;
      }),
  };
  cached = entry;
  return entry.provider;
};
