// Webhook secrets at rest: sealed with AES-256-GCM, bound to their endpoint,
// never in the table in clear, answered only on creation (and its replay) and
// rotation; a rotated secret signs beside its successor for 24 h, then no more.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { Webhook } from 'standardwebhooks';
import { afterAll, describe, expect, it } from 'vitest';
import { db, TABLE_NAME } from '#shared/adapters/dynamo';
import { KEY } from '#shared/adapters/keys';
import { newWebhookSecret, openSecret, sealSecret } from '#shared/adapters/secret-box';
import { signatureHeaders } from '#shared/adapters/webhook-http';
import { getEndpointWithSecrets } from '#shared/adapters/webhooks-repo';
import { SECRET_OVERLAP_SECONDS, signingSecrets } from '#shared/domain/webhook';
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
    expect((await getEndpointWithSecrets(endpoint.id))?.secrets).toEqual({ current: endpoint.secret, previous: undefined });
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

  it('keeps the old secret signing beside the new one for 24 h after a rotation, both sealed, then only the new one', async () => {
    const endpoint = await registerEndpoint('http://127.0.0.1:9/rotation', ['order.created'], { enabled: false });
    created.push(endpoint.id);
    const rotatedAt = Date.now();
    const rotated = await call<{ secret: string }>(admin, 'POST', `/admin/webhooks/${endpoint.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    const [oldSecret, newSecret] = [endpoint.secret, rotated.body.secret];

    const { Item } = await db.send(new GetCommand({ TableName: TABLE_NAME, Key: KEY.webhook(endpoint.id), ConsistentRead: true }));
    for (const secret of [oldSecret, newSecret]) expect(JSON.stringify(Item)).not.toContain(secret.slice(6));
    expect(JSON.stringify(Item)).not.toContain('whsec_');
    const stored = await getEndpointWithSecrets(endpoint.id);
    expect(stored?.secrets.current).toBe(newSecret);
    expect(stored?.secrets.previous?.secret).toBe(oldSecret);
    const until = Date.parse(String(stored?.secrets.previous?.until));
    expect(until - rotatedAt).toBeGreaterThanOrEqual(SECRET_OVERLAP_SECONDS * 1000 - 1000);
    expect(until - rotatedAt).toBeLessThanOrEqual(SECRET_OVERLAP_SECONDS * 1000 + 60_000);
    const keys = stored?.secrets ?? { current: '' };
    const body = JSON.stringify({ id: 'evt_rotation', type: 'webhook.ping' });

    // Now: two signatures; a receiver holding either secret accepts the message.
    const now = new Date();
    const headers = signatureHeaders({ id: 'evt_rotation', body, secrets: signingSecrets(keys, now.getTime()), at: now });
    expect(headers['webhook-signature']?.split(' ')).toHaveLength(2);
    expect(headers['webhook-signature']).toMatch(/^v1,\S+ v1,\S+$/);
    for (const secret of [newSecret, oldSecret]) expect(new Webhook(secret).verify(body, headers)).toMatchObject({ id: 'evt_rotation' });
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 7).toString('base64')}`).verify(body, headers)).toThrow();

    // Just before the overlap ends the old one still signs; from its end on, only the new one does.
    expect(signingSecrets(keys, until - 1)).toEqual([newSecret, oldSecret]);
    const later = new Date(until);
    const after = signatureHeaders({ id: 'evt_rotation', body, secrets: signingSecrets(keys, later.getTime()), at: later });
    expect(after['webhook-signature']).toBe(new Webhook(newSecret).sign('evt_rotation', later, body));
    expect(after['webhook-signature']).not.toContain(new Webhook(oldSecret).sign('evt_rotation', later, body).slice(3));
  });
});
