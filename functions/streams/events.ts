// Table stream → integration events. Each change implies events
// (shared/domain/events/detect.ts); each goes once to the EventBridge bus and
// once to every enabled webhook endpoint subscribed to its type, as a delivery
// on the SQS queue. "Once" is a marker per event × destination (send-once.ts,
// as the email consumer does), so a redelivered or retried record puts and
// enqueues nothing twice. A failed put or enqueue fails the record
// (batchItemFailures); after the mapping's retries it is dead-lettered (SQS +
// alarm in AWS; the local poller's DEAD-LETTER line).
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { putEvent } from '#shared/adapters/event-bus';
import { logger } from '#shared/adapters/logger';
import { isSendInProgress, sendOnce } from '#shared/adapters/send-once';
import { changeOf } from '#shared/adapters/stream-change';
import { allEndpoints } from '#shared/adapters/webhooks-repo';
import type { IntegrationEvent } from '#shared/domain/events/catalogue';
import { eventsFor } from '#shared/domain/events/detect';
import { subscribes, type WebhookEndpoint } from '#shared/domain/webhook';
import { enqueueDelivery } from '#shared/use-cases/enqueue-delivery';

/** One event to one destination: the bus, or an endpoint. */
interface Outgoing {
  readonly key: string;
  readonly event: IntegrationEvent;
  readonly endpoint: WebhookEndpoint | undefined;
}

const publisher = sendOnce(async ({ event, endpoint }: Outgoing) => {
  if (endpoint) await enqueueDelivery(endpoint, event, new Date().toISOString());
  else await putEvent(event);
}, 'webhook');

export const handler = async (event: DynamoDBStreamEvent, context: Context) => {
  logger.resetKeys();
  logger.addContext(context);
  logger.setCorrelationId(context.awsRequestId);
  publisher.registerContext(context);
  // Endpoints are read once per invocation, on the first event: a change made by an admin applies from the next batch.
  let endpoints: Promise<WebhookEndpoint[]> | undefined;
  const handleRecord = async (record: DynamoDBRecord): Promise<void> => {
    for (const integrationEvent of eventsFor(changeOf(record))) {
      endpoints ??= allEndpoints();
      const targets = (await endpoints).filter((e) => subscribes(e, integrationEvent.type));
      const outgoing: Outgoing[] = [
        { key: `${integrationEvent.id}#bus`, event: integrationEvent, endpoint: undefined },
        ...targets.map((endpoint) => ({ key: `${integrationEvent.id}#${endpoint.id}`, event: integrationEvent, endpoint })),
      ];
      // The destinations are independent: in parallel, so one event reaches every endpoint at once.
      // Every send is awaited before the record fails: a send still running after the handler
      // returns would be frozen with its marker in progress, and the retry would wait it out.
      const failures: { message: Outgoing; error: unknown }[] = [];
      await Promise.all(outgoing.map((message) => publisher.send(message).catch((error: unknown) => failures.push({ message, error }))));
      for (const { message, error } of failures) {
        const where = { eventId: integrationEvent.id, destination: message.endpoint?.id ?? 'bus', eventID: record.eventID };
        if (isSendInProgress(error)) logger.warn('already being published by another invocation; the record will be retried', where);
        else logger.error('not published; the record will be retried', { ...where, error });
      }
      if (failures[0]) throw failures[0].error;
      logger.info('published', { eventId: integrationEvent.id, type: integrationEvent.type, endpoints: targets.length });
    }
  };
  return processPartialResponse(event, handleRecord, new BatchProcessor(EventType.DynamoDBStreams), { context, processInParallel: false });
};
