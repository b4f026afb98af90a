// Every route of the route table × every kind of caller gets its documented
// answer: 401 for no or bad tokens, 403 for the wrong role, and never a 401/403
// (nor a 5xx) for a caller the route admits. Generated from infra/routes.ts, so
// a new route is covered the moment it is declared.
import { describe, expect, it } from 'vitest';
import { ROLES, routes } from '#infra/routes';
import { badTokens, signToken, type TokenRole } from '#infra/local/jwt';
import { apiUrl } from '../support/api.ts';

/** Well-formed ids of resources that do not exist. */
const SAMPLE_PARAMS: Record<string, string> = {
  orderId: 'ord_01JAAAAAAAAAAAAAAAAAAAAAAA',
  returnId: 'ret_01JAAAAAAAAAAAAAAAAAAAAAAA',
  refundId: 'rfd_01JAAAAAAAAAAAAAAAAAAAAAAA',
  txnId: 'txn_01JAAAAAAAAAAAAAAAAAAAAAAA',
  id: 'att_01JAAAAAAAAAAAAAAAAAAAAAAA',
  lineItemId: 'li_01JAAAAAAAAAAAAAAAAAAAAAAA',
  sku: 'NO-SUCH-SKU',
};

const pathOf = (path: string): string => path.replace(/\{(\w+)\}/g, (_m, name: string) => SAMPLE_PARAMS[name] ?? `x_${name}`);

const send = async (method: string, path: string, token: string | undefined) => {
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

describe('authorization matrix', () => {
  it('gives every route at least one known role', () => {
    for (const route of routes) {
      expect(route.roles.length, route.id).toBeGreaterThan(0);
      for (const role of route.roles) expect(ROLES).toContain(role);
    }
  });

  const protectedRoutes = routes.filter((r) => !(r.roles as readonly string[]).includes('public'));

  it.each(Object.entries(BAD_TOKENS))('refuses %s with 401 on every protected route', async (_name, make) => {
    const token = await make();
    for (const route of protectedRoutes) {
      expect(await send(route.method, route.path, token), `${route.id}`).toBe(401);
    }
  });

  it.each(CALLERS)('answers a %s token with 403 exactly where the role is not admitted', async (role) => {
    const token = await signToken({ role });
    for (const route of routes) {
      const status = await send(route.method, route.path, token);
      const admitted = (route.roles as readonly string[]).some((r) => r === role || r === 'public');
      if (admitted) {
        expect([401, 403], `${route.id} as ${role} → ${status}`).not.toContain(status);
        expect(status, `${route.id} as ${role}`).toBeLessThan(500);
      } else {
        expect(status, `${route.id} as ${role}`).toBe(403);
      }
    }
  });
});
