// Public routes: liveness, the generated OpenAPI document and the event catalogue's JSON Schema.
import { routes } from '#infra/routes';
import { contract } from '#shared/api/index';
import { metaApi } from '#shared/api/meta';
import { buildOpenApi } from '#shared/api/openapi';
import { eventJsonSchema } from '#shared/domain/events/catalogue';
import { httpHandler } from '#shared/http/handler';

let document: Record<string, unknown> | undefined;
let eventSchema: Record<string, unknown> | undefined;

export const handler = httpHandler('meta', metaApi, {
  'meta.health': async () => ({ status: 'ok' as const }),
  // Built on first use and kept for the container's life: it never changes at run time.
  'meta.openapi': async () => {
    document ??= buildOpenApi(routes, contract);
    return document;
  },
  'meta.eventSchema': async () => {
    eventSchema ??= eventJsonSchema();
    return eventSchema;
  },
});
