// Every HTTP route, declared once. The CDK stack builds an API Gateway route and
// Lambda integration from each entry; the local API server dispatches to the same
// handler; the OpenAPI document and the authorization-matrix test read it too.

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

export const routes = [
  { id: 'meta.health', method: 'GET', path: '/health', fn: 'meta', roles: ['public'] },
  { id: 'meta.openapi', method: 'GET', path: '/openapi.json', fn: 'meta', roles: ['public'] },
  { id: 'meta.eventSchema', method: 'GET', path: '/events/schema.json', fn: 'meta', roles: ['public'] },

  { id: 'orders.create', method: 'POST', path: '/orders', fn: 'orders', roles: ['storefront'] },
  { id: 'orders.list', method: 'GET', path: '/orders', fn: 'orders', roles: ['customer'] },
  { id: 'orders.get', method: 'GET', path: '/orders/{orderId}', fn: 'orders', roles: ['customer'] },
  { id: 'orders.tracking', method: 'GET', path: '/orders/{orderId}/tracking', fn: 'orders', roles: ['customer'] },
  { id: 'orders.storefrontStatus', method: 'POST', path: '/orders/{orderId}/status', fn: 'orders', roles: ['storefront'] },
  { id: 'orders.adminList', method: 'GET', path: '/admin/orders', fn: 'orders', roles: ['admin'] },
  { id: 'orders.adminGet', method: 'GET', path: '/admin/orders/{orderId}', fn: 'orders', roles: ['admin'] },
  { id: 'orders.adminStatus', method: 'POST', path: '/admin/orders/{orderId}/status', fn: 'orders', roles: ['admin'] },
  { id: 'orders.adminPayment', method: 'POST', path: '/admin/orders/{orderId}/payment', fn: 'orders', roles: ['admin'] },
  { id: 'orders.summary', method: 'GET', path: '/admin/summary', fn: 'orders', roles: ['admin'] },
  // documents routes
  { id: 'documents.invoice', method: 'GET', path: '/orders/{orderId}/invoice.pdf', fn: 'documents', roles: ['customer', 'admin'] },
  { id: 'documents.receipt', method: 'GET', path: '/orders/{orderId}/receipt.pdf', fn: 'documents', roles: ['customer', 'admin'] },
  // notes routes
  { id: 'notes.create', method: 'POST', path: '/admin/orders/{orderId}/notes', fn: 'notes', roles: ['admin'] },
  { id: 'notes.adminList', method: 'GET', path: '/admin/orders/{orderId}/notes', fn: 'notes', roles: ['admin'] },
  { id: 'notes.list', method: 'GET', path: '/orders/{orderId}/notes', fn: 'notes', roles: ['customer'] },
  // cancellations routes
  { id: 'cancellations.create', method: 'POST', path: '/orders/{orderId}/cancellation', fn: 'cancellations', roles: ['customer'] },
  { id: 'cancellations.adminList', method: 'GET', path: '/admin/cancellations', fn: 'cancellations', roles: ['admin'] },
  { id: 'cancellations.approve', method: 'POST', path: '/admin/cancellations/{id}/approve', fn: 'cancellations', roles: ['admin'] },
  { id: 'cancellations.reject', method: 'POST', path: '/admin/cancellations/{id}/reject', fn: 'cancellations', roles: ['admin'] },
  { id: 'cancellations.adminCancel', method: 'POST', path: '/admin/orders/{orderId}/cancel', fn: 'cancellations', roles: ['admin'] },
  { id: 'cancellations.list', method: 'GET', path: '/cancellations', fn: 'cancellations', roles: ['customer'] },
  { id: 'cancellations.get', method: 'GET', path: '/cancellations/{cancellationId}', fn: 'cancellations', roles: ['customer'] },
  { id: 'cancellations.adminGet', method: 'GET', path: '/admin/cancellations/{id}', fn: 'cancellations', roles: ['admin'] },
  { id: 'cancellations.orderList', method: 'GET', path: '/admin/orders/{orderId}/cancellations', fn: 'cancellations', roles: ['admin'] },
  // settings routes
  { id: 'settings.reasons', method: 'GET', path: '/reasons', fn: 'settings', roles: ['customer', 'admin'] },
  { id: 'settings.adminReasons', method: 'GET', path: '/admin/reasons', fn: 'settings', roles: ['admin'] },
  { id: 'settings.createReason', method: 'POST', path: '/admin/reasons', fn: 'settings', roles: ['admin'] },
  { id: 'settings.updateReason', method: 'PUT', path: '/admin/reasons/{id}', fn: 'settings', roles: ['admin'] },
  { id: 'settings.get', method: 'GET', path: '/admin/settings', fn: 'settings', roles: ['admin'] },
  { id: 'settings.update', method: 'PUT', path: '/admin/settings', fn: 'settings', roles: ['admin'] },
  { id: 'settings.getStock', method: 'GET', path: '/admin/stock/{sku}', fn: 'settings', roles: ['admin'] },
  { id: 'settings.setStock', method: 'PUT', path: '/admin/stock/{sku}', fn: 'settings', roles: ['admin'] },
  { id: 'settings.returnPolicy', method: 'GET', path: '/return-policy', fn: 'settings', roles: ['public'] },
  { id: 'settings.getReason', method: 'GET', path: '/admin/reasons/{id}', fn: 'settings', roles: ['admin'] },
  // refunds routes
  { id: 'refunds.list', method: 'GET', path: '/admin/orders/{orderId}/refunds', fn: 'refunds', roles: ['admin'] },
  { id: 'refunds.get', method: 'GET', path: '/admin/orders/{orderId}/refunds/{refundId}', fn: 'refunds', roles: ['admin'] },
  { id: 'refunds.calculate', method: 'POST', path: '/admin/orders/{orderId}/refunds/calculate', fn: 'refunds', roles: ['admin'] },
  { id: 'refunds.create', method: 'POST', path: '/admin/orders/{orderId}/refunds', fn: 'refunds', roles: ['admin'] },
  { id: 'refunds.settleTransaction', method: 'POST', path: '/admin/refunds/{refundId}/transactions/{txnId}', fn: 'refunds', roles: ['admin'] },
  { id: 'refunds.transactions', method: 'GET', path: '/admin/refund-transactions', fn: 'refunds', roles: ['admin'] },
  { id: 'refunds.retryTransaction', method: 'POST', path: '/admin/refunds/{refundId}/transactions', fn: 'refunds', roles: ['admin'] },
  // returns routes
  { id: 'returns.returnableItems', method: 'GET', path: '/orders/{orderId}/returnable-items', fn: 'returns', roles: ['customer'] },
  { id: 'returns.create', method: 'POST', path: '/returns', fn: 'returns', roles: ['customer'] },
  { id: 'returns.list', method: 'GET', path: '/returns', fn: 'returns', roles: ['customer'] },
  { id: 'returns.get', method: 'GET', path: '/returns/{returnId}', fn: 'returns', roles: ['customer'] },
  { id: 'returns.cancel', method: 'POST', path: '/returns/{returnId}/cancel', fn: 'returns', roles: ['customer'] },
  { id: 'returns.comment', method: 'POST', path: '/returns/{returnId}/comments', fn: 'returns', roles: ['customer'] },
  { id: 'returns.adminList', method: 'GET', path: '/admin/returns', fn: 'returns', roles: ['admin'] },
  { id: 'returns.adminGet', method: 'GET', path: '/admin/returns/{returnId}', fn: 'returns', roles: ['admin'] },
  { id: 'returns.nextStatuses', method: 'GET', path: '/admin/returns/{returnId}/next-statuses', fn: 'returns', roles: ['admin'] },
  { id: 'returns.adminStatus', method: 'POST', path: '/admin/returns/{returnId}/status', fn: 'returns', roles: ['admin'] },
  { id: 'returns.verifyItem', method: 'POST', path: '/admin/returns/{returnId}/items/{lineItemId}/verification', fn: 'returns', roles: ['admin'] },
  { id: 'returns.verifyPackage', method: 'POST', path: '/admin/returns/{returnId}/verify-package', fn: 'returns', roles: ['admin'] },
  { id: 'returns.adminComment', method: 'POST', path: '/admin/returns/{returnId}/comments', fn: 'returns', roles: ['admin'] },
  { id: 'returns.orderList', method: 'GET', path: '/admin/orders/{orderId}/returns', fn: 'returns', roles: ['admin'] },
  // attachments routes
  { id: 'attachments.create', method: 'POST', path: '/attachments', fn: 'attachments', roles: ['customer'] },
  { id: 'attachments.get', method: 'GET', path: '/attachments/{id}', fn: 'attachments', roles: ['customer', 'admin'] },
  // webhooks routes
  { id: 'webhooks.list', method: 'GET', path: '/admin/webhooks', fn: 'webhooks', roles: ['admin'] },
  { id: 'webhooks.create', method: 'POST', path: '/admin/webhooks', fn: 'webhooks', roles: ['admin'] },
  { id: 'webhooks.get', method: 'GET', path: '/admin/webhooks/{id}', fn: 'webhooks', roles: ['admin'] },
  { id: 'webhooks.update', method: 'PUT', path: '/admin/webhooks/{id}', fn: 'webhooks', roles: ['admin'] },
  { id: 'webhooks.delete', method: 'DELETE', path: '/admin/webhooks/{id}', fn: 'webhooks', roles: ['admin'] },
  { id: 'webhooks.rotateSecret', method: 'POST', path: '/admin/webhooks/{id}/rotate-secret', fn: 'webhooks', roles: ['admin'] },
  { id: 'webhooks.ping', method: 'POST', path: '/admin/webhooks/{id}/ping', fn: 'webhooks', roles: ['admin'] },
  { id: 'webhooks.deliveries', method: 'GET', path: '/admin/webhooks/{id}/deliveries', fn: 'webhooks', roles: ['admin'] },
  { id: 'webhooks.retry', method: 'POST', path: '/admin/webhooks/{id}/deliveries/{deliveryId}/retry', fn: 'webhooks', roles: ['admin'] },
  // payments routes
  { id: 'payments.webhook', method: 'POST', path: '/payments/webhooks/{provider}', fn: 'payments', roles: ['public'] },
] as const satisfies readonly Route[];

export type RouteId = (typeof routes)[number]['id'];
export type RouteOf<F extends HttpFunction> = Extract<(typeof routes)[number], { fn: F }>;
export type RouteIdOf<F extends HttpFunction> = RouteOf<F>['id'];

/** `GET /orders/{orderId}`: the key API Gateway puts in `event.routeKey`. */
export const routeKey = (route: Pick<Route, 'method' | 'path'>): string => `${route.method} ${route.path}`;
