// Stream → email: the table's stream feeds functions/streams/notify.ts through
// the filters in infra/streams.ts; records that still fail after the retries
// land in an SQS queue with an alarm. SES sends from one verified identity.
import { Duration, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { consumerNamed } from '#infra/streams';
import { AppFunction, type CodeMode } from './app-function.ts';
import { addStreamSource } from './stream-source.ts';
import { TABLE_WRITE } from './table-access.ts';

export interface NotifyProps {
  readonly projectRoot: string;
  readonly code: CodeMode;
  readonly table: dynamodb.ITable;
  readonly environment: Readonly<Record<string, string>>;
  readonly fromAddress: string;
  readonly sesDomain: string | undefined;
  readonly alarmEmail: string | undefined;
}

export class Notify extends Construct {
  readonly fn: AppFunction;
  readonly failures: sqs.Queue;
  readonly identity: ses.EmailIdentity;
  readonly alarms: readonly cloudwatch.Alarm[];
  /** Where alarms notify (with `alarmEmail`); other constructs' alarms go there too. */
  readonly alarmTopic: sns.Topic | undefined;

  constructor(scope: Construct, id: string, props: NotifyProps) {
    super(scope, id);

    // A domain identity lets any address of the domain send (including an
    // admin-set `notifications.fromAddress`); an address identity only itself.
    this.identity = new ses.EmailIdentity(this, 'Identity', {
      identity: props.sesDomain ? ses.Identity.domain(props.sesDomain) : ses.Identity.email(props.fromAddress),
    });

    this.fn = new AppFunction(this, 'Notify', {
      projectRoot: props.projectRoot,
      entry: 'functions/streams/notify.ts',
      code: props.code,
      environment: props.environment,
      // A batch of 25 records may back off on SES throttling (adaptive retries up
      // to ~20 s per send); emails already sent are skipped when it resumes.
      timeoutSeconds: 60,
    });
    // Idempotency markers (in-progress → sent) and the records the emails describe.
    props.table.grant(this.fn.fn, ...TABLE_WRITE);
    this.fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['ses:SendEmail'], resources: [this.identity.emailIdentityArn] }));

    this.failures = new sqs.Queue(this, 'Failures', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // The longest SQS allows: time to find the cause and replay by hand.
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.failures).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter destination of the notify stream mapping (on-failure records after its retries); nothing consumes it, so it has no redrive of its own. An alarm fires on its first message.',
    });

    addStreamSource(this.fn, props.table, consumerNamed('notify'), this.failures);

    const failed = new cloudwatch.Alarm(this, 'FailedNotifications', {
      alarmDescription: 'Stream records the notify function gave up on (emails not sent). Inspect the queue, fix, replay.',
      metric: this.failures.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    const errors = new cloudwatch.Alarm(this, 'NotifyErrors', {
      alarmDescription: 'The notify function failed invocations (SES or table errors); retries and bisection are under way.',
      metric: this.fn.fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    this.alarms = [failed, errors];

    this.alarmTopic = props.alarmEmail ? new sns.Topic(this, 'Alarms', { enforceSSL: true }) : undefined;
    if (this.alarmTopic && props.alarmEmail) {
      this.alarmTopic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
      for (const alarm of this.alarms) alarm.addAlarmAction(new cwActions.SnsAction(this.alarmTopic));
    }
  }
}
