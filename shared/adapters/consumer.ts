// How every stream and queue consumer runs an invocation, in one place: each
// log line carries the invocation's request id as correlation id (and nothing
// from an earlier invocation), records are handled through Powertools' batch
// processor with a partial batch response, a stream record reaches the handler
// as the domain's `Change` (OLD and NEW images decoded once, here), and every
// record that fails is logged with the ids needed to find and replay it. What
// the invocation counted (shared/adapters/metrics.ts) is written at its end.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue, Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { Change } from '#shared/domain/notifications/types';
import { logger } from './logger.ts';
import { flushMetrics } from './metrics.ts';

/** Retry pending, not a fault: the message comes back when its pause is over (logged as info, not error). */
export class RetryLaterError extends Error {
  constructor(readonly delayMs: number) {
    super(`retried in ${delayMs} ms`);
    this.name = 'RetryLaterError';
  }
}

const image = (value: Record<string, AttributeValue> | undefined) => (value ? unmarshall(value as Parameters<typeof unmarshall>[0]) : undefined);

/** A DynamoDB stream record as the domain's `Change`. */
export const changeOf = (record: DynamoDBRecord): Change => {
  const next = image(record.dynamodb?.NewImage);
  const old = image(record.dynamodb?.OldImage);
  return { eventName: record.eventName ?? 'MODIFY', type: String((next ?? old)?.type ?? ''), old, new: next };
};

/** Starts an invocation: its request id on every line, nothing left from the previous one. */
const begin = (context: Context): void => {
  logger.resetKeys();
  logger.addContext(context);
  logger.setCorrelationId(context.awsRequestId);
};

const logFailure = (ids: Record<string, unknown>, error: unknown): void => {
  if (error instanceof RetryLaterError) logger.info('record retried later', { ...ids, delayMs: error.delayMs });
  // Another invocation holds the same once-only key (send-once.ts): the retry finds its work done.
  // By name, so queue consumers do not bundle the idempotency library for this check.
  else if (error instanceof Error && error.name === 'IdempotencyAlreadyInProgressError') logger.warn('record retried: its work is in progress elsewhere', ids);
  else logger.error('record failed; it will be retried, then kept on the failure destination', { ...ids, error });
};

/** Per invocation, the handler of one record (so per-invocation caches live exactly one invocation). */
type PerInvocation<T, R> = (context: Context) => (item: T, record: R) => Promise<void>;

/**
 * A DynamoDB stream consumer. Records are handled one by one in stream order; a
 * failed record is reported in batchItemFailures and the later ones are still
 * handled (the mapping retries from the failed one, and already-done work is
 * skipped by the handler's own once-only keys).
 */
export const streamConsumer =
  (perInvocation: PerInvocation<Change, DynamoDBRecord>) =>
  async (event: DynamoDBStreamEvent, context: Context): Promise<DynamoDBBatchResponse> => {
    begin(context);
    const handle = perInvocation(context);
    const handleRecord = async (record: DynamoDBRecord): Promise<void> => {
      const change = changeOf(record);
      try {
        await handle(change, record);
      } catch (error) {
        const keys = image(record.dynamodb?.Keys);
        logFailure({ eventID: record.eventID, sequenceNumber: record.dynamodb?.SequenceNumber, type: change.type, pk: keys?.PK, sk: keys?.SK }, error);
        throw error;
      }
    };
    try {
      return await processPartialResponse(event, handleRecord, new BatchProcessor(EventType.DynamoDBStreams), { context, processInParallel: false });
    } finally {
      flushMetrics();
    }
  };

export interface QueueConsumerOptions<T> {
  /** The message's body as the handler's type; undefined drops a message that can never be handled (logged). */
  readonly parse: (body: string) => T | undefined;
  /** Records of a batch in parallel (independent messages), else one by one. */
  readonly parallel?: boolean;
  /** A batch whose every message failed is not a failed invocation when failing is how retries are scheduled (webhooks). */
  readonly retriesAreNormal?: boolean;
}

/** An SQS consumer: a message that fails is reported in batchItemFailures and comes back after its visibility timeout. */
export const queueConsumer =
  <T>(options: QueueConsumerOptions<T>, perInvocation: PerInvocation<T, SQSRecord>) =>
  async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
    begin(context);
    const handle = perInvocation(context);
    const handleRecord = async (record: SQSRecord): Promise<void> => {
      const message = options.parse(record.body);
      if (message === undefined) {
        logger.error('not a message this consumer handles; dropped', { messageId: record.messageId });
        return;
      }
      try {
        await handle(message, record);
      } catch (error) {
        logFailure({ messageId: record.messageId, receiveCount: record.attributes.ApproximateReceiveCount }, error);
        throw error;
      }
    };
    try {
      return await processPartialResponse(event, handleRecord, new BatchProcessor(EventType.SQS), {
        context,
        processInParallel: options.parallel ?? false,
        throwOnFullBatchFailure: !options.retriesAreNormal,
      });
    } finally {
      flushMetrics();
    }
  };

/** The `detail` of an EventBridge event a rule put on a queue (the message body is the whole event). */
export const busDetail = (body: string): unknown => {
  try {
    return (JSON.parse(body) as { detail?: unknown }).detail;
  } catch {
    return undefined;
  }
};
