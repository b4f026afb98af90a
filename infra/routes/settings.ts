// The settings area's routes: reasons, settings, stock and the public return policy.
import type { AreaRoute } from '#shared/http/route';

export const settingsRoutes = [
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
] as const satisfies readonly AreaRoute<'settings'>[];
