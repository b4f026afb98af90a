// Who is calling, read from the claims the API Gateway JWT authorizer verified.
import type { Caller } from '#shared/domain/caller';
import type { Role } from './route.ts';

export type Principal =
  | { readonly role: 'customer'; readonly sub: string; readonly email: string | null }
  | { readonly role: 'admin'; readonly sub: string; readonly email: string | null }
  | { readonly role: 'storefront'; readonly sub: string }
  | { readonly role: 'public' };

type Claims = Readonly<Record<string, string | number | boolean | string[] | undefined>>;

/** API Gateway flattens array claims into `"[a b]"`; accept that, JSON arrays and plain strings. */
const claimList = (value: Claims[string]): string[] => {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string') return [];
  const trimmed = value.trim();
  if (trimmed.startsWith('[') && trimmed.endsWith(']')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed)) return parsed.map(String);
    } catch {
      // Not JSON: API Gateway's "[a b]" form.
    }
    return trimmed
      .slice(1, -1)
      .split(/[\s,]+/)
      .filter(Boolean);
  }
  return trimmed.split(/\s+/).filter(Boolean);
};

export const STOREFRONT_SCOPE = 'orders/write';

export const principalFromClaims = (claims: Claims | undefined, scopes: readonly string[] | null | undefined): Principal => {
  if (!claims || typeof claims.sub !== 'string' || claims.sub === '') return { role: 'public' };
  const sub = claims.sub;
  const email = typeof claims.email === 'string' ? claims.email : null;
  if (claimList(claims['cognito:groups']).includes('admin')) return { role: 'admin', sub, email };
  const granted = [...(scopes ?? []), ...claimList(claims.scope)];
  if (granted.includes(STOREFRONT_SCOPE)) return { role: 'storefront', sub };
  return { role: 'customer', sub, email };
};

export const hasRole = (principal: Principal, roles: readonly Role[]): boolean => roles.includes('public') || roles.includes(principal.role);

/** A short label for timelines and histories: `admin:<sub>`. */
export const actorOf = (principal: Principal): string => (principal.role === 'public' ? 'public' : `${principal.role}:${principal.sub}`);

/** The caller a use case sees: an admin, or a customer by id (any other role owns nothing, so it matches no owner). */
export const callerOf = (principal: Principal): Caller =>
  principal.role === 'admin' ? { role: 'admin' } : { role: 'customer', customerId: principal.role === 'customer' ? principal.sub : '' };
