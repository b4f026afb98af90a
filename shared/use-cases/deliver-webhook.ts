// One attempt of one delivery: take a slot of the endpoint's bounded
// concurrency, claim the attempt, re-check the URL after DNS, POST the signed
// event, record the attempt, and say what comes next (done, retry after a
// pause, or "busy": every slot of this endpoint is taken right now).
import { postSigned } from '#shared/adapters/webhook-http';
import type { DeliveryMessage } from '#shared/adapters/webhook-queue';
import { resolveTarget, UnsafeTargetError } from '#shared/adapters/webhook-target';
import { claimSlot, getDelivery, getEndpointWithSecrets, releaseSlot, type StoredDelivery, saveDelivery } from '#shared/adapters/webhooks-repo';
import { PING_EVENT_TYPE } from '#shared/domain/events/catalogue';
import { type DeliveryAttempt, isDelivered, outcomeOf, signingSecrets } from '#shared/domain/webhook';

export type DeliverResult = { readonly kind: 'done' } | { readonly kind: 'retry'; readonly delayMs: number } | { readonly kind: 'busy' };

export interface DeliverOptions {
  readonly clock: () => number;
  /** Pauses before retries 1, 2… in ms. */
  readonly scheduleMs: readonly number[];
  /** Concurrent deliveries per endpoint. */
  readonly slots: number;
  /** Who holds a slot (the invocation's request id and the message id). */
  readonly holder: string;
}

/** A slot is held at most this long: the POST's 10 s timeout plus the bookkeeping around it. */
const LEASE_MS = 30_000;
/** The attempts kept on a delivery (the newest): bounded whatever the replays. */
const KEPT_ATTEMPTS = 50;

const iso = (ms: number) => new Date(ms).toISOString();

const record = async (current: StoredDelivery, attempt: Omit<DeliveryAttempt, 'nextRetryAt'>, ok: boolean, options: DeliverOptions) => {
  const round = current.roundAttempts + 1;
  const outcome = outcomeOf(ok, round, options.scheduleMs);
  const now = options.clock();
  const nextRetryAt = outcome.delayMs === null ? null : iso(now + outcome.delayMs);
  const next: StoredDelivery = {
    ...current,
    status: outcome.status,
    attempts: [...current.attempts, { ...attempt, nextRetryAt }].slice(-KEPT_ATTEMPTS),
    statusCode: attempt.statusCode,
    durationMs: attempt.durationMs,
    error: attempt.error,
    nextRetryAt,
    roundAttempts: round,
    updatedAt: iso(now),
    version: current.version + 1,
  };
  await saveDelivery(next, current.version);
  return outcome;
};

export const deliverWebhook = async (message: DeliveryMessage, options: DeliverOptions): Promise<DeliverResult> => {
  // Three independent reads at once (latency: a status change reaches its receiver within a second).
  const [delivery, found, slot] = await Promise.all([
    getDelivery(message.endpointId, message.deliveryId),
    getEndpointWithSecrets(message.endpointId),
    claimSlot(message.endpointId, options.slots, options.clock(), LEASE_MS, options.holder),
  ]);
  const release = async () => {
    if (slot !== undefined) await releaseSlot(message.endpointId, slot, options.holder);
  };
  // Gone (TTL), already delivered or given up: a stale or duplicate message.
  if (delivery?.status !== 'pending') {
    await release();
    return { kind: 'done' };
  }
  const at = iso(options.clock());
  if (!found || (!found.endpoint.enabled && delivery.eventType !== PING_EVENT_TYPE)) {
    const error = found ? 'endpoint disabled' : 'endpoint deleted';
    await saveDelivery({ ...delivery, status: 'failed', error, nextRetryAt: null, updatedAt: at, version: delivery.version + 1 }, delivery.version);
    await release();
    return { kind: 'done' };
  }
  if (slot === undefined) return { kind: 'busy' };
  try {
    // Claim the attempt before sending. Race: SQS may hand the same message to
    // two invocations; both read version v, only one moves it to v+1 and sends.
    const claimed: StoredDelivery = { ...delivery, updatedAt: at, version: delivery.version + 1 };
    if (!(await saveDelivery(claimed, delivery.version))) return { kind: 'done' };
    let attempt: Omit<DeliveryAttempt, 'nextRetryAt'>;
    try {
      const target = await resolveTarget(found.endpoint.url);
      const sentAt = options.clock();
      const result = await postSigned(
        target,
        { id: delivery.eventId, body: delivery.payload, secrets: signingSecrets(found.secrets, sentAt), at: new Date(sentAt) },
        options.clock,
      );
      attempt = { at, ...result };
    } catch (error) {
      if (!(error instanceof UnsafeTargetError)) throw error;
      attempt = { at, statusCode: null, durationMs: 0, error: `refused: the URL ${error.message}`, responseBody: null };
    }
    const outcome = await record(claimed, attempt, isDelivered(attempt.statusCode), options);
    return outcome.delayMs === null ? { kind: 'done' } : { kind: 'retry', delayMs: outcome.delayMs };
  } finally {
    await release();
  }
};
