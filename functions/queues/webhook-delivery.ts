// Webhook delivery queue → signed POSTs (shared/use-cases/deliver-webhook.ts).
// Records of a batch run in parallel, so one slow endpoint holds up no other.
// A failed attempt hides its message for the retry's pause
// (ChangeMessageVisibility) and reports it in batchItemFailures, so SQS
// redelivers it then; a message whose endpoint has no free slot is sent again
// a little later as a fresh message (so waiting never counts toward the DLQ's
// receive limit) and acknowledged.
import { queueConsumer, RetryLaterError } from '#shared/adapters/consumer';
import { env } from '#shared/adapters/env';
import { count } from '#shared/adapters/metrics';
import { type DeliveryMessage, delayRetry, enqueueDeliveries } from '#shared/adapters/webhook-queue';
import { RETRY_SCHEDULE_SECONDS } from '#shared/domain/webhook';
import { deliverWebhook } from '#shared/use-cases/deliver-webhook';

/** A busy endpoint's message comes back after this long. */
const BUSY_DELAY_SECONDS = 2;

const scheduleMs = env.webhookRetryScheduleMs ? env.webhookRetryScheduleMs.split(',').map(Number) : RETRY_SCHEDULE_SECONDS.map((s) => s * 1000);

const parse = (body: string): DeliveryMessage | undefined => {
  try {
    const value = JSON.parse(body) as Partial<DeliveryMessage>;
    return typeof value.endpointId === 'string' && typeof value.deliveryId === 'string'
      ? { endpointId: value.endpointId, deliveryId: value.deliveryId }
      : undefined;
  } catch {
    return undefined;
  }
};

// A batch of retries is normal operation, not a failed invocation (the errors alarm must not fire on a flaky receiver).
export const handler = queueConsumer({ parse, parallel: true, retriesAreNormal: true }, (context) => async (message, record) => {
  const result = await deliverWebhook(message, {
    clock: Date.now,
    scheduleMs,
    slots: env.webhookConcurrency,
    holder: `${context.awsRequestId}/${record.messageId}`,
  });
  if (result.kind === 'busy') await enqueueDeliveries([message], BUSY_DELAY_SECONDS);
  if (result.kind === 'retry') {
    count('DeliveriesFailed');
    await delayRetry(record.receiptHandle, result.delayMs / 1000);
    throw new RetryLaterError(result.delayMs);
  }
});
