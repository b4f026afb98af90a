// Exactly-once email per change, with Powertools idempotency over our table.
// A marker keyed by the message's key goes INPROGRESS → COMPLETED by
// conditional writes:
//   - a redelivered, retried or bisected record finds COMPLETED and sends nothing;
//   - a concurrent duplicate (two invocations with overlapping records) finds
//     INPROGRESS, throws, and its record is retried later, when it finds COMPLETED;
//   - a failed send deletes the marker, so the retry sends;
//   - a crash mid-send leaves INPROGRESS, which expires with the invocation's
//     remaining time (registerContext), so the retry after the timeout sends.
import { IdempotencyAlreadyInProgressError, IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { Context } from 'aws-lambda';
import { dynamodb, TABLE_NAME } from './dynamo.ts';
import { PARTITION, TABLE_KEY } from './keys.ts';

/** Streams keep records 24 h; markers outlive any redelivery. */
const MARKER_TTL_SECONDS = 7 * 24 * 60 * 60;

const persistenceStore = new DynamoDBPersistenceLayer({
  tableName: TABLE_NAME,
  keyAttr: TABLE_KEY.pk,
  sortKeyAttr: TABLE_KEY.sk,
  // One partition for all markers: writes run at the email rate, far below a partition's limit.
  staticPkValue: PARTITION.notifyMarkers,
  expiryAttr: 'expiresAt',
  awsSdkV3Client: dynamodb,
});

const config = new IdempotencyConfig({ eventKeyJmesPath: 'key', expiresAfterSeconds: MARKER_TTL_SECONDS });

/**
 * Wraps `send` so each distinct `message.key` is sent once. The marker's SK is
 * `<keyPrefix>#<hash of the key>` (`notify` for emails, `webhook` for
 * events): a fixed prefix (not the function name) so a renamed or redeployed
 * function still recognises what it already sent.
 */
export const sendOnce = <M extends { readonly key: string }>(send: (message: M) => Promise<void>, keyPrefix = 'notify') => {
  const once = makeIdempotent(
    async (message: M) => {
      await send(message);
      return { sent: message.key };
    },
    { persistenceStore, config, keyPrefix },
  );
  return {
    /** In-progress markers expire with the function's remaining time. */
    registerContext: (context: Context) => config.registerLambdaContext(context),
    send: once,
  };
};

/** True when another invocation is sending the same message right now (its record is simply retried later). */
export const isSendInProgress = (error: unknown): boolean => error instanceof IdempotencyAlreadyInProgressError;
