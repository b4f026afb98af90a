// The notes area's routes: order notes, the admin's and those a customer may read.
import type { AreaRoute } from '#shared/http/route';

export const notesRoutes = [
  { id: 'notes.create', method: 'POST', path: '/admin/orders/{orderId}/notes', fn: 'notes', roles: ['admin'] },
  { id: 'notes.adminList', method: 'GET', path: '/admin/orders/{orderId}/notes', fn: 'notes', roles: ['admin'] },
  { id: 'notes.list', method: 'GET', path: '/orders/{orderId}/notes', fn: 'notes', roles: ['customer'] },
] as const satisfies readonly AreaRoute<'notes'>[];
