// The SQS consumers, declared once for the CDK stack and the local stack: the
// queue, the function reading it (its module under functions/queues/), its
// batching, and the bus rule that fills it (none: the events consumer enqueues
// webhook deliveries itself, one message per endpoint × event).
import { CARD_REFUNDS_DUE } from '#shared/domain/card-refunds-due';
import { EXCHANGE_CHECKOUT_DUE } from '#shared/domain/exchange-checkout-due';

/** An EventBridge pattern on the entry's source and detail-type (the local stand-in matches exactly these two). */
export interface BusRule {
  readonly source: readonly string[];
  readonly 'detail-type': readonly string[];
}

export interface QueueConsumer {
  readonly name: 'webhook-delivery' | 'payments';
  readonly batchSize: number;
  /** Receives before the dead-letter queue. */
  readonly maxReceiveCount: number;
  readonly rule: BusRule | undefined;
}

export const QUEUE_CONSUMERS = [
  // Receives per message before the DLQ: a crash loop, not the retries (at most 8 attempts: 1 + 7 retries).
  { name: 'webhook-delivery', batchSize: 10, maxReceiveCount: 20, rule: undefined },
  // Small batches: each message is a provider call. The SDK backs off on its own; SQS then redelivers.
  {
    name: 'payments',
    batchSize: 5,
    maxReceiveCount: 8,
    // One source: card refunds to send and exchange payment pages to open (a provider call each).
    rule: { source: [CARD_REFUNDS_DUE.source], 'detail-type': [CARD_REFUNDS_DUE.detailType, EXCHANGE_CHECKOUT_DUE.detailType] },
  },
] as const satisfies readonly QueueConsumer[];

export const queueConsumerNamed = (name: QueueConsumer['name']): QueueConsumer => QUEUE_CONSUMERS.find((q) => q.name === name) as QueueConsumer;
