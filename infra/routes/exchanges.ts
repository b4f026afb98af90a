// The exchanges area's routes: the variants a storefront declares (what an item can be exchanged to).
import type { AreaRoute } from '#shared/http/route';

export const exchangesRoutes = [
  { id: 'exchanges.putVariant', method: 'PUT', path: '/variants/{sku}', fn: 'exchanges', roles: ['storefront', 'admin'] },
  { id: 'exchanges.listVariants', method: 'GET', path: '/variants', fn: 'exchanges', roles: ['customer', 'admin', 'storefront'] },
] as const satisfies readonly AreaRoute<'exchanges'>[];
