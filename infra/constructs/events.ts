// Integration events and webhooks in AWS: a custom EventBridge bus; the events
// stream consumer (functions/streams/events.ts) with its own event source
// mapping; the webhook delivery queue (+ DLQ) and its delivery function
// (functions/queues/webhook-delivery.ts); and the Secrets Manager secret that
// keys the sealing of webhook signing secrets. Alarms: observability.ts.
import { Duration, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import type { DynamoEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct, type IConstruct } from 'constructs';
import { queueConsumerNamed } from '#infra/queues';
import { consumerNamed } from '#infra/streams';
import { AppFunction, type CodeMode } from './app-function.ts';
import { addStreamSource } from './stream-source.ts';
import { TABLE_WRITE } from './table-access.ts';

export interface EventsProps {
  readonly projectRoot: string;
  readonly code: CodeMode;
  readonly table: dynamodb.ITable;
  /** TABLE_NAME, POWERTOOLS_SERVICE_NAME. */
  readonly environment: Readonly<Record<string, string>>;
  readonly failures: s3.IBucket;
}

/** SQS's longest visibility is 12 h; the retry schedule's longest pause is 10 h. The queue keeps a message its full life. */
const QUEUE_RETENTION = Duration.days(4);

/** A dead-letter queue: kept 14 days (the longest SQS allows), with an alarm on its depth (observability.ts). */
export const deadLetterQueue = (scope: Construct, id: string): sqs.Queue => {
  const queue = new sqs.Queue(scope, id, { encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
  const reason = 'This queue is itself a dead-letter destination; nothing consumes it, so it has no redrive of its own. An alarm fires on its first message.';
  Validations.of(queue).acknowledge({ id: 'AwsSolutions-SQS3', reason });
  Validations.of(queue).acknowledge({ id: 'Serverless-SQSRedrivePolicy', reason });
  return queue;
};

/** An SQS event source has no on-failure destination of its own: the queue's redrive policy is it. */
export const acknowledgeQueueDestination = (mapping: IConstruct): void => {
  Validations.of(mapping).acknowledge({
    id: 'Serverless-LambdaEventSourceMappingDestination',
    reason:
      "An SQS event source mapping takes no on-failure destination; a message that keeps failing goes to the queue's dead-letter queue (redrive policy, maxReceiveCount), which has an alarm.",
  });
};

export class Events extends Construct {
  readonly bus: events.EventBus;
  readonly consumer: AppFunction;
  readonly source: DynamoEventSource;
  readonly queue: sqs.Queue;
  readonly deadLetters: sqs.Queue;
  readonly delivery: AppFunction;
  readonly signingKey: secretsmanager.Secret;

  constructor(scope: Construct, id: string, props: EventsProps) {
    super(scope, id);
    this.bus = new events.EventBus(this, 'Bus', { description: 'aftersales integration events (docs/events.md)' });

    // Random material, never in the template: its SHA-256 is the AES-256-GCM key of the sealed webhook secrets.
    this.signingKey = new secretsmanager.Secret(this, 'WebhookSecretsKey', {
      description: 'Keys the encryption of webhook signing secrets stored in the table',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    Validations.of(this.signingKey).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotating this key would make every sealed webhook secret unreadable; admins rotate the webhook secrets themselves (POST /admin/webhooks/{id}/rotate-secret).',
    });

    const { maxReceiveCount, batchSize } = queueConsumerNamed('webhook-delivery');
    this.deadLetters = deadLetterQueue(this, 'DeliveryDeadLetters');
    this.queue = new sqs.Queue(this, 'Deliveries', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // Lambda needs at least the function's timeout; six times leaves room for its own retries.
      visibilityTimeout: Duration.minutes(6),
      retentionPeriod: QUEUE_RETENTION,
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount },
    });

    this.consumer = new AppFunction(this, 'Consumer', {
      projectRoot: props.projectRoot,
      entry: 'functions/streams/events.ts',
      code: props.code,
      environment: { ...props.environment, EVENT_BUS_NAME: this.bus.eventBusName, WEBHOOK_QUEUE_URL: this.queue.queueUrl },
      timeoutSeconds: 60,
    });
    // Markers, deliveries, and the endpoint list.
    props.table.grant(this.consumer.fn, ...TABLE_WRITE);
    this.bus.grantPutEventsTo(this.consumer.fn);
    this.queue.grantSendMessages(this.consumer.fn);
    this.source = addStreamSource(this.consumer, props.table, consumerNamed('events'), props.failures);

    this.delivery = new AppFunction(this, 'Delivery', {
      projectRoot: props.projectRoot,
      entry: 'functions/queues/webhook-delivery.ts',
      code: props.code,
      environment: { ...props.environment, WEBHOOK_QUEUE_URL: this.queue.queueUrl, WEBHOOK_KEY_SECRET_ARN: this.signingKey.secretArn },
      // Ten POSTs in parallel, each cut off at 10 s, plus their bookkeeping.
      timeoutSeconds: 60,
    });
    // Deliveries and the endpoints' in-flight leases.
    props.table.grant(this.delivery.fn, ...TABLE_WRITE);
    this.signingKey.grantRead(this.delivery.fn);
    // Busy endpoints: the message is sent again later; failed attempts: its visibility is the retry's pause.
    this.queue.grantSendMessages(this.delivery.fn);
    this.queue.grant(this.delivery.fn, 'sqs:ChangeMessageVisibility');
    const source = new SqsEventSource(this.queue, { batchSize, reportBatchItemFailures: true, maxConcurrency: 10 });
    this.delivery.fn.addEventSource(source);
    acknowledgeQueueDestination(this.delivery.fn);
  }

  /** What the webhooks HTTP function needs beyond the table: enqueue pings and replays, seal new secrets. */
  grantAdmin(fn: AppFunction): void {
    fn.fn.addEnvironment('WEBHOOK_QUEUE_URL', this.queue.queueUrl);
    fn.fn.addEnvironment('WEBHOOK_KEY_SECRET_ARN', this.signingKey.secretArn);
    this.queue.grantSendMessages(fn.fn);
    this.signingKey.grantRead(fn.fn);
  }
}
