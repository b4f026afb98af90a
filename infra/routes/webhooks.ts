// The webhooks area's routes: webhook endpoints and their deliveries.
import type { AreaRoute } from '#shared/http/route';

export const webhooksRoutes = [
  { id: 'webhooks.list', method: 'GET', path: '/admin/webhooks', fn: 'webhooks', roles: ['admin'] },
  { id: 'webhooks.create', method: 'POST', path: '/admin/webhooks', fn: 'webhooks', roles: ['admin'] },
  { id: 'webhooks.get', method: 'GET', path: '/admin/webhooks/{id}', fn: 'webhooks', roles: ['admin'] },
  { id: 'webhooks.update', method: 'PUT', path: '/admin/webhooks/{id}', fn: 'webhooks', roles: ['admin'] },
  { id: 'webhooks.delete', method: 'DELETE', path: '/admin/webhooks/{id}', fn: 'webhooks', roles: ['admin'] },
  { id: 'webhooks.rotateSecret', method: 'POST', path: '/admin/webhooks/{id}/rotate-secret', fn: 'webhooks', roles: ['admin'] },
  { id: 'webhooks.ping', method: 'POST', path: '/admin/webhooks/{id}/ping', fn: 'webhooks', roles: ['admin'] },
  { id: 'webhooks.deliveries', method: 'GET', path: '/admin/webhooks/{id}/deliveries', fn: 'webhooks', roles: ['admin'] },
  { id: 'webhooks.retry', method: 'POST', path: '/admin/webhooks/{id}/deliveries/{deliveryId}/retry', fn: 'webhooks', roles: ['admin'] },
] as const satisfies readonly AreaRoute<'webhooks'>[];
