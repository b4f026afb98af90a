// What a route is, without any route: each area's table (infra/routes/<area>.ts),
// the HTTP engine and the API contract import this alone, so a Lambda's bundle
// holds its own area's routes and no other's (infra/routes.ts joins every area
// for the rest), and nothing under shared/ depends on infra/.

export const ROLES = ['public', 'customer', 'admin', 'storefront'] as const;
export type Role = (typeof ROLES)[number];

/** One Lambda per resource area; `functions/http/<fn>.ts` exports `handler`. */
export const HTTP_FUNCTIONS = [
  'meta',
  'orders',
  'documents',
  'notes',
  'cancellations',
  'settings',
  'refunds',
  'returns',
  'attachments',
  'webhooks',
  'payments',
  'exchanges',
  'credit',
] as const;
export type HttpFunction = (typeof HTTP_FUNCTIONS)[number];

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface Route {
  /** `area.verb`, reused as construct id and metric name. */
  readonly id: string;
  readonly method: Method;
  /** API Gateway syntax: `/orders/{orderId}`. */
  readonly path: string;
  readonly fn: HttpFunction;
  /** Who may call it; `public` means no token at all. */
  readonly roles: readonly Role[];
}

/** A route of area `F`: its id is `F.<verb>` and `functions/http/<F>.ts` answers it. */
export interface AreaRoute<F extends HttpFunction> extends Route {
  readonly id: `${F}.${string}`;
  readonly fn: F;
}

/** `GET /orders/{orderId}`: the key API Gateway puts in `event.routeKey`. */
export const routeKey = (route: Pick<Route, 'method' | 'path'>): string => `${route.method} ${route.path}`;
