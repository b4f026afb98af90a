// Exactly-once email per change, with Powertools idempotency over our table.
// A marker keyed by the notification's key goes INPROGRESS → COMPLETED by
// conditional writes: a redelivered or bisected record finds COMPLETED and sends
// nothing; a concurrent duplicate finds INPROGRESS and is retried later; a failed
// send deletes the marker so the retry can send.
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { Context } from 'aws-lambda';
import type { Notification } from '#shared/domain/notifications/types';
import { TABLE_NAME } from './dynamo.ts';

/** Streams keep records 24 h; markers outlive any redelivery. */
const MARKER_TTL_SECONDS = 7 * 24 * 60 * 60;

const persistenceStore = new DynamoDBPersistenceLayer({
  tableName: TABLE_NAME,
  keyAttr: 'PK',
  sortKeyAttr: 'SK',
  // One partition for all markers: writes run at the email rate, far below a partition's limit.
  staticPkValue: 'NOTIFY',
  expiryAttr: 'expiresAt',
});

const config = new IdempotencyConfig({ eventKeyJmesPath: 'key', expiresAfterSeconds: MARKER_TTL_SECONDS });

export const sendOnce = (send: (notification: Notification) => Promise<void>) => {
  const once = makeIdempotent(
    async (notification: Notification) => {
      await send(notification);
      return { sent: notification.key };
    },
    { persistenceStore, config },
  );
  return {
    /** In-progress markers expire with the function's remaining time. */
    registerContext: (context: Context) => config.registerLambdaContext(context),
    send: once,
  };
};
