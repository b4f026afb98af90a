// The attachments area's routes: photos and files uploaded straight to S3.
import type { AreaRoute } from '#shared/http/route';

export const attachmentsRoutes = [
  { id: 'attachments.create', method: 'POST', path: '/attachments', fn: 'attachments', roles: ['customer'] },
  { id: 'attachments.get', method: 'GET', path: '/attachments/{id}', fn: 'attachments', roles: ['customer', 'admin'] },
] as const satisfies readonly AreaRoute<'attachments'>[];
