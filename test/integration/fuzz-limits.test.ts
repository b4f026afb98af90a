// Abuse limits over real HTTP, generated from the route table: a body over the
// engine's cap is a 413 on every route that takes one (and over the gateway's
// 10 MB, too), `limit` above 100 is a 400 on every list, and a forged, edited or
// borrowed cursor is a 400 on every list, never a page of someone else's data.
import { beforeAll, describe, expect, it } from 'vitest';
import { type Route, routes } from '#infra/routes';
import { contract } from '#shared/api/index';
import { MAX_BODY_BYTES } from '#shared/http/parse';
import type { RouteSpec } from '#shared/http/route-spec';
import { admin, type Caller, call, createOrder, customer, storefront } from '../support/api.ts';
import { buildWorld, type World } from '../support/fuzz-fixtures.ts';
import { credit } from '../support/store-credit.ts';

const all = routes as readonly Route[];
const specOf = (route: Route): RouteSpec => contract[route.id as keyof typeof contract] as RouteSpec;
const isList = (route: Route) => {
  const response = specOf(route).response as { shape?: Record<string, unknown> } | undefined;
  return route.method === 'GET' && response?.shape !== undefined && 'nextCursor' in response.shape;
};

let world: World;
const callerOf = (route: Route): Caller => (route.roles.includes('customer') ? world.owner : route.roles.includes('admin') ? admin : storefront);
const pathOf = (route: Route) =>
  route.path.replace(
    /\{(\w+)\}/g,
    (_m, name: string) =>
      ({
        // The world's cancellation is filed against its open order.
        orderId: route.path.endsWith('/cancellations') ? world.openOrder.id : world.order.id,
        returnId: world.returnId,
        refundId: world.refundId,
        txnId: world.txnId,
        lineItemId: world.order.lineItems[0]?.id ?? '',
        sku: world.sku,
        id: route.path.startsWith('/admin/reasons')
          ? world.reasonId
          : route.path.startsWith('/attachments')
            ? world.attachmentId
            : route.path.startsWith('/admin/webhooks')
              ? world.webhookId
              : route.path.includes('/exchanges/')
                ? world.exchangeId
                : world.cancellationId,
        deliveryId: world.deliveryId,
        customerId: world.owner.sub,
      })[name] ?? 'x',
  );
type Problem = { status: number; errors: { path: string }[] };

const decode = (cursor: string) => JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, string>;
const encode = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');

beforeAll(async () => {
  world = await buildWorld();
  // A second page everywhere: one more of each listed thing.
  await createOrder(world.owner);
  await call(admin, 'POST', `/admin/orders/${world.order.id}/notes`, { body: 'Second', visibility: 'customer' });
  await call(admin, 'POST', `/admin/orders/${world.order.id}/refunds`, { amount: 1 });
  for (const note of ['First', 'Second']) {
    await credit(world.owner.sub, 100);
    await call(admin, 'POST', '/admin/gift-cards', { amount: 500, currency: 'USD', note });
  }
});

describe('body size', () => {
  const withBody = all.filter((r) => specOf(r).body);

  it.each(withBody.map((r) => [r.id, r] as const))('%s: a body over the engine cap is a 413 problem', async (_id, route) => {
    const body = JSON.stringify({ padding: 'x'.repeat(MAX_BODY_BYTES) });
    const reply = await call<Problem>(callerOf(route), route.method, pathOf(route), body);
    expect(reply.status).toBe(413);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses a body over API Gateway’s 10 MB before any handler runs', async () => {
    const reply = await call<Problem>(storefront, 'POST', '/orders', `"${'x'.repeat(10 * 1024 * 1024)}"`);
    expect(reply.status).toBe(413);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('page size and cursors', () => {
  const lists = all.filter(isList);

  it('covers every list route', () => {
    expect(lists.map((r) => r.id)).toEqual(
      expect.arrayContaining([
        'orders.list',
        'orders.adminList',
        'returns.list',
        'returns.adminList',
        'cancellations.adminList',
        'refunds.list',
        'notes.list',
        'notes.adminList',
        'cancellations.list',
        'cancellations.orderList',
        'returns.orderList',
        'refunds.transactions',
      ]),
    );
  });

  it.each(lists.map((r) => [r.id, r] as const))('%s: limit above 100 is a 400 naming `limit`, 100 is fine', async (_id, route) => {
    const over = await call<Problem>(callerOf(route), 'GET', `${pathOf(route)}?limit=101`);
    expect(over.status).toBe(400);
    expect(over.body.errors.map((e) => e.path)).toEqual(['limit']);
    expect((await call(callerOf(route), 'GET', `${pathOf(route)}?limit=100`)).status).toBe(200);
  });

  it.each(lists.map((r) => [r.id, r] as const))('%s: a forged or edited cursor is a 400, its own cursor works', async (_id, route) => {
    const caller = callerOf(route);
    const first = await call<{ nextCursor: string | null }>(caller, 'GET', `${pathOf(route)}?limit=1`);
    expect(first.status).toBe(200);
    const cursor = first.body.nextCursor;
    expect(cursor, 'the world has a second page of this list').toEqual(expect.any(String));
    expect((await call(caller, 'GET', `${pathOf(route)}?limit=1&cursor=${cursor}`)).status).toBe(200);

    const key = decode(cursor ?? '');
    const partitionAttr = Object.keys(key).find((k) => k !== 'PK' && k.endsWith('PK')) ?? 'PK';
    const forged = [
      'garbage',
      encode(['not', 'an', 'object']),
      encode({ ...key, [partitionAttr]: `${key[partitionAttr]}x` }),
      encode({ ...key, [partitionAttr]: 'CUSTOMER#someone-else' }),
      // The right partition with the rest of the key missing, edited or wrongly typed: DynamoDB would refuse these itself.
      encode({ [partitionAttr]: key[partitionAttr] }),
      encode({ ...key, [partitionAttr.replace(/PK$/, 'SK')]: '~outside#the#key#condition' }),
      encode({ ...key, extra: 'x' }),
      encode({ ...key, PK: 1 }),
    ];
    for (const value of forged) {
      const reply = await call<Problem>(caller, 'GET', `${pathOf(route)}?limit=1&cursor=${encodeURIComponent(value)}`);
      expect(reply.status, `${route.id} with cursor ${JSON.stringify(Buffer.from(value, 'base64url').toString())}`).toBe(400);
      expect(
        reply.body.errors.map((e) => e.path),
        route.id,
      ).toEqual(['cursor']);
    }

    // Validated, not signed: a start position edited inside the caller's own partition is served, but only ever
    // holds what the caller could page to anyway.
    const everything = await call<{ items: { id: string }[] }>(caller, 'GET', `${pathOf(route)}?limit=100`);
    const edited = encode(Object.fromEntries(Object.entries(key).map(([k, v]) => [k, k === partitionAttr ? v : `${v}~`])));
    const reply = await call<{ items?: { id: string }[] }>(caller, 'GET', `${pathOf(route)}?limit=100&cursor=${edited}`);
    expect([200, 400], route.id).toContain(reply.status);
    const mine = new Set(everything.body.items.map((i) => i.id));
    expect(
      (reply.body.items ?? []).filter((i) => !mine.has(i.id)),
      route.id,
    ).toEqual([]);
  });

  it("refuses every list's cursor on every other list over another partition", async () => {
    const cursors = new Map<string, string>();
    for (const route of lists) {
      const reply = await call<{ nextCursor: string | null }>(callerOf(route), 'GET', `${pathOf(route)}?limit=1`);
      if (reply.body.nextCursor) cursors.set(route.id, reply.body.nextCursor);
    }
    const partitionOf = (cursor: string) =>
      JSON.stringify(
        Object.entries(decode(cursor))
          .filter(([k]) => k.endsWith('PK'))
          .sort(),
      );
    let tried = 0;
    for (const route of lists) {
      for (const [from, cursor] of cursors) {
        const own = cursors.get(route.id);
        if (from === route.id || (own && partitionOf(own) === partitionOf(cursor))) continue;
        tried++;
        const reply = await call(callerOf(route), 'GET', `${pathOf(route)}?cursor=${cursor}`);
        expect(reply.status, `${from}'s cursor on ${route.id}`).toBe(400);
      }
    }
    expect(tried).toBeGreaterThan(lists.length);
  });

  it("never serves another customer's orders through a cursor naming their partition", async () => {
    const victim = world.owner.sub;
    const attacker = customer();
    await createOrder(attacker);
    const stolen = encode({ GSI1PK: `CUSTOMER#${victim}`, GSI1SK: `ORDER#9999`, PK: `ORDER#${world.order.id}`, SK: 'ORDER' });
    const reply = await call<{ items?: unknown[] }>(attacker, 'GET', `/orders?cursor=${stolen}`);
    expect(reply.status).toBe(400);
    expect(reply.body.items).toBeUndefined();
  });
});
