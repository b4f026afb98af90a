// Puts an event on its way to one endpoint: a delivery item (its id derived
// from event and endpoint, so enqueuing twice writes one) and one SQS message.
// Also the admin's two ways to send by hand: ping (a test event) and retry (a
// replay of a delivery that succeeded or gave up).
import type { IdempotencyKey } from '#shared/adapters/idempotency';
import { newId, stableId } from '#shared/adapters/ids';
import { enqueueDeliveries } from '#shared/adapters/webhook-queue';
import { getDelivery, getEndpointOrThrow, insertDelivery, publicDelivery, type StoredDelivery, saveDelivery } from '#shared/adapters/webhooks-repo';
import { ConflictError, NotFoundError } from '#shared/domain/errors';
import { PING_EVENT_TYPE } from '#shared/domain/events/catalogue';
import type { WebhookDelivery, WebhookEndpoint } from '#shared/domain/webhook';

/** What a delivery sends: any event of the catalogue, or the ping. */
export interface OutgoingEvent {
  readonly id: string;
  readonly type: string;
  readonly occurredAt: string;
}

/**
 * Enqueues `event` for `endpoint` once; a second call (a retried stream record) enqueues again only if nothing was
 * attempted yet. An Idempotency-Key (a ping) is remembered with the delivery.
 */
export const enqueueDelivery = async (
  endpoint: Pick<WebhookEndpoint, 'id'>,
  event: OutgoingEvent,
  now: string,
  idempotency?: IdempotencyKey,
): Promise<StoredDelivery> => {
  const delivery: StoredDelivery = {
    id: stableId('dlv', event.occurredAt || now, `${event.id}#${endpoint.id}`),
    endpointId: endpoint.id,
    eventId: event.id,
    eventType: event.type,
    status: 'pending',
    attempts: [],
    statusCode: null,
    durationMs: null,
    error: null,
    nextRetryAt: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
    payload: JSON.stringify(event),
    roundAttempts: 0,
  };
  const stored = (await insertDelivery(delivery, idempotency)) ? delivery : await getDelivery(endpoint.id, delivery.id);
  // Written before but never sent (the message was lost with the invocation): send it now. A duplicate message is harmless (deliver-webhook.ts).
  if (stored && stored.status === 'pending' && stored.roundAttempts === 0) await enqueueDeliveries([{ endpointId: endpoint.id, deliveryId: stored.id }]);
  return stored ?? delivery;
};

/** Sends a `webhook.ping` test event to the endpoint, enabled or not, subscribed or not. */
export const pingWebhook = async (endpointId: string, now: string, idempotency: IdempotencyKey | undefined): Promise<WebhookDelivery> => {
  const endpoint = await getEndpointOrThrow(endpointId);
  const event = { id: newId('evt'), type: PING_EVENT_TYPE, occurredAt: now, data: { endpointId: endpoint.id, url: endpoint.url }, previous: null };
  return publicDelivery(await enqueueDelivery(endpoint, event, now, idempotency));
};

/** Replays a finished delivery as a new round of attempts (the old attempts stay on record). */
export const retryDelivery = async (endpointId: string, deliveryId: string, now: string): Promise<WebhookDelivery> => {
  await getEndpointOrThrow(endpointId);
  const current = await getDelivery(endpointId, deliveryId);
  if (!current) throw new NotFoundError('The delivery');
  if (current.status === 'pending') throw new ConflictError('The delivery is still being attempted; it can be replayed once it succeeded or failed.');
  const next: StoredDelivery = { ...current, status: 'pending', nextRetryAt: null, roundAttempts: 0, updatedAt: now, version: current.version + 1 };
  // Two admins pressing retry at once: one replay, the other a 409.
  if (!(await saveDelivery(next, current.version))) throw new ConflictError('The delivery was replayed concurrently.');
  await enqueueDeliveries([{ endpointId, deliveryId }]);
  return publicDelivery(next);
};
