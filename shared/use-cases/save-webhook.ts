// Registers, changes, re-keys and removes webhook endpoints. Every URL is checked
// (webhook-target.ts) before it is stored; the secret is answered only here,
// on creation (and its replay) and rotation, and stored sealed.

import type { IdempotencyKey, StoredResponse } from '#shared/adapters/idempotency';
import { newId } from '#shared/adapters/ids';
import { newWebhookSecret, openSecret } from '#shared/adapters/secret-box';
import { resolveTarget, UnsafeTargetError } from '#shared/adapters/webhook-target';
import { deleteEndpoint, getEndpointOrThrow, insertEndpoint, saveEndpoint } from '#shared/adapters/webhooks-repo';
import { ValidationError } from '#shared/domain/errors';
import { checkIfMatch } from '#shared/domain/if-match';
import { type CreateWebhookBody, overlapUntil, type UpdateWebhookBody, type WebhookEndpoint } from '#shared/domain/webhook';

/** A URL that fails the delivery-time check would never be delivered to: refuse it now, as a 400 on `url`. */
const checkUrl = async (url: string): Promise<void> => {
  try {
    await resolveTarget(url);
  } catch (error) {
    if (error instanceof UnsafeTargetError) throw new ValidationError([{ path: 'url', message: error.message }]);
    throw error;
  }
};

/** Creates an endpoint with a fresh secret, answered this once. */
export const createWebhook = async (body: CreateWebhookBody, now: string, idempotency: IdempotencyKey | undefined) => {
  await checkUrl(body.url);
  const endpoint: WebhookEndpoint = { id: newId('whk'), ...body, createdAt: now, updatedAt: now, version: 1 };
  const secret = newWebhookSecret();
  await insertEndpoint(endpoint, secret, idempotency);
  return { ...endpoint, secret };
};

/**
 * A replayed creation answers what the first one did, secret included (the
 * remembered answer keeps it sealed): a client whose first answer was lost
 * still learns the secret it must verify with.
 */
export const reopenCreation = async (first: StoredResponse): Promise<StoredResponse> => {
  const { sealedSecret, ...endpoint } = first.body as Record<string, unknown>;
  if (typeof sealedSecret !== 'string' || typeof endpoint.id !== 'string') return first;
  return { ...first, body: { ...endpoint, secret: await openSecret(sealedSecret, endpoint.id) } };
};

/** Changes the endpoint's fields (If-Match honoured); a new URL is checked again. */
export const updateWebhook = async (id: string, body: UpdateWebhookBody, ifMatch: number | undefined, now: string): Promise<WebhookEndpoint> => {
  const current = await getEndpointOrThrow(id);
  checkIfMatch(current, ifMatch);
  if (body.url !== undefined && body.url !== current.url) await checkUrl(body.url);
  const next: WebhookEndpoint = { ...current, ...body, updatedAt: now, version: current.version + 1 };
  await saveEndpoint(next, current.version);
  return next;
};

/** Replaces the secret and answers the new one, this once; the old one signs beside it for 24 h. */
export const rotateWebhookSecret = async (id: string, now: string) => {
  const current = await getEndpointOrThrow(id);
  const next: WebhookEndpoint = { ...current, updatedAt: now, version: current.version + 1 };
  const secret = newWebhookSecret();
  await saveEndpoint(next, current.version, { secret, previousUntil: overlapUntil(now) });
  return { ...next, secret };
};

/** Removes the endpoint (a 404 when it is already gone); its deliveries expire with their TTL. */
export const deleteWebhook = (id: string): Promise<void> => deleteEndpoint(id);
