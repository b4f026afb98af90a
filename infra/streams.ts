// Which table changes reach the stream consumers. The CDK event source uses these
// patterns as Lambda filter criteria; the local stream poller applies the same
// patterns before invoking the handler. The handler checks again in code.
import { EVENTFUL_TYPES, NOTIFIABLE_TYPES } from '#shared/domain/notifications/types';

/** Lambda event filter patterns (EventBridge pattern syntax), ORed. */
export const NOTIFY_FILTER_PATTERNS = [
  {
    eventName: ['INSERT', 'MODIFY'],
    dynamodb: { NewImage: { type: { S: [...NOTIFIABLE_TYPES] } } },
  },
] as const;

/** The events consumer's filter: the types that are integration events. */
export const EVENTS_FILTER_PATTERNS = [
  {
    eventName: ['INSERT', 'MODIFY'],
    dynamodb: { NewImage: { type: { S: [...EVENTFUL_TYPES] } } },
  },
] as const;

export const NOTIFY_BATCH = { batchSize: 25, maxBatchingWindowSeconds: 1, retryAttempts: 5 } as const;

export const EVENTS_BATCH = { batchSize: 25, maxBatchingWindowSeconds: 1, retryAttempts: 5 } as const;

/**
 * Every consumer of the table's stream, each with its own event source mapping
 * in AWS and its own poller locally, so one's retries never hold up another.
 * `name` is its module under functions/streams/. The events consumer reads the
 * item types notify reads (every notifiable change is also an event) and the
 * event-only ones. Two and
 * no more: DynamoDB Streams serves about two readers per shard before they are
 * throttled; anything else (payments, webhooks) is fanned out from the events
 * consumer through the bus (infra/queues.ts).
 */
export const STREAM_CONSUMERS = [
  { name: 'notify', filterPatterns: NOTIFY_FILTER_PATTERNS, batch: NOTIFY_BATCH },
  { name: 'events', filterPatterns: EVENTS_FILTER_PATTERNS, batch: EVENTS_BATCH },
] as const;

/** A record older than this is not retried any more but kept on the failure destination (replayable from there). */
export const MAX_RECORD_AGE_SECONDS = 6 * 60 * 60;

export type StreamConsumer = (typeof STREAM_CONSUMERS)[number];

export const consumerNamed = (name: StreamConsumer['name']): StreamConsumer => STREAM_CONSUMERS.find((c) => c.name === name) as StreamConsumer;
