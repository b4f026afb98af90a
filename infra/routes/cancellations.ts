// The cancellations area's routes: a customer's cancellation request and its admin review.
import type { AreaRoute } from '#shared/http/route';

export const cancellationsRoutes = [
  { id: 'cancellations.create', method: 'POST', path: '/orders/{orderId}/cancellation', fn: 'cancellations', roles: ['customer'] },
  { id: 'cancellations.adminList', method: 'GET', path: '/admin/cancellations', fn: 'cancellations', roles: ['admin'] },
  { id: 'cancellations.approve', method: 'POST', path: '/admin/cancellations/{id}/approve', fn: 'cancellations', roles: ['admin'] },
  { id: 'cancellations.reject', method: 'POST', path: '/admin/cancellations/{id}/reject', fn: 'cancellations', roles: ['admin'] },
  { id: 'cancellations.adminCancel', method: 'POST', path: '/admin/orders/{orderId}/cancel', fn: 'cancellations', roles: ['admin'] },
  { id: 'cancellations.list', method: 'GET', path: '/cancellations', fn: 'cancellations', roles: ['customer'] },
  { id: 'cancellations.get', method: 'GET', path: '/cancellations/{cancellationId}', fn: 'cancellations', roles: ['customer'] },
  { id: 'cancellations.adminGet', method: 'GET', path: '/admin/cancellations/{id}', fn: 'cancellations', roles: ['admin'] },
  { id: 'cancellations.orderList', method: 'GET', path: '/admin/orders/{orderId}/cancellations', fn: 'cancellations', roles: ['admin'] },
] as const satisfies readonly AreaRoute<'cancellations'>[];
