// The same hostility over real HTTP, through the local API Gateway stand-in
// (route matching, JWT checks, its 10 MB cap, its event encoding) into the
// handlers: every route of infra/routes.ts with forged or stolen tokens, wrong
// methods, mangled paths and query strings, hostile headers and bodies.
// Invariants: never a 5xx, every 4xx is application/problem+json whose status
// matches, and a refused request leaves the fixtures' partitions exactly as
// they were (read straight from the table before and after).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badTokens, signToken } from '#infra/local/jwt';
import { type Route, routes } from '#infra/routes';
import { contract } from '#shared/api/index';
import type { RouteSpec } from '#shared/http/route-spec';
import { apiUrl, customer } from '../support/api.ts';
import { buildWorld, paramPool, type World, worldState } from '../support/fuzz-fixtures.ts';
import { fuzzBody, fuzzHeaders, fuzzParam, fuzzQuery, tame } from '../support/fuzz-mutations.ts';

const FULL = process.env.FULL === '1';
const RUNS = FULL ? 1000 : 60;
const specOf = (route: Route): RouteSpec => contract[route.id as keyof typeof contract] as RouteSpec;
const paramNames = (route: Route) => [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);

let world: World;
let pool: Record<string, string[]>;
let tokens: Record<string, string | undefined>;
const tally = { cases: 0, byStatus: new Map<number, number>() };

beforeAll(async () => {
  world = await buildWorld();
  pool = paramPool(world);
  tokens = {
    none: undefined,
    owner: await signToken({ role: 'customer', sub: world.owner.sub }),
    stranger: await signToken({ role: 'customer', sub: customer().sub }),
    admin: await signToken({ role: 'admin', sub: 'admin-http-fuzz' }),
    storefront: await signToken({ role: 'storefront' }),
    expired: await badTokens.expired('admin'),
    wrongIssuer: await badTokens.wrongIssuer('admin'),
    wrongAudience: await badTokens.wrongAudience('admin'),
    algNone: await badTokens.unsigned('admin'),
    foreignKey: await badTokens.foreignKey('admin'),
    garbage: 'not.a.jwt',
  };
});

/** Header values fetch can carry (Latin-1, no line breaks); anything else is dropped, as a proxy would. */
const sendable = (headers: Record<string, string>) => Object.fromEntries(Object.entries(headers).filter(([, v]) => /^[\x20-\x7e\x80-\xff]*$/.test(v)));

const mangle = (path: string, how: number): string =>
  [path, `${path}/`, `${path}/extra`, path.toUpperCase(), `/${path.slice(1).replace('/', '//')}`, `${path}%zz`, `${path}/..`, `${path};x=1`][how % 8] ?? path;

const request = fc.constantFrom(...(routes as readonly Route[])).chain((route) =>
  fc.record({
    route: fc.constant(route),
    token: fc.constantFrom(
      'none',
      'owner',
      'stranger',
      'admin',
      'admin',
      'storefront',
      'owner',
      'expired',
      'wrongIssuer',
      'wrongAudience',
      'algNone',
      'foreignKey',
      'garbage',
    ),
    params: fc.record(Object.fromEntries(paramNames(route).map((name) => [name, fuzzParam(pool[name] ?? [])]))),
    mangle: fc.oneof({ arbitrary: fc.constant(0), weight: 5 }, { arbitrary: fc.nat(7), weight: 1 }),
    method: fc.oneof({ arbitrary: fc.constant(route.method), weight: 8 }, { arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'), weight: 1 }),
    query: fuzzQuery(specOf(route).query, { fields: specOf(route).fields === true }),
    headers: fuzzHeaders,
    body: specOf(route).body ? fuzzBody(specOf(route).body as NonNullable<RouteSpec['body']>, {}) : fc.constant({ text: '{}' as string | undefined }),
  }),
);

describe('fuzzing the API over HTTP', () => {
  afterAll(() => {
    console.log(`fuzz-http: ${tally.cases} cases, statuses ${JSON.stringify(Object.fromEntries([...tally.byStatus].sort(([a], [b]) => a - b)))}`);
  });

  it('never answers 5xx, always problem+json on 4xx, and a refusal changes nothing', { timeout: FULL ? 900_000 : 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const path = mangle(
          r.route.path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(r.params[name] ?? '')),
          r.mangle,
        );
        const token = tokens[r.token];
        const { headers, body } = tame(r.route.id, r.headers, r.body.text);
        const before = await worldState(world);
        const response = await fetch(`${apiUrl()}${path}${r.query ? `?${r.query}` : ''}`, {
          method: r.method,
          headers: { ...sendable(headers), ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: r.method === 'GET' ? undefined : body,
        });
        const text = await response.text();
        tally.cases++;
        tally.byStatus.set(response.status, (tally.byStatus.get(response.status) ?? 0) + 1);
        const what = `${r.method} ${path}?${r.query.slice(0, 120)} as ${r.token} → ${response.status} ${text.slice(0, 200)}`;
        expect(response.status, what).toBeLessThan(500);
        // 431: Node's HTTP parser (API Gateway likewise) refuses an oversized request line before any code of ours runs.
        if (response.status >= 400 && response.status !== 431) {
          expect(response.headers.get('content-type'), what).toContain('application/problem+json');
          expect((JSON.parse(text) as { status: number }).status, what).toBe(response.status);
          expect(await worldState(world), `${what}: refused but the fixtures changed`).toBe(before);
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  });
});
