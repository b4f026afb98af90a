// Integration events and webhooks in AWS: a custom EventBridge bus; the events
// stream consumer (functions/streams/events.ts) with its own event source
// mapping, DLQ and alarms; the webhook delivery queue (+ DLQ + alarm) and its
// delivery function (functions/queues/webhook-delivery.ts); and the Secrets
// Manager secret that keys the sealing of webhook signing secrets.
import { Duration, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
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
  readonly alarmTopic: sns.ITopic | undefined;
}

/** SQS's longest visibility is 12 h; the retry schedule's longest pause is 10 h. The queue keeps a message its full life. */
const QUEUE_RETENTION = Duration.days(4);
/** Receives per message before the DLQ: a crash loop, not the retries (at most 8 attempts: 1 + 7 retries). */
const MAX_RECEIVES = 20;

export class Events extends Construct {
  readonly bus: events.EventBus;
  readonly consumer: AppFunction;
  readonly consumerFailures: sqs.Queue;
  readonly queue: sqs.Queue;
  readonly deadLetters: sqs.Queue;
  readonly delivery: AppFunction;
  readonly signingKey: secretsmanager.Secret;
  readonly alarms: readonly cloudwatch.Alarm[];

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

    const dlqProps = { encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) } as const;
    this.deadLetters = new sqs.Queue(this, 'DeliveryDeadLetters', dlqProps);
    this.consumerFailures = new sqs.Queue(this, 'ConsumerFailures', dlqProps);
    for (const queue of [this.deadLetters, this.consumerFailures])
      Validations.of(queue).acknowledge({
        id: 'AwsSolutions-SQS3',
        reason: 'This queue is itself a dead-letter destination; nothing consumes it, so it has no redrive of its own. An alarm fires on its first message.',
      });

    this.queue = new sqs.Queue(this, 'Deliveries', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // Lambda needs at least the function's timeout; six times leaves room for its own retries.
      visibilityTimeout: Duration.minutes(6),
      retentionPeriod: QUEUE_RETENTION,
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: MAX_RECEIVES },
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
    addStreamSource(this.consumer, props.table, consumerNamed('events'), this.consumerFailures);

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
    this.delivery.fn.addEventSource(new SqsEventSource(this.queue, { batchSize: 10, reportBatchItemFailures: true, maxConcurrency: 10 }));

    const alarm = (alarmId: string, description: string, metric: cloudwatch.IMetric) =>
      new cloudwatch.Alarm(this, alarmId, {
        alarmDescription: description,
        metric,
        threshold: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
    const visible = (queue: sqs.Queue) => queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' });
    const errors = (fn: AppFunction) => fn.fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' });
    this.alarms = [
      alarm(
        'FailedEvents',
        'Stream records the events consumer gave up on (events not published). Inspect the queue, fix, replay.',
        visible(this.consumerFailures),
      ),
      alarm('EventsErrors', 'The events consumer failed invocations (bus, queue or table errors); retries and bisection are under way.', errors(this.consumer)),
      alarm('DeadDeliveries', 'Webhook delivery messages that crashed the delivery function repeatedly. Inspect, fix, redrive.', visible(this.deadLetters)),
      alarm('DeliveryErrors', 'The webhook delivery function failed invocations (not receivers failing: those are retried).', errors(this.delivery)),
    ];
    const topic = props.alarmTopic;
    if (topic) for (const a of this.alarms) a.addAlarmAction(new cwActions.SnsAction(topic));
  }

  /** What the webhooks HTTP function needs beyond the table: enqueue pings and replays, seal new secrets. */
  grantAdmin(fn: AppFunction): void {
    fn.fn.addEnvironment('WEBHOOK_QUEUE_URL', this.queue.queueUrl);
    fn.fn.addEnvironment('WEBHOOK_KEY_SECRET_ARN', this.signingKey.secretArn);
    this.queue.grantSendMessages(fn.fn);
    this.signingKey.grantRead(fn.fn);
  }
}
