// Every HTTP route, declared once. The CDK stack builds an API Gateway route and
// Lambda integration from each entry; the local API server dispatches to the same
// handler; the OpenAPI document and the authorization-matrix test read it too.

export const ROLES = ['public', 'customer', 'admin', 'storefront'] as const;
export type Role = (typeof ROLES)[number];

/** One Lambda per resource area; `functions/http/<fn>.ts` exports `handler`. */
export const HTTP_FUNCTIONS = ['meta', 'orders', 'documents', 'notes', 'cancellations', 'settings', 'refunds', 'returns', 'attachments'] as const;
export type HttpFunction = (typeof HTTP_FUNCTIONS)[number];

export type Method = 'GET' | 'POST' | 'PUT';

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

export const routes = [
  { id: 'meta.health', method: 'GET', path: '/health', fn: 'meta', roles: ['public'] },
  { id: 'meta.openapi', method: 'GET', path: '/openapi.json', fn: 'meta', roles: ['public'] },

  { id: 'orders.create', method: 'POST', path: '/orders', fn: 'orders', roles: ['storefront'] },
  { id: 'orders.list', method: 'GET', path: '/orders', fn: 'orders', roles: ['customer'] },
  { id: 'orders.get', method: 'GET', path: '/orders/{orderId}', fn: 'orders', roles: ['customer'] },
  { id: 'orders.tracking', method: 'GET', path: '/orders/{orderId}/tracking', fn: 'orders', roles: ['customer'] },
  { id: 'orders.storefrontStatus', method: 'POST', path: '/orders/{orderId}/status', fn: 'orders', roles: ['storefront'] },
  { id: 'orders.adminList', method: 'GET', path: '/admin/orders', fn: 'orders', roles: ['admin'] },
  { id: 'orders.adminGet', method: 'GET', path: '/admin/orders/{orderId}', fn: 'orders', roles: ['admin'] },
  { id: 'orders.adminStatus', method: 'POST', path: '/admin/orders/{orderId}/status', fn: 'orders', roles: ['admin'] },
  { id: 'orders.adminPayment', method: 'POST', path: '/admin/orders/{orderId}/payment', fn: 'orders', roles: ['admin'] },
  // documents routes
  // notes routes
  // cancellations routes
  // settings routes
  // refunds routes
  // returns routes
  // attachments routes
] as const satisfies readonly Route[];

export type RouteId = (typeof routes)[number]['id'];
export type RouteOf<F extends HttpFunction> = Extract<(typeof routes)[number], { fn: F }>;
export type RouteIdOf<F extends HttpFunction> = RouteOf<F>['id'];

/** `GET /orders/{orderId}`: the key API Gateway puts in `event.routeKey`. */
export const routeKey = (route: Pick<Route, 'method' | 'path'>): string => `${route.method} ${route.path}`;
