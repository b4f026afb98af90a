// The exchanges area's routes: the variants a storefront declares (what an item
// can be exchanged to), and the exchanges customers ask for and admins run.
import type { AreaRoute } from '#shared/http/route';

export const exchangesRoutes = [
  { id: 'exchanges.putVariant', method: 'PUT', path: '/variants/{sku}', fn: 'exchanges', roles: ['storefront', 'admin'] },
  { id: 'exchanges.listVariants', method: 'GET', path: '/variants', fn: 'exchanges', roles: ['customer', 'admin', 'storefront'] },
  // An admin may calculate too: the back office shows the difference before creating one on a customer's behalf.
  { id: 'exchanges.calculate', method: 'POST', path: '/exchanges/calculate', fn: 'exchanges', roles: ['customer', 'admin'] },
  { id: 'exchanges.create', method: 'POST', path: '/exchanges', fn: 'exchanges', roles: ['customer'] },
  { id: 'exchanges.adminCreate', method: 'POST', path: '/admin/orders/{orderId}/exchanges', fn: 'exchanges', roles: ['admin'] },
  { id: 'exchanges.list', method: 'GET', path: '/exchanges', fn: 'exchanges', roles: ['customer'] },
  { id: 'exchanges.get', method: 'GET', path: '/exchanges/{id}', fn: 'exchanges', roles: ['customer'] },
  { id: 'exchanges.adminList', method: 'GET', path: '/admin/exchanges', fn: 'exchanges', roles: ['admin'] },
  { id: 'exchanges.adminGet', method: 'GET', path: '/admin/exchanges/{id}', fn: 'exchanges', roles: ['admin'] },
] as const satisfies readonly AreaRoute<'exchanges'>[];
