// Property-based fuzzing of every route of infra/routes.ts, through the shipped
// handlers in-process with API Gateway v2 events (the local stack's DynamoDB and
// S3 behind them). Bodies and queries are generated from each route's zod spec
// (shared/api/*), then bent: wrong types, edge numbers, huge and deeply nested
// values, prototype-polluting keys, raw junk. Invariants, for every request:
// never a 5xx, every 4xx is application/problem+json, a refused request wrote
// nothing (fuzz-invoke.ts records every successful DynamoDB/S3 write), and
// Object.prototype is never polluted. `FULL=1` (npm run test:full) runs
// ≥ 10,000 cases; the default run a few hundred.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Route, routes } from '#infra/routes';
import { contract } from '#shared/api/index';
import { amountPaid, type Order } from '#shared/domain/order';
import type { Refund } from '#shared/domain/refund';
import type { RouteSpec } from '#shared/http/route-spec';
import { customer } from '../support/api.ts';
import { buildWorld, paramPool, type World } from '../support/fuzz-fixtures.ts';
import { type Caller, invoke, violations } from '../support/fuzz-invoke.ts';
import { fuzzBody, fuzzHeaders, fuzzParam, fuzzQuery, POLLUTION_MARK, SECRETS, tame } from '../support/fuzz-mutations.ts';
import type { Hints } from '../support/fuzz-schema.ts';

const FULL = process.env.FULL === '1';
const RUNS = { bodies: FULL ? 6500 : 220, requests: FULL ? 4000 : 160 };
const specOf = (route: Route): RouteSpec => contract[route.id as keyof typeof contract] as RouteSpec;
const paramNames = (route: Route) => [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);

let world: World;
let pool: Record<string, string[]>;
let hints: Hints;
const tally = { cases: 0, byStatus: new Map<number, number>(), violations: [] as string[] };

beforeAll(async () => {
  world = await buildWorld();
  pool = paramPool(world);
  const small = fc.integer({ min: 0, max: 5000 });
  hints = {
    orderId: fc.constantFrom(world.order.id, world.openOrder.id),
    lineItemId: fc.constantFrom(...world.order.lineItems.map((l) => l.id)),
    reasonId: fc.constantFrom('rsn_retdamaged', 'rsn_cxlmistake', world.reasonId),
    attachments: fc.constant(world.attachmentId),
    iban: fc.constantFrom(SECRETS.iban, `${SECRETS.iban}0`),
    accountNumber: fc.constant(SECRETS.account),
    sku: fc.constant(world.sku),
    currency: fc.constant('USD'),
    quantity: fc.integer({ min: 1, max: 3 }),
    ...Object.fromEntries(['amount', 'unitPrice', 'restockFee', 'refundedShipping', 'goodQuantity', 'discount', 'tax'].map((k) => [k, small])),
  };
});

/** An admitted caller most of the time (the world's owner for customer routes), else a stranger or nobody. */
const callerFor = (route: Route): fc.Arbitrary<Caller> => {
  const admitted: Caller[] = route.roles.map((role) =>
    role === 'public' ? { role: 'public' } : role === 'customer' ? { role, sub: world.owner.sub } : { role, sub: `${role}-fuzz` },
  );
  const others: Caller[] = [{ role: 'public' }, { role: 'customer', sub: customer().sub }, { role: 'storefront', sub: 'storefront-fuzz' }];
  return fc.oneof({ arbitrary: fc.constantFrom(...admitted), weight: 6 }, { arbitrary: fc.constantFrom(...others), weight: 1 });
};

const paramsFor = (route: Route) => fc.record(Object.fromEntries(paramNames(route).map((name) => [name, fuzzParam(pool[name] ?? [])])));

const check = async (
  route: Route,
  caller: Caller,
  pathParameters: Record<string, string>,
  query: string,
  rawHeaders: Record<string, string>,
  rawBody: string | undefined,
) => {
  const { headers, body } = tame(route.id, rawHeaders, rawBody);
  const reply = await invoke({ route, caller, pathParameters, query, headers, body });
  tally.cases++;
  tally.byStatus.set(reply.status, (tally.byStatus.get(reply.status) ?? 0) + 1);
  const found = violations(reply);
  if ((Object.prototype as Record<string, unknown>)[POLLUTION_MARK] !== undefined) found.push('Object.prototype polluted');
  if (found.length > 0) {
    const what = `${route.id} as ${caller.role} ${JSON.stringify(pathParameters)} ?${query.slice(0, 200)} body=${(body ?? '').slice(0, 300)}: ${found.join('; ')}`;
    tally.violations.push(what);
    return what;
  }
  return undefined;
};

describe('fuzzing every route in-process', () => {
  afterAll(() => {
    const statuses = Object.fromEntries([...tally.byStatus].sort(([a], [b]) => a - b));
    console.log(`fuzz-handlers: ${tally.cases} cases, statuses ${JSON.stringify(statuses)}, violations ${tally.violations.length}`);
  });

  it('survives hostile bodies on every route that takes one', { timeout: FULL ? 900_000 : 60_000 }, async () => {
    const withBody = (routes as readonly Route[]).filter((r) => specOf(r).body);
    expect(withBody.length).toBeGreaterThan(10);
    const request = fc.constantFrom(...withBody).chain((route) =>
      fc.record({
        route: fc.constant(route),
        caller: callerFor(route),
        params: paramsFor(route),
        headers: fuzzHeaders,
        body: fuzzBody(specOf(route).body as NonNullable<RouteSpec['body']>, hints),
      }),
    );
    await fc.assert(
      fc.asyncProperty(request, async ({ route, caller, params, headers, body }) => {
        expect(await check(route, caller, params, '', headers, body.text)).toBeUndefined();
      }),
      { numRuns: RUNS.bodies, endOnFailure: true },
    );
  });

  it('survives hostile path parameters, query strings and headers on every route', { timeout: FULL ? 900_000 : 60_000 }, async () => {
    const request = fc.constantFrom(...(routes as readonly Route[])).chain((route) =>
      fc.record({
        route: fc.constant(route),
        caller: callerFor(route),
        params: paramsFor(route),
        query: fuzzQuery(specOf(route).query, { fields: specOf(route).fields === true }),
        headers: fuzzHeaders,
        body: specOf(route).body ? fuzzBody(specOf(route).body as NonNullable<RouteSpec['body']>, hints) : fc.constant({ text: undefined }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(request, async ({ route, caller, params, query, headers, body }) => {
        expect(await check(route, caller, params, query, headers, body.text)).toBeUndefined();
      }),
      { numRuns: RUNS.requests, endOnFailure: true },
    );
  });

  it('leaves the fuzzed orders without an overdraw: refunds within what was paid, units within what was bought, stock ≥ 0', async () => {
    const admin: Caller = { role: 'admin', sub: 'admin-fuzz' };
    const get = async <T>(id: string, pathParameters: Record<string, string>, query = '') =>
      JSON.parse((await invoke({ route: (routes as readonly Route[]).find((r) => r.id === id) as Route, caller: admin, pathParameters, query })).text) as T;
    for (const { id } of [world.order, world.openOrder]) {
      const order = await get<Order>('orders.adminGet', { orderId: id });
      const refunds = await get<{ items: Refund[] }>('refunds.list', { orderId: id }, 'limit=100');
      const committed = refunds.items.flatMap((r) => r.transactions).filter((t) => t.status !== 'failure');
      expect(
        committed.reduce((sum, t) => sum + t.amount, 0),
        id,
      ).toBeLessThanOrEqual(amountPaid(order));
      expect(order.totals.refunded, id).toBeLessThanOrEqual(amountPaid(order));
      for (const line of order.lineItems) {
        expect(line.refundedQuantity, line.id).toBeLessThanOrEqual(line.quantity);
        expect(line.returnedQuantity, line.id).toBeLessThanOrEqual(line.quantity);
      }
    }
    expect((await get<{ quantity: number }>('settings.getStock', { sku: world.sku })).quantity).toBeGreaterThanOrEqual(0);
  });
});
