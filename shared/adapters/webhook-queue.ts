// The webhook delivery queue (SQS): one message per endpoint × event. Retries
// are paced by the message's visibility timeout (ChangeMessageVisibility), so a
// waiting retry holds no Lambda and no connection.
import { ChangeMessageVisibilityCommand, SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { env } from './env.ts';

/** Exported for the bench's meter (test/bench/meter.ts), which takes the flow's messages off it. */
export const sqs = new SQSClient({});

export interface DeliveryMessage {
  readonly endpointId: string;
  readonly deliveryId: string;
}

/** SQS caps one message's delay at 15 minutes. */
const MAX_DELAY_SECONDS = 900;

/** Enqueues deliveries (10 per call, SQS's batch limit); throws if any was refused, so the caller retries. */
export const enqueueDeliveries = async (messages: readonly DeliveryMessage[], delaySeconds = 0): Promise<void> => {
  for (let i = 0; i < messages.length; i += 10) {
    const batch = messages.slice(i, i + 10);
    const { Failed = [] } = await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: env.webhookQueueUrl,
        Entries: batch.map((message, n) => ({
          Id: String(n),
          MessageBody: JSON.stringify(message),
          DelaySeconds: Math.min(MAX_DELAY_SECONDS, Math.max(0, Math.ceil(delaySeconds))),
        })),
      }),
    );
    if (Failed.length > 0) throw new Error(`SQS refused ${Failed.length} delivery message(s): ${Failed[0]?.Code ?? ''}`);
  }
};

/** Hides a received message for `seconds` (≤ 12 h): its next receive is the retry. */
export const delayRetry = async (receiptHandle: string, seconds: number): Promise<void> => {
  await sqs.send(
    new ChangeMessageVisibilityCommand({
      QueueUrl: env.webhookQueueUrl,
      ReceiptHandle: receiptHandle,
      VisibilityTimeout: Math.min(43_200, Math.ceil(seconds)),
    }),
  );
};
