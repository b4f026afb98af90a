// Public routes: liveness, the OpenAPI document and the event catalogue's JSON
// Schema. No table: `/health` answers from the process alone, and the two
// documents were generated at build time (shared/api/published.ts).
import { metaRoutes } from '#infra/routes/meta';
import { metaApi } from '#shared/api/meta';
import { publishedEventSchema, publishedOpenApi } from '#shared/api/published';
import { httpEngine } from '#shared/http/engine';

export const handler = httpEngine(metaRoutes, metaApi, {
  'meta.health': async () => ({ status: 'ok' as const }),
  'meta.openapi': async () => publishedOpenApi(),
  'meta.eventSchema': async () => publishedEventSchema(),
});
