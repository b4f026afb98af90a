// The returns area's routes: a customer's returns and the admin's run of them through their statuses.
import type { AreaRoute } from '#shared/http/route';

export const returnsRoutes = [
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
] as const satisfies readonly AreaRoute<'returns'>[];
