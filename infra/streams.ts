// Which table changes reach the notify consumer. The CDK event source uses these
// patterns as Lambda filter criteria; the local stream poller applies the same
// patterns before invoking the handler. The handler checks again in code.
import { NOTIFIABLE_TYPES } from '#shared/domain/notifications/types';

/** Lambda event filter patterns (EventBridge pattern syntax), ORed. */
export const NOTIFY_FILTER_PATTERNS = [
  {
    eventName: ['INSERT', 'MODIFY'],
    dynamodb: { NewImage: { type: { S: [...NOTIFIABLE_TYPES] } } },
  },
] as const;

export const NOTIFY_BATCH = { batchSize: 25, maxBatchingWindowSeconds: 1, retryAttempts: 5 } as const;

/**
 * Which table changes reach the payments consumer (functions/streams/payments.ts):
 * refunds holding a pending card transaction not yet sent to the payment
 * provider (`awaitsProvider`, set by shared/adapters/refunds-repo.ts).
 */
export const PAYMENTS_FILTER_PATTERNS = [
  {
    eventName: ['INSERT', 'MODIFY'],
    dynamodb: { NewImage: { type: { S: ['Refund'] }, awaitsProvider: { BOOL: [true] } } },
  },
] as const;

/** Small batches: each record is a provider call. The SDK backs off on its own; the mapping then retries the record. */
export const PAYMENTS_BATCH = { batchSize: 5, maxBatchingWindowSeconds: 1, retryAttempts: 8 } as const;

export const EVENTS_BATCH = { batchSize: 25, maxBatchingWindowSeconds: 1, retryAttempts: 5 } as const;

/**
 * Every consumer of the table's stream, each with its own event source mapping
 * in AWS and its own poller locally, so one's retries never hold up another.
 * `name` is its module under functions/streams/. The events consumer reads the
 * same item types as notify: every notifiable change is also an event.
 */
export const STREAM_CONSUMERS = [
  { name: 'notify', filterPatterns: NOTIFY_FILTER_PATTERNS, batch: NOTIFY_BATCH },
  { name: 'events', filterPatterns: NOTIFY_FILTER_PATTERNS, batch: EVENTS_BATCH },
  { name: 'payments', filterPatterns: PAYMENTS_FILTER_PATTERNS, batch: PAYMENTS_BATCH },
] as const;

export type StreamConsumer = (typeof STREAM_CONSUMERS)[number];

export const consumerNamed = (name: StreamConsumer['name']): StreamConsumer => STREAM_CONSUMERS.find((c) => c.name === name) as StreamConsumer;
