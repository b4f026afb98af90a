// Webhook signing secrets at rest: AES-256-GCM under a key that never sits in
// the table. In AWS the key comes from a Secrets Manager secret the stack
// generates (read once per container); in the local stack from the
// environment. A stolen table export holds no usable secret.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { env } from './env.ts';

let key: Promise<Buffer> | undefined;

const loadKey = async (): Promise<Buffer> => {
  let material = env.webhookSecretKey;
  if (env.webhookKeySecretArn) {
    const client = new SecretsManagerClient({});
    const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: env.webhookKeySecretArn }));
    client.destroy();
    material = SecretString ?? '';
  }
  if (material.length < 32) throw new Error('No webhook encryption key: set WEBHOOK_KEY_SECRET_ARN (AWS) or WEBHOOK_SECRET_KEY (local)');
  // The secret is a long random string; its SHA-256 is a uniform 256-bit key.
  return createHash('sha256').update(material).digest();
};

const keyOf = (): Promise<Buffer> => {
  key ??= loadKey().catch((error: unknown) => {
    key = undefined; // a failed read is retried by the next call, not cached
    throw error;
  });
  return key;
};

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
