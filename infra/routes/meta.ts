// The meta area's routes: liveness and the two published documents.
import type { AreaRoute } from '#shared/http/route';

export const metaRoutes = [
  { id: 'meta.health', method: 'GET', path: '/health', fn: 'meta', roles: ['public'] },
  { id: 'meta.openapi', method: 'GET', path: '/openapi.json', fn: 'meta', roles: ['public'] },
  { id: 'meta.eventSchema', method: 'GET', path: '/events/schema.json', fn: 'meta', roles: ['public'] },
] as const satisfies readonly AreaRoute<'meta'>[];
