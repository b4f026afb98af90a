// The /admin/webhooks routes over real HTTP: registration with a secret shown
// once, validation, If-Match, rotation, deletion, and the SSRF guard on save
// (the local stack allows http://127.0.0.1 only, as a developer setting).
import { afterAll, describe, expect, it } from 'vitest';
import { admin, call } from '../support/api.ts';
import { eventually, type Receiver, registerEndpoint, startReceiver } from '../support/webhook-receiver.ts';

type Endpoint = { id: string; url: string; events: string[]; enabled: boolean; description: string; version: number; secret?: string };
type Problem = { errors: { path: string; message: string }[] };

const created: string[] = [];
const receivers: Receiver[] = [];
afterAll(async () => {
  for (const id of created) await call(admin, 'DELETE', `/admin/webhooks/${id}`);
  for (const r of receivers) await r.close();
});

const register = async (body: Record<string, unknown>) => {
  const reply = await call<Endpoint & Problem>(admin, 'POST', '/admin/webhooks', body);
  if (reply.status === 201) created.push(reply.body.id);
  return reply;
};

describe('/admin/webhooks', () => {
  it('answers the secret on creation only, never on reads', async () => {
    const reply = await register({ url: 'http://127.0.0.1:9/hook', events: ['order.created'], description: 'ERP' });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ url: 'http://127.0.0.1:9/hook', events: ['order.created'], enabled: true, description: 'ERP', version: 1 });
    expect(reply.body.id).toMatch(/^whk_/);
    expect(reply.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(String(reply.body.secret).slice(6), 'base64')).toHaveLength(32);
    const got = await call<Endpoint>(admin, 'GET', `/admin/webhooks/${reply.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body).not.toHaveProperty('secret');
    expect(JSON.stringify(got.body)).not.toContain('sealed');
    const list = await call<{ items: Endpoint[] }>(admin, 'GET', '/admin/webhooks?limit=100');
    expect(list.body.items.find((e) => e.id === reply.body.id)).toBeDefined();
    expect(JSON.stringify(list.body)).not.toContain('whsec_');
  });

  it('names every bad field in a 400', async () => {
    const reply = await register({ url: 'not a url', events: ['order.created', 'order.exploded'], enabled: 'yes', extra: 1 });
    expect(reply.status).toBe(400);
    const paths = reply.body.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['url', 'events.1', 'enabled']));
    expect((await register({ url: 'http://127.0.0.1:9/', events: [] })).status).toBe(400);
    expect((await register({ url: 'http://127.0.0.1:9/', events: ['order.paid', 'order.paid'] })).status).toBe(400);
  });

  it.each([
    ['the metadata service', 'https://169.254.169.254/latest/meta-data/'],
    ['a private address', 'https://10.1.2.3/hook'],
    ['IPv6 loopback', 'https://[::1]/hook'],
    ['IPv4-mapped loopback', 'https://[::ffff:127.0.0.1]/hook'],
    ['IPv6 link-local', 'https://[fe80::1]/hook'],
    ['unique-local IPv6 (AWS metadata over IPv6)', 'https://[fd00:ec2::254]/hook'],
    ['CGNAT', 'https://100.64.0.1/hook'],
    ['a hostname that resolves to loopback', 'https://localhost:8443/hook'],
    ['plain http to a public host', 'http://93.184.216.34/hook'],
    ['credentials in the URL', 'https://user:pass@93.184.216.34/hook'],
    ['another scheme', 'ftp://93.184.216.34/hook'],
  ])('refuses %s on save', async (_what, url) => {
    const reply = await register({ url, events: ['order.created'] });
    expect(reply.status).toBe(400);
    expect(reply.body.errors.map((e) => e.path)).toEqual(['url']);
  });

  it('accepts a public https URL (checked, nothing sent)', async () => {
    expect((await register({ url: 'https://93.184.216.34/hook', events: ['refund.created'] })).status).toBe(201);
  });

  it('updates with If-Match, re-checks a new URL, and refuses a stale version', async () => {
    const { body: endpoint } = await register({ url: 'http://127.0.0.1:9/a', events: ['order.created'] });
    const stale = await call(admin, 'PUT', `/admin/webhooks/${endpoint.id}`, { enabled: false }, { 'if-match': '"7"' });
    expect(stale.status).toBe(412);
    const updated = await call<Endpoint>(admin, 'PUT', `/admin/webhooks/${endpoint.id}`, { enabled: false, events: ['order.paid'] }, { 'if-match': '"1"' });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ enabled: false, events: ['order.paid'], version: 2, url: 'http://127.0.0.1:9/a' });
    expect(updated.headers.get('etag')).toBe('"2"');
    const unsafe = await call<Problem>(admin, 'PUT', `/admin/webhooks/${endpoint.id}`, { url: 'https://192.168.1.1/' });
    expect(unsafe.status).toBe(400);
    expect((await call<Endpoint>(admin, 'GET', `/admin/webhooks/${endpoint.id}`)).body.url).toBe('http://127.0.0.1:9/a');
  });

  it('lets one of two concurrent updates win', async () => {
    const { body: endpoint } = await register({ url: 'http://127.0.0.1:9/race', events: ['order.created'] });
    const replies = await Promise.all(
      ['one', 'two', 'three'].map((d) => call(admin, 'PUT', `/admin/webhooks/${endpoint.id}`, { description: d }, { 'if-match': '"1"' })),
    );
    // The losers read the winner's version (412) or lose the conditional write (409).
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    expect(replies.filter((r) => r.status !== 200).every((r) => r.status === 409 || r.status === 412)).toBe(true);
  });

  it('rotates the secret: the new one is shown once and signs what follows, the old one beside it for now', async () => {
    const receiver = await startReceiver();
    receivers.push(receiver);
    const endpoint = await registerEndpoint(receiver.url, ['order.created']);
    created.push(endpoint.id);
    const rotated = await call<Endpoint>(admin, 'POST', `/admin/webhooks/${endpoint.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(endpoint.secret);
    expect(rotated.body.version).toBe(2);
    await call(admin, 'POST', `/admin/webhooks/${endpoint.id}/ping`);
    await eventually(() => (receiver.received.length > 0 ? true : undefined), 10_000, 'the ping');
    expect(receiver.verified(String(rotated.body.secret))).toHaveLength(1);
    // The old secret keeps signing for 24 h (webhooks-secrets.test.ts), so a receiver can switch without refusing anything.
    expect(receiver.verified(endpoint.secret)).toHaveLength(1);
    expect(String(receiver.received[0]?.headers['webhook-signature']).split(' ')).toHaveLength(2);
  });

  it('deletes an endpoint: 204, then 404 everywhere', async () => {
    const { body: endpoint } = await register({ url: 'http://127.0.0.1:9/gone', events: ['order.created'] });
    const deleted = await call(admin, 'DELETE', `/admin/webhooks/${endpoint.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBe('');
    for (const [method, path] of [
      ['GET', ''],
      ['DELETE', ''],
      ['POST', '/ping'],
      ['POST', '/rotate-secret'],
      ['GET', '/deliveries'],
      ['POST', '/deliveries/dlv_01JAAAAAAAAAAAAAAAAAAAAAAA/retry'],
    ] as const)
      expect((await call(admin, method, `/admin/webhooks/${endpoint.id}${path}`)).status, `${method} ${path}`).toBe(404);
  });

  it('publishes the event catalogue as JSON Schema, without a token', async () => {
    const reply = await call<{ $schema: string; oneOf?: unknown[]; anyOf?: unknown[] }>({ role: 'public' }, 'GET', '/events/schema.json');
    expect(reply.status).toBe(200);
    expect(reply.body.$schema).toContain('2020-12');
    const text = JSON.stringify(reply.body);
    for (const type of ['order.created', 'return.item_verified', 'refund.transaction_failed', 'comment.created']) expect(text).toContain(`"${type}"`);
    const openapi = await call<{ paths: Record<string, unknown> }>({ role: 'public' }, 'GET', '/openapi.json');
    expect(Object.keys(openapi.body.paths)).toEqual(expect.arrayContaining(['/events/schema.json', '/admin/webhooks/{id}/deliveries/{deliveryId}/retry']));
  });
});
