// Card refunds through the payment provider (Stripe): the keys in a Secrets
// Manager secret (never in a Lambda environment), the stream consumer that
// sends pending card transactions (functions/streams/payments.ts) with its
// dead-letter queue and alarm, and read access to the keys for the webhook
// function. Without keys in the secret both run the `manual` flow.
import { Duration, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { consumerNamed } from '#infra/streams';
import { AppFunction, type CodeMode } from './app-function.ts';
import { addStreamSource } from './stream-source.ts';
import { TABLE_WRITE } from './table-access.ts';

export interface PaymentsProps {
  readonly projectRoot: string;
  readonly code: CodeMode;
  readonly table: dynamodb.ITable;
  readonly environment: Readonly<Record<string, string>>;
}

export class Payments extends Construct {
  /** `{"secretKey": "sk_…", "webhookSecret": "whsec_…"}`, set by the operator after deploying. */
  readonly keys: secretsmanager.Secret;
  readonly layer: lambda.ParamsAndSecretsLayerVersion;
  readonly consumer: AppFunction;
  readonly failures: sqs.Queue;
  readonly alarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: PaymentsProps) {
    super(scope, id);
    this.keys = new secretsmanager.Secret(this, 'StripeKeys', {
      description: 'Stripe keys for card refunds: {"secretKey": "sk_...", "webhookSecret": "whsec_..."} (empty: manual refunds)',
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

    this.consumer = new AppFunction(this, 'Payments', {
      projectRoot: props.projectRoot,
      entry: 'functions/streams/payments.ts',
      code: props.code,
      environment: { ...props.environment, ...this.secretEnvironment() },
      paramsAndSecrets: this.layer,
      // A batch of 5 provider calls, each with the SDK's own retries (10 s timeout).
      timeoutSeconds: 120,
    });
    props.table.grant(this.consumer.fn, ...TABLE_WRITE);
    this.keys.grantRead(this.consumer.role);

    this.failures = new sqs.Queue(this, 'Failures', { encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
    Validations.of(this.failures).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter destination of the payments stream mapping; nothing consumes it. An alarm fires on its first message.',
    });
    addStreamSource(this.consumer, props.table, consumerNamed('payments'), this.failures);
    this.alarm = new cloudwatch.Alarm(this, 'UnsentRefunds', {
      alarmDescription: 'Card refunds the payments function gave up sending to the provider. Inspect the queue, fix, replay.',
      metric: this.failures.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }

  /** What a function needs to find the keys: the secret's ARN, not its value. */
  secretEnvironment(): Record<string, string> {
    return { STRIPE_SECRET_ID: this.keys.secretArn };
  }

  /** The stack's alarm topic, once it exists (created with the notify construct). */
  alarmTo(topic: sns.ITopic | undefined): void {
    if (topic) this.alarm.addAlarmAction(new cwActions.SnsAction(topic));
  }

  /** Lets an HTTP function (the webhook) read the keys. */
  grantKeys(fn: AppFunction): void {
    this.keys.grantRead(fn.role);
  }
}
