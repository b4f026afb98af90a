// Card refunds through the payment provider (Stripe): the keys in a Secrets
// Manager secret (never in a Lambda environment; `{}` until the operator puts
// the keys in, which is the `manual` flow), the bus rule that queues the card
// refunds the events consumer found due (infra/queues.ts), the queue (+ DLQ)
// and the payments function reading it (functions/queues/payments.ts), and read
// access to the keys for the webhook function. The table's stream has no third reader.
import { Duration, SecretValue, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { queueConsumerNamed } from '#infra/queues';
import { AppFunction, type CodeMode } from './app-function.ts';
import { acknowledgeQueueDestination, deadLetterQueue } from './events.ts';
import { TABLE_WRITE } from './table-access.ts';

export interface PaymentsProps {
  readonly projectRoot: string;
  readonly code: CodeMode;
  readonly table: dynamodb.ITable;
  readonly environment: Readonly<Record<string, string>>;
  readonly bus: events.IEventBus;
}

/** A batch of 5 provider calls, each with the SDK's own retries (10 s timeout). */
const TIMEOUT_SECONDS = 120;

export class Payments extends Construct {
  /** `{"secretKey": "sk_…", "webhookSecret": "whsec_…"}`, set by the operator after deploying; `{}` until then. */
  readonly keys: secretsmanager.Secret;
  readonly layer: lambda.ParamsAndSecretsLayerVersion;
  readonly consumer: AppFunction;
  readonly queue: sqs.Queue;
  readonly deadLetters: sqs.Queue;
  /** Bus entries the rule could not put on the queue. */
  readonly undelivered: sqs.Queue;

  constructor(scope: Construct, id: string, props: PaymentsProps) {
    super(scope, id);
    this.keys = new secretsmanager.Secret(this, 'StripeKeys', {
      description: 'Stripe keys for card refunds: {"secretKey": "sk_...", "webhookSecret": "whsec_..."} ({}: manual refunds)',
      // An empty JSON object, not a random string: no keys is the manual flow, and the
      // operator fills in both keys (README "Going live"). It holds nothing secret until then.
      secretStringValue: SecretValue.unsafePlainText('{}'),
    });
    Validations.of(this.keys).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Stripe API keys and webhook secrets are rolled in the Stripe dashboard, not by a Secrets Manager rotation Lambda; the operator puts the new pair here.',
    });
    this.layer = lambda.ParamsAndSecretsLayerVersion.fromVersion(lambda.ParamsAndSecretsVersions.V1_0_103, {
      cacheSize: 10,
      logLevel: lambda.ParamsAndSecretsLogLevel.WARN,
    });

    const { maxReceiveCount, batchSize, rule } = queueConsumerNamed('payments');
    this.deadLetters = deadLetterQueue(this, 'DeadLetters');
    this.undelivered = deadLetterQueue(this, 'Undelivered');
    this.queue = new sqs.Queue(this, 'Queue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // At least six times the function's timeout (AWS's advice for SQS event sources): a retry waits this long.
      visibilityTimeout: Duration.seconds(TIMEOUT_SECONDS * 6),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount },
    });
    new events.Rule(this, 'CardRefundsDue', {
      eventBus: props.bus,
      description: 'Card refunds to send and exchange payment pages to open at the provider (put by the events consumer)',
      eventPattern: { source: [...(rule?.source ?? [])], detailType: [...(rule?.['detail-type'] ?? [])] },
      targets: [new targets.SqsQueue(this.queue, { deadLetterQueue: this.undelivered, retryAttempts: 185, maxEventAge: Duration.hours(24) })],
    });

    this.consumer = new AppFunction(this, 'Payments', {
      projectRoot: props.projectRoot,
      entry: 'functions/queues/payments.ts',
      code: props.code,
      environment: { ...props.environment, ...this.secretEnvironment() },
      paramsAndSecrets: this.layer,
      timeoutSeconds: TIMEOUT_SECONDS,
    });
    props.table.grant(this.consumer.fn, ...TABLE_WRITE);
    this.keys.grantRead(this.consumer.role);
    this.consumer.fn.addEventSource(new SqsEventSource(this.queue, { batchSize, reportBatchItemFailures: true, maxConcurrency: 5 }));
    acknowledgeQueueDestination(this.consumer.fn);
  }

  /** What a function needs to find the keys: the secret's ARN, not its value. */
  secretEnvironment(): Record<string, string> {
    return { STRIPE_SECRET_ID: this.keys.secretArn };
  }

  /** Lets an HTTP function (the webhook) read the keys. */
  grantKeys(fn: AppFunction): void {
    this.keys.grantRead(fn.role);
  }
}
