// Routes of the webhooks area: endpoints and their deliveries.
import * as z from 'zod/mini';
import { lazy } from '#shared/domain/pure';
import { Id, Page, PageQuery } from '#shared/domain/schema-kit';
import { CreateWebhookBody, UpdateWebhookBody, WebhookDelivery, WebhookEndpoint, WebhookEndpointWithSecret } from '#shared/domain/webhook';
import type { SpecsOf } from '#shared/http/route-spec';

export const WebhookParams = /* @__PURE__ */ lazy(() => z.object({ id: Id('whk') }));
const DeliveryParams = /* @__PURE__ */ lazy(() => z.extend(WebhookParams, { deliveryId: Id('dlv') }));

export const webhooksApi = /* @__PURE__ */ lazy(
  () =>
    ({
      'webhooks.list': { summary: 'Webhook endpoints, newest first', query: PageQuery, response: Page(WebhookEndpoint) },
      'webhooks.create': {
        summary: 'Register an endpoint; its signing secret is answered this once',
        body: CreateWebhookBody,
        response: WebhookEndpointWithSecret,
        status: 201,
        idempotent: true,
      },
      'webhooks.get': { summary: 'One endpoint (never its secret)', params: WebhookParams, response: WebhookEndpoint, fields: true },
      'webhooks.update': {
        summary: 'Change url, events, enabled or description',
        params: WebhookParams,
        body: UpdateWebhookBody,
        response: WebhookEndpoint,
        ifMatch: true,
      },
      'webhooks.delete': { summary: 'Remove an endpoint (its pending deliveries end failed)', params: WebhookParams, status: 204 },
      'webhooks.rotateSecret': {
        summary: 'Replace the signing secret; the new one is answered this once',
        params: WebhookParams,
        response: WebhookEndpointWithSecret,
      },
      'webhooks.ping': {
        summary: 'Send a `webhook.ping` test event (a delivery like any other)',
        params: WebhookParams,
        response: WebhookDelivery,
        status: 201,
        idempotent: true,
      },
      'webhooks.deliveries': {
        summary: 'Deliveries to this endpoint, newest first, each with its attempts (status code, duration, error, next retry)',
        params: WebhookParams,
        query: PageQuery,
        response: Page(WebhookDelivery),
      },
      'webhooks.retry': {
        summary: 'Replay a delivery that succeeded or failed, as a new round of attempts',
        params: DeliveryParams,
        response: WebhookDelivery,
      },
    }) as const satisfies SpecsOf<'webhooks'>,
);
