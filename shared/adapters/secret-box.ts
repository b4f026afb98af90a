// Webhook signing secrets at rest, and the keyed hash of gift card codes: AES-256-GCM under a key that never sits in
// the table. In AWS the key comes from a Secrets Manager secret the stack
// generates (read once per container); in the local stack from the
// environment. A stolen table export holds no usable secret.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { env } from './env.ts';

/** A 256-bit key from a Secrets Manager secret (AWS) or a value given directly (local stack), read once per container. */
const keyLoader = (source: () => { readonly secretArn: string; readonly material: string }, missing: string) => {
  let key: Promise<Buffer> | undefined;
  const load = async (): Promise<Buffer> => {
    const { secretArn, material: given } = source();
    let material = given;
    if (secretArn) {
      const client = new SecretsManagerClient({});
      const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretArn }));
      client.destroy();
      material = SecretString ?? '';
    }
    if (material.length < 32) throw new Error(missing);
    // The secret is a long random string; its SHA-256 is a uniform 256-bit key.
    return createHash('sha256').update(material).digest();
  };
  return (): Promise<Buffer> => {
    key ??= load().catch((error: unknown) => {
      key = undefined; // a failed read is retried by the next call, not cached
      throw error;
    });
    return key;
  };
};

const keyOf = keyLoader(
  () => ({ secretArn: env.webhookKeySecretArn, material: env.webhookSecretKey }),
  'No webhook encryption key: set WEBHOOK_KEY_SECRET_ARN (AWS) or WEBHOOK_SECRET_KEY (local)',
);

const giftCardKey = keyLoader(
  () => ({ secretArn: env.giftCardKeySecretArn, material: env.giftCardSecretKey }),
  'No gift card key: set GIFT_CARD_KEY_SECRET_ARN (AWS) or GIFT_CARD_SECRET_KEY (local)',
);

/**
 * The keyed hash a gift card is stored and found under (HMAC-SHA256, base64url).
 * Keyed, not a plain hash: codes are short enough that a stolen table could be
 * brute-forced against SHA-256, never against a key it does not hold.
 */
export const codeHash = async (code: string): Promise<string> =>
  createHmac('sha256', await giftCardKey())
    .update(code)
    .digest('base64url');

/** `v1.<iv>.<tag>.<ciphertext>`, base64url parts; `context` (the endpoint id) is bound as associated data. */
export const sealSecret = async (plain: string, context: string): Promise<string> => {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await keyOf(), iv).setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
};

export const openSecret = async (sealed: string, context: string): Promise<string> => {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('Not a sealed webhook secret');
  const decipher = createDecipheriv('aes-256-gcm', await keyOf(), Buffer.from(iv, 'base64url')).setAAD(Buffer.from(context));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
};

/** A Standard Webhooks secret: `whsec_` + base64 of 32 random bytes. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;
