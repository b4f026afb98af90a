// Webhooks area: admins manage the endpoints that receive signed events and
// look at (and replay) their deliveries.
import { webhooksRoutes } from '#infra/routes/webhooks';
import { getEndpointOrThrow, listDeliveries, listEndpoints } from '#shared/adapters/webhooks-repo';
import { webhooksApi } from '#shared/api/webhooks';
import { httpHandler } from '#shared/http/handler';
import { pingWebhook, retryDelivery } from '#shared/use-cases/enqueue-delivery';
import { createWebhook, deleteWebhook, reopenCreation, rotateWebhookSecret, updateWebhook } from '#shared/use-cases/save-webhook';

export const handler = httpHandler(
  webhooksRoutes,
  webhooksApi,
  {
    'webhooks.list': ({ query }) => listEndpoints(query),
    'webhooks.create': ({ body, now, idempotency }) => createWebhook(body, now, idempotency),
    'webhooks.get': ({ params }) => getEndpointOrThrow(params.id),
    'webhooks.update': ({ params, body, ifMatch, now }) => updateWebhook(params.id, body, ifMatch, now),
    'webhooks.delete': ({ params }) => deleteWebhook(params.id),
    'webhooks.rotateSecret': ({ params, now }) => rotateWebhookSecret(params.id, now),
    'webhooks.ping': ({ params, now, idempotency }) => pingWebhook(params.id, now, idempotency),
    // The endpoint check (404) and the page are read in parallel; a 404 discards the page.
    'webhooks.deliveries': async ({ params, query }) => (await Promise.all([getEndpointOrThrow(params.id), listDeliveries(params.id, query)]))[1],
    'webhooks.retry': ({ params, now }) => retryDelivery(params.id, params.deliveryId, now),
  },
  reopenCreation,
);
