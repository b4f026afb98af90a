// DynamoDB unreachable: this file's handlers talk to a port nobody listens on
// (set before any handler module is imported; vitest runs each file in its own
// process). Every route that needs the table answers a clean 503 problem with
// Retry-After, never a 500, and its log line carries the request's correlation
// id and no account data, even with POWERTOOLS_LOGGER_LOG_EVENT=true, which
// would otherwise log every event, bodies (IBANs, account numbers) included.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort } from '#infra/local/ports';
import { type Route, routes } from '#infra/routes';
import { contract } from '#shared/api/index';
import type { RouteSpec } from '#shared/http/route-spec';
import { SECRETS } from '../support/fuzz-mutations.ts';
import { validSamples } from '../support/fuzz-schema.ts';

const dead = `http://127.0.0.1:${await freePort()}`;
process.env.AWS_ENDPOINT_URL_DYNAMODB = dead;
process.env.POWERTOOLS_LOGGER_LOG_EVENT = 'true';
const { invoke } = await import('../support/fuzz-invoke.ts');

const specOf = (route: Route): RouteSpec => contract[route.id as keyof typeof contract] as RouteSpec;
const callerOf = (route: Route) => {
  const role = route.roles[0] ?? 'public';
  return role === 'public' ? ({ role } as const) : ({ role, sub: `${role}-faults` } as const);
};
/** Account data in the bodies that can carry it, so the log check below has something to find. */
const ACCOUNT_DATA: Record<string, Record<string, unknown>> = {
  'returns.create': { refundMethod: 'bank_transfer', iban: SECRETS.iban, accountHolder: 'Ada Lovelace' },
  'cancellations.create': { refundAccount: { accountName: 'Ada Lovelace', accountNumber: SECRETS.account, bankName: 'Bank' } },
};
/** A webhook URL the local stack's SSRF check lets through (a sample's host would not resolve), so the request goes on to the table. */
// An order without `payments`: a sample's random payments (a store-credit one without its debit) are refused before any read.
const REACHABLE: Record<string, Record<string, unknown>> = {
  'webhooks.create': { url: 'http://127.0.0.1:4000/hook' },
  'orders.create': { payments: undefined },
};
const withAccountData = (route: Route, body: unknown): unknown => ({ ...(body as object), ...ACCOUNT_DATA[route.id], ...REACHABLE[route.id] });
const queryOf = (value: unknown) =>
  new URLSearchParams(
    Object.entries((value ?? {}) as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]): [string, string] => [k, String(v)]),
  ).toString();

const lines: string[] = [];
beforeAll(() => {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    vi.spyOn(stream, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: never[]) => {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      return write(chunk, ...rest);
    }) as typeof stream.write);
  }
});
afterAll(() => vi.restoreAllMocks());

describe('DynamoDB unreachable', () => {
  // The payment webhook reads the table only once a provider's signature verifies (no keys here: a 404);
  // stripe-refunds.test.ts drives it with signed events.
  const tableRoutes = (routes as readonly Route[]).filter((r) => r.fn !== 'meta' && r.id !== 'payments.webhook');
  const outcomes: { route: string; status: number; requestId?: string }[] = [];

  it('answers 503 + Retry-After on every route that needs the table, and never a 500', { timeout: 240_000 }, async () => {
    for (const route of tableRoutes) {
      const spec = specOf(route);
      const params = spec.params ? validSamples(spec.params, 6) : [];
      const queries = spec.query ? validSamples(spec.query, 6) : [];
      const bodies = spec.body ? validSamples(spec.body, 6).map((b) => withAccountData(route, b)) : [];
      for (const body of bodies) expect(spec.body?.safeParse(body).success, route.id).toBe(true);
      let status = 0;
      for (let i = 0; i < 6 && status !== 503; i++) {
        const reply = await invoke({
          route,
          caller: callerOf(route),
          pathParameters: params[i] as Record<string, string> | undefined,
          query: queryOf(queries[i]),
          body: spec.body ? JSON.stringify(bodies[i]) : undefined,
          headers: { 'content-type': 'application/json' },
        });
        status = reply.status;
        const problem = JSON.parse(reply.text) as { status: number; requestId?: string };
        outcomes.push({ route: route.id, status, ...(problem.requestId ? { requestId: problem.requestId } : {}) });
        expect(status, `${route.id}: ${reply.text.slice(0, 200)}`).not.toBe(500);
        expect(status, route.id).toBeLessThan(504);
        expect(reply.headers['content-type'], route.id).toContain('application/problem+json');
        if (status === 503) {
          expect(Number(reply.headers['retry-after']), route.id).toBeGreaterThanOrEqual(1);
          expect(problem.status).toBe(503);
          expect(reply.writes, route.id).toEqual([]);
        }
      }
      expect(status, `${route.id} never reached the table with 6 valid requests`).toBe(503);
    }
  });

  it('still answers the routes that need no table', async () => {
    for (const route of (routes as readonly Route[]).filter((r) => r.fn === 'meta')) {
      expect((await invoke({ route, caller: { role: 'public' } })).status, route.id).toBe(200);
    }
  });

  it("logs each 503 once with the request's correlation id, and never an IBAN or account number", () => {
    const failures = outcomes.filter((o) => o.status === 503);
    expect(failures.length).toBe(tableRoutes.length);
    const logged = lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { level?: string; message?: string; correlation_id?: string });
    for (const { route, requestId } of failures) {
      expect(
        logged.filter((l) => l.message === 'dependency unavailable' && l.correlation_id === requestId),
        route,
      ).toHaveLength(1);
    }
    const leaked = lines.filter((l) => Object.values(SECRETS).some((secret) => l.includes(secret)));
    expect(leaked.map((l) => l.slice(0, 300))).toEqual([]);
    // The bodies did carry them to a 503 (not a 400): the check above is not vacuous.
    for (const route of Object.keys(ACCOUNT_DATA)) expect(failures.map((f) => f.route)).toContain(route);
  });
});
