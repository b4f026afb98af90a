// The refunds area's routes: refunds of an order, their transactions and the payout queue.
import type { AreaRoute } from '#shared/http/route';

export const refundsRoutes = [
  { id: 'refunds.list', method: 'GET', path: '/admin/orders/{orderId}/refunds', fn: 'refunds', roles: ['admin'] },
  { id: 'refunds.get', method: 'GET', path: '/admin/orders/{orderId}/refunds/{refundId}', fn: 'refunds', roles: ['admin'] },
  { id: 'refunds.calculate', method: 'POST', path: '/admin/orders/{orderId}/refunds/calculate', fn: 'refunds', roles: ['admin'] },
  { id: 'refunds.create', method: 'POST', path: '/admin/orders/{orderId}/refunds', fn: 'refunds', roles: ['admin'] },
  { id: 'refunds.settleTransaction', method: 'POST', path: '/admin/refunds/{refundId}/transactions/{txnId}', fn: 'refunds', roles: ['admin'] },
  { id: 'refunds.transactions', method: 'GET', path: '/admin/refund-transactions', fn: 'refunds', roles: ['admin'] },
  { id: 'refunds.retryTransaction', method: 'POST', path: '/admin/refunds/{refundId}/transactions', fn: 'refunds', roles: ['admin'] },
] as const satisfies readonly AreaRoute<'refunds'>[];
