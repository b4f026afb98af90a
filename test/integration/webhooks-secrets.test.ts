// Webhook secrets at rest: sealed with AES-256-GCM, bound to their endpoint,
// never in the table in clear, answered only on creation (and its replay) and rotation.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { db, TABLE_NAME } from '#shared/adapters/dynamo';
import { KEY } from '#shared/adapters/keys';
import { newWebhookSecret, openSecret, sealSecret } from '#shared/adapters/secret-box';
import { getEndpointWithSecret } from '#shared/adapters/webhooks-repo';
import { admin, call } from '../support/api.ts';
import { registerEndpoint } from '../support/webhook-receiver.ts';

const created: string[] = [];
afterAll(async () => {
  for (const id of created) await call(admin, 'DELETE', `/admin/webhooks/${id}`);
});

describe('webhook secrets at rest', () => {
  it('seals and opens a secret only for the endpoint it was sealed for, and detects tampering', async () => {
    const secret = newWebhookSecret();
    const sealed = await sealSecret(secret, 'whk_A');
    expect(sealed).not.toContain(secret.slice(6, 20));
    expect(await openSecret(sealed, 'whk_A')).toBe(secret);
    // Two seals of one secret differ (a fresh IV each time).
    expect(await sealSecret(secret, 'whk_A')).not.toBe(sealed);
    await expect(openSecret(sealed, 'whk_B')).rejects.toThrow();
    const [v, iv, tag, body] = sealed.split('.');
    const flipped = `${v}.${iv}.${tag}.${(body as string).startsWith('A') ? 'B' : 'A'}${(body as string).slice(1)}`;
    await expect(openSecret(flipped, 'whk_A')).rejects.toThrow();
  });

  it('stores only the sealed secret; the delivery side opens the one the admin was shown', async () => {
    const endpoint = await registerEndpoint('http://127.0.0.1:9/secret', ['order.created'], { enabled: false });
    created.push(endpoint.id);
    const { Item } = await db.send(new GetCommand({ TableName: TABLE_NAME, Key: KEY.webhook(endpoint.id), ConsistentRead: true }));
    const raw = JSON.stringify(Item);
    expect(raw).not.toContain(endpoint.secret);
    expect(raw).not.toContain(endpoint.secret.slice(6));
    expect(raw).not.toContain('whsec_');
    expect((await getEndpointWithSecret(endpoint.id))?.secret).toBe(endpoint.secret);
  });

  it('answers a replayed creation (same Idempotency-Key) as the first, secret included, kept sealed in between, and creates no second endpoint', async () => {
    const headers = { 'idempotency-key': `whk-${Date.now()}` };
    const body = { url: 'http://127.0.0.1:9/replay', events: ['order.created'], enabled: false };
    const first = await call<{ id: string; secret?: string }>(admin, 'POST', '/admin/webhooks', body, headers);
    const again = await call<{ id: string; secret?: string }>(admin, 'POST', '/admin/webhooks', body, headers);
    created.push(first.body.id);
    expect(first.status).toBe(201);
    expect(first.body.secret).toMatch(/^whsec_/);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const { Item } = await db.send(new GetCommand({ TableName: TABLE_NAME, Key: KEY.idempotency(headers['idempotency-key']), ConsistentRead: true }));
    expect(JSON.stringify(Item)).not.toContain('whsec_');
    const listed = await call<{ items: { id: string; url: string }[] }>(admin, 'GET', '/admin/webhooks?limit=100');
    expect(listed.body.items.filter((e) => e.url === body.url)).toHaveLength(1);
  });
});
