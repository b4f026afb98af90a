// Public routes: liveness and the API's own description.
import { z } from 'zod';
import type { RouteId } from '#infra/routes';
import type { RouteSpec } from '#shared/http/route-spec';

export const metaApi = {
  'meta.health': { summary: 'Liveness', response: z.object({ status: z.literal('ok') }).meta({ id: 'Health' }) },
  'meta.openapi': { summary: 'This OpenAPI document', response: z.record(z.string(), z.unknown()) },
} as const satisfies Partial<Record<RouteId, RouteSpec>>;
