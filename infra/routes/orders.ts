// The orders area's routes: creation (storefront), my orders and tracking (customer), the admin list, status and payment, the queue counts.
import type { AreaRoute } from '#shared/http/route';

export const ordersRoutes = [
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
] as const satisfies readonly AreaRoute<'orders'>[];
