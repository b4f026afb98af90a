// Table stream → integration events. Each change implies events
// (shared/domain/events/detect.ts); each goes once to the EventBridge bus and
// once to every enabled webhook endpoint subscribed to its type, as a delivery
// on the SQS queue. "Once" is a marker per event × destination (send-once.ts,
// as the email consumer does), so a redelivered or retried record puts and
// enqueues nothing twice. A refund that leaves card transactions to send, and
// an exchange that waits for its payment page, also go on the bus as internal work, which a rule queues for the payments
// function (functions/queues/payments.ts): this is the stream's second and
// last reader besides the emails. A failed put or enqueue fails the record
// (batchItemFailures); after the mapping's retries it is kept whole on the
// failure destination (S3 in AWS, the local S3 locally) for `npm run replay`.
import { streamConsumer } from '#shared/adapters/consumer';
import { putCardRefundsDue, putEvent, putExchangeCheckoutDue } from '#shared/adapters/event-bus';
import { logger } from '#shared/adapters/logger';
import { type BusinessMetric, count } from '#shared/adapters/metrics';
import { isSendInProgress, sendOnce } from '#shared/adapters/send-once';
import { allEndpoints } from '#shared/adapters/webhooks-repo';
import { cardRefundsDue } from '#shared/domain/card-refunds-due';
import type { EventType, IntegrationEvent } from '#shared/domain/events/catalogue';
import { eventsFor } from '#shared/domain/events/detect';
import { exchangeCheckoutDue } from '#shared/domain/exchange-checkout-due';
import { subscribes, type WebhookEndpoint } from '#shared/domain/webhook';
import { enqueueDelivery } from '#shared/use-cases/enqueue-delivery';

/** One event to one destination: the bus, or an endpoint. */
interface Outgoing {
  readonly key: string;
  readonly event: IntegrationEvent;
  readonly endpoint: WebhookEndpoint | undefined;
}

/** Events counted as business metrics, once each (when put on the bus). */
const COUNTED: Partial<Record<EventType, BusinessMetric>> = { 'refund.created': 'RefundsCreated', 'refund.transaction_failed': 'RefundsFailed' };

const publisher = sendOnce(async ({ event, endpoint }: Outgoing) => {
  if (endpoint) {
    await enqueueDelivery(endpoint, event, new Date().toISOString());
    return;
  }
  await putEvent(event);
  const metric = COUNTED[event.type];
  if (metric) count(metric);
}, 'webhook');

export const handler = streamConsumer((context) => {
  publisher.registerContext(context);
  // Endpoints are read once per invocation, on the first event: a change made by an admin applies from the next batch.
  let endpoints: Promise<WebhookEndpoint[]> | undefined;
  return async (change) => {
    for (const integrationEvent of eventsFor(change)) {
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
        const where = { eventId: integrationEvent.id, destination: message.endpoint?.id ?? 'bus' };
        if (isSendInProgress(error)) logger.warn('already being published by another invocation; the record will be retried', where);
        else logger.error('not published', { ...where, error });
      }
      if (failures[0]) throw failures[0].error;
      logger.info('published', { eventId: integrationEvent.id, type: integrationEvent.type, endpoints: targets.length });
    }
    // Not once-only: the payments use case reads the refund again and sends only what still waits,
    // under the transaction id as the provider's idempotency key.
    const due = cardRefundsDue(change);
    if (due) {
      await putCardRefundsDue(due);
      logger.info('card refunds due', { ...due });
    }
    // Likewise an exchange's first payment page: the use case opens it only while the exchange still wants one.
    const checkout = exchangeCheckoutDue(change);
    if (checkout) {
      await putExchangeCheckoutDue(checkout);
      logger.info('exchange checkout due', { ...checkout });
    }
  };
});
