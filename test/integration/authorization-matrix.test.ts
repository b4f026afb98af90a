// Every route of the route table × every kind of caller gets its documented
// answer: 401 for no or bad tokens, 403 for the wrong role, and never a 401/403
// (nor a 5xx) for a caller the route admits. Then ownership (OWASP API1, broken
// object-level authorization): on every route whose path names a customer's
// resource, another customer gets a 404 (exactly as for an id that does not
// exist) and changes nothing, while the owner and an admin get through.
// Generated from infra/routes.ts at run time, so a new route is covered the
// moment it is declared, and fails here until its owned parameters are known.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badTokens, signToken, type TokenRole } from '#infra/local/jwt';
import { ROLES, type Route, routes } from '#infra/routes';
import { admin, apiUrl, type Caller, call, createOrder, customer } from '../support/api.ts';
import { buildWorld, type World } from '../support/fuzz-fixtures.ts';

/** Well-formed ids of resources that do not exist. */
const SAMPLE_PARAMS: Record<string, string> = {
  orderId: 'ord_01JAAAAAAAAAAAAAAAAAAAAAAA',
  returnId: 'ret_01JAAAAAAAAAAAAAAAAAAAAAAA',
  refundId: 'rfd_01JAAAAAAAAAAAAAAAAAAAAAAA',
  txnId: 'txn_01JAAAAAAAAAAAAAAAAAAAAAAA',
  id: 'att_01JAAAAAAAAAAAAAAAAAAAAAAA',
  cancellationId: 'can_01JAAAAAAAAAAAAAAAAAAAAAAA',
  lineItemId: 'li_01JAAAAAAAAAAAAAAAAAAAAAAA',
  sku: 'NO-SUCH-SKU',
};

const pathOf = (path: string, values: Record<string, string> = SAMPLE_PARAMS): string =>
  path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(values[name] ?? `x_${name}`));

/** Requests this file sends, for the README's figures. */
let checks = 0;
afterAll(() => console.log(`authorization-matrix: ${routes.length} routes, ${checks} route × caller checks`));

const send = async (method: string, path: string, token: string | undefined) => {
  checks++;
  const response = await fetch(`${apiUrl()}${pathOf(path)}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: method === 'GET' ? undefined : '{}',
  });
  await response.arrayBuffer();
  return response.status;
};

const BAD_TOKENS = {
  'no token': async () => undefined,
  expired: () => badTokens.expired(),
  'wrong issuer': () => badTokens.wrongIssuer(),
  'wrong audience': () => badTokens.wrongAudience(),
  'alg none': () => badTokens.unsigned('admin'),
  'foreign key': () => badTokens.foreignKey('admin'),
} as const;

const CALLERS: readonly TokenRole[] = ['customer', 'admin', 'storefront'];
const all = routes as readonly Route[];
const paramsOf = (route: Route) => [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);

describe('authorization matrix', () => {
  it('gives every route at least one known role', () => {
    for (const route of all) {
      expect(route.roles.length, route.id).toBeGreaterThan(0);
      for (const role of route.roles) expect(ROLES).toContain(role);
    }
  });

  const protectedRoutes = all.filter((r) => !r.roles.includes('public'));

  it.each(Object.entries(BAD_TOKENS))('refuses %s with 401 on every protected route', async (_name, make) => {
    const token = await make();
    for (const route of protectedRoutes) {
      expect(await send(route.method, route.path, token), `${route.id}`).toBe(401);
    }
  });

  it.each(CALLERS)('answers a %s token with 403 exactly where the role is not admitted', async (role) => {
    const token = await signToken({ role });
    for (const route of all) {
      const status = await send(route.method, route.path, token);
      const admitted = route.roles.some((r) => r === role || r === 'public');
      if (admitted) {
        expect([401, 403], `${route.id} as ${role} → ${status}`).not.toContain(status);
        expect(status, `${route.id} as ${role}`).toBeLessThan(500);
      } else {
        expect(status, `${route.id} as ${role}`).toBe(403);
      }
    }
  });
});

/** Which of the world's resources a customer-facing path parameter names. */
const OWNED: Record<string, (w: World, route: Route) => string | undefined> = {
  orderId: (w) => w.order.id,
  returnId: (w) => w.returnId,
  id: (w, route) => (route.path.startsWith('/attachments/') ? w.attachmentId : route.path.startsWith('/exchanges/') ? w.exchangeId : undefined),
  cancellationId: (w) => w.cancellationId,
};

/** Valid bodies, so a request is refused for ownership and not for its shape. */
const SAMPLE_BODIES: Record<string, unknown> = {
  'cancellations.create': { reasonId: 'rsn_cxlmistake' },
  'returns.comment': { body: 'Any news?' },
};

const customerRoutes = all.filter((r) => r.roles.includes('customer'));
const owned = customerRoutes.filter((r) => paramsOf(r).length > 0);

describe('ownership: a customer reaches only their own resources', () => {
  let world: World;
  const stranger = customer();
  const snapshot = async () => {
    const order = await call<{ version: number }>(admin, 'GET', `/admin/orders/${world.order.id}`);
    const request = await call<{ version: number; comments?: unknown[] }>(admin, 'GET', `/admin/returns/${world.returnId}`);
    return { order: order.body.version, request: request.body.version, comments: request.body.comments?.length };
  };
  const hit = (caller: Caller, route: Route, values: Record<string, string>) => {
    checks++;
    return call(caller, route.method, pathOf(route.path, values), route.method === 'GET' ? undefined : (SAMPLE_BODIES[route.id] ?? {}));
  };

  beforeAll(async () => {
    world = await buildWorld();
  });

  it('knows the owner of every parameter of every customer route (a new one fails here until added)', () => {
    expect(owned.length).toBeGreaterThan(5);
    for (const route of owned) {
      for (const param of paramsOf(route)) expect(OWNED[param]?.(world, route), `${route.id} {${param}}`).toBeDefined();
      if (route.method !== 'GET' && !['returns.cancel'].includes(route.id)) expect(SAMPLE_BODIES[route.id], `${route.id} needs a sample body`).toBeDefined();
    }
  });

  it("answers another customer 404 on every route naming the owner's resource, like a missing id, and changes nothing", async () => {
    const before = await snapshot();
    for (const route of owned) {
      const values = Object.fromEntries(paramsOf(route).map((p) => [p, OWNED[p]?.(world, route) ?? '']));
      const foreign = await hit(stranger, route, values);
      // `{id}` is an upload's under /attachments/ and an exchange's under /exchanges/: a missing one of the same kind.
      const missing = await hit(
        stranger,
        route,
        route.path.startsWith('/exchanges/') ? { ...SAMPLE_PARAMS, id: 'exc_01JAAAAAAAAAAAAAAAAAAAAAAA' } : SAMPLE_PARAMS,
      );
      expect(foreign.status, `${route.id} as a stranger`).toBe(404);
      expect(foreign.headers.get('content-type'), route.id).toContain('application/problem+json');
      expect(missing.status, `${route.id} for a missing id`).toBe(404);
      expect((foreign.body as { detail?: string }).detail, `${route.id}: same words as for a missing id`).toBe((missing.body as { detail?: string }).detail);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('lets the owner and an admin (where admitted) through on the same routes', async () => {
    for (const route of owned) {
      const values = Object.fromEntries(paramsOf(route).map((p) => [p, OWNED[p]?.(world, route) ?? '']));
      const callers: Caller[] = [world.owner, ...(route.roles.includes('admin') ? [admin] : [])];
      for (const caller of callers) {
        const { status } = await hit(caller, route, values);
        expect([401, 403, 404], `${route.id} as ${caller.role} → ${status}`).not.toContain(status);
        expect(status, `${route.id} as ${caller.role}`).toBeLessThan(500);
      }
    }
  });

  it("never lists the owner's resources to another customer, and refuses the owner's cursor (400)", async () => {
    const strangerOrder = await createOrder(stranger);
    const lists = customerRoutes.filter((r) => r.method === 'GET' && !paramsOf(r).some((p) => p !== 'orderId') && r.id.endsWith('list'));
    expect(lists.map((r) => r.id)).toEqual(expect.arrayContaining(['orders.list', 'returns.list', 'notes.list', 'cancellations.list', 'exchanges.list']));
    const ownerIds = [world.order.id, world.openOrder.id, world.returnId, world.noteId, world.cancellationId, world.exchangeId];
    for (const route of lists) {
      const mine = await call<{ items: { id: string }[]; nextCursor: string | null }>(
        world.owner,
        'GET',
        `${pathOf(route.path, { orderId: world.order.id })}?limit=1`,
      );
      expect(mine.status, route.id).toBe(200);
      expect(mine.body.nextCursor, `${route.id} gives the owner a cursor`).toEqual(expect.any(String));
      const theirs = await call<{ items: { id: string }[] }>(stranger, 'GET', pathOf(route.path, { orderId: strangerOrder.id }));
      expect(theirs.status, route.id).toBe(200);
      expect(
        theirs.body.items.map((i) => i.id).filter((id) => ownerIds.includes(id)),
        route.id,
      ).toEqual([]);
      const stolen = await call(
        stranger,
        'GET',
        `${pathOf(route.path, { orderId: strangerOrder.id })}?cursor=${encodeURIComponent(mine.body.nextCursor ?? '')}`,
      );
      expect(stolen.status, `${route.id} with the owner's cursor`).toBe(400);
    }
  });

  it("refuses another customer's return on the owner's order and treats the owner's attachment like a missing one", async () => {
    const line = world.order.lineItems[0]?.id;
    const body = (orderId: string, attachments: string[] = []) => ({
      orderId,
      items: [{ lineItemId: line, quantity: 1, reasonId: 'rsn_retdamaged' }],
      refundMethod: 'card',
      attachments,
    });
    expect((await call(stranger, 'POST', '/returns', body(world.order.id))).status).toBe(404);
    const own = await createOrder(stranger);
    const ownLine = own.lineItems[0]?.id;
    const attach = (ids: string[]) =>
      call<{ rule?: string; errors?: { path: string }[] }>(stranger, 'POST', '/returns', {
        ...body(own.id, ids),
        items: [{ lineItemId: ownLine, quantity: 1, reasonId: 'rsn_retdamaged' }],
      });
    const [foreign, missing] = [await attach([world.attachmentId]), await attach(['att_01JAAAAAAAAAAAAAAAAAAAAAAA'])];
    expect(foreign.status).toBeGreaterThanOrEqual(400);
    expect(foreign.status).toBeLessThan(500);
    expect({ status: foreign.status, rule: foreign.body.rule }).toEqual({ status: missing.status, rule: missing.body.rule });
  });

  it("scopes an Idempotency-Key to its caller: another customer's same key and body is refused, never answered with the owner's response", async () => {
    const key = `shared-${world.sku}`;
    const upload = { fileName: 'a.jpg', contentType: 'image/jpeg', size: 10 };
    const first = await call<{ id: string }>(world.owner, 'POST', '/attachments', upload, { 'idempotency-key': key });
    const replayed = await call<{ id: string }>(world.owner, 'POST', '/attachments', upload, { 'idempotency-key': key });
    const other = await call<{ id?: string; rule?: string; errors?: { path: string }[] }>(stranger, 'POST', '/attachments', upload, { 'idempotency-key': key });
    expect([first.status, replayed.status, other.status]).toEqual([201, 201, 422]);
    expect(replayed.body.id).toBe(first.body.id);
    expect(other.body).toMatchObject({ rule: 'idempotency_key_reused', errors: [{ path: 'Idempotency-Key' }] });
    expect(other.body.id).toBeUndefined();
  });
});
