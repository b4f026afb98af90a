// Who hears about trouble, and where the shop's flows are watched: one SNS
// topic (always; `alarmEmail` subscribes to it), an alarm on every function's
// errors, throttles and p99 duration, the API's 5xx and latency, each stream
// consumer's iterator age, each queue's oldest message and dead letters, SES's
// bounce and complaint rates, and the payment provider's mismatched events (a
// metric filter on the log line `provider event mismatch`); and one dashboard
// of orders, returns, refunds, emails and webhook deliveries.
import { Duration, Validations } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { type BusinessMetric, METRICS_NAMESPACE } from '#shared/adapters/metrics';
import type { AppFunction } from './app-function.ts';
import { deadLetterQueue } from './events.ts';

/** The log message another part of the system writes when a provider's event does not match what was sent. */
export const PROVIDER_MISMATCH_MESSAGE = 'provider event mismatch';

export interface ObservedQueue {
  readonly name: string;
  readonly queue: sqs.IQueue;
  readonly deadLetters: readonly sqs.IQueue[];
  /** Oldest message older than this: the consumer is not keeping up (or is failing). */
  readonly maxAge: Duration;
}

export interface ObservabilityProps {
  readonly alarmEmail: string | undefined;
  readonly serviceName: string;
  /** Every function, by a short name. */
  readonly functions: Readonly<Record<string, AppFunction>>;
  /** The stream consumers, by name (iterator age). */
  readonly streamConsumers: Readonly<Record<string, AppFunction>>;
  readonly api: apigwv2.HttpApi;
  readonly queues: readonly ObservedQueue[];
  /** Functions that log provider events (the webhook and the payments consumer). */
  readonly providerLogs: readonly AppFunction[];
}

const FIVE_MINUTES = Duration.minutes(5);

export class Observability extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Alarms', { enforceSSL: true, displayName: 'aftersales alarms' });
    Validations.of(this.topic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason: 'Alarm notifications carry alarm names and states only, no customer data; SSE would need a customer managed key CloudWatch may use.',
    });
    if (props.alarmEmail) {
      // An email the topic could not deliver is kept (SNS redrive) rather than lost.
      const undelivered = deadLetterQueue(this, 'UndeliveredAlarms');
      this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail, { deadLetterQueue: undelivered }));
    }

    const alarm = (alarmId: string, description: string, metric: cloudwatch.IMetric, threshold = 1, periods = 1): cloudwatch.Alarm => {
      const created = new cloudwatch.Alarm(this, alarmId, {
        alarmDescription: description,
        metric,
        threshold,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: periods,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(new cwActions.SnsAction(this.topic));
      this.alarms.push(created);
      return created;
    };

    for (const [name, fn] of Object.entries(props.functions)) {
      const timeout = fn.fn.timeout?.toMilliseconds() ?? 10_000;
      alarm(`${name}-errors`, `${name}: failed invocations.`, fn.fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }));
      alarm(`${name}-throttles`, `${name}: throttled invocations (concurrency exhausted).`, fn.fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' }));
      alarm(
        `${name}-p99-duration`,
        `${name}: p99 duration above 80% of its timeout for 15 minutes.`,
        fn.fn.metricDuration({ period: FIVE_MINUTES, statistic: 'p99' }),
        Math.round(timeout * 0.8),
        3,
      );
    }
    for (const [name, fn] of Object.entries(props.streamConsumers)) {
      alarm(
        `${name}-iterator-age`,
        `${name}: the oldest stream record waits over 5 minutes (failing or slow; records older than the maximum age go to the failures bucket).`,
        fn.fn.metric('IteratorAge', { period: FIVE_MINUTES, statistic: 'Maximum' }),
        5 * 60 * 1000,
      );
    }
    alarm('api-5xx', 'API: 5 or more 5xx answers in 5 minutes.', props.api.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' }), 5);
    alarm('api-latency', 'API: p99 latency above 3 s for 15 minutes.', props.api.metricLatency({ period: FIVE_MINUTES, statistic: 'p99' }), 3000, 3);
    for (const q of props.queues) {
      alarm(
        `${q.name}-age`,
        `${q.name}: the oldest message waits too long.`,
        q.queue.metricApproximateAgeOfOldestMessage({ period: FIVE_MINUTES, statistic: 'Maximum' }),
        q.maxAge.toSeconds(),
      );
      q.deadLetters.forEach((dlq, i) => {
        alarm(
          `${q.name}-dead-letters${i === 0 ? '' : `-${i + 1}`}`,
          `${q.name}: messages given up on. Inspect the dead-letter queue, fix, redrive.`,
          dlq.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, statistic: 'Maximum' }),
        );
      });
    }
    const ses = (metricName: string) => new cloudwatch.Metric({ namespace: 'AWS/SES', metricName, period: Duration.hours(1), statistic: 'Maximum' });
    // SES reviews an account at 5% bounces or 0.1% complaints; the alarms fire well before.
    alarm('ses-bounce-rate', 'SES: bounce rate above 2% (SES reviews the account at 5%).', ses('Reputation.BounceRate'), 0.02);
    alarm('ses-complaint-rate', 'SES: complaint rate above 0.05% (SES reviews the account at 0.1%).', ses('Reputation.ComplaintRate'), 0.0005);

    const mismatch = new cloudwatch.Metric({ namespace: METRICS_NAMESPACE, metricName: 'ProviderEventMismatch', period: FIVE_MINUTES, statistic: 'Sum' });
    props.providerLogs.forEach((fn, i) => {
      new logs.MetricFilter(this, `ProviderMismatch${i}`, {
        logGroup: fn.logGroup,
        filterPattern: logs.FilterPattern.literal(`"${PROVIDER_MISMATCH_MESSAGE}"`),
        metricNamespace: METRICS_NAMESPACE,
        metricName: 'ProviderEventMismatch',
        metricValue: '1',
      });
    });
    alarm(
      'provider-event-mismatch',
      'A payment provider event did not match what was sent (id, amount or currency): investigate before settling by hand.',
      mismatch,
    );

    const business = (name: BusinessMetric) =>
      new cloudwatch.Metric({
        namespace: METRICS_NAMESPACE,
        metricName: name,
        dimensionsMap: { service: props.serviceName },
        period: FIVE_MINUTES,
        statistic: 'Sum',
      });
    const invocations = (name: string) => props.functions[name]?.fn.metricInvocations({ period: FIVE_MINUTES, statistic: 'Sum', label: `${name} requests` });
    const graph = (title: string, left: (cloudwatch.IMetric | undefined)[]) =>
      new cloudwatch.GraphWidget({ title, width: 8, left: left.filter((m): m is cloudwatch.IMetric => m !== undefined) });
    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', { defaultInterval: Duration.days(1) });
    this.dashboard.addWidgets(
      graph('Orders', [invocations('orders'), invocations('cancellations')]),
      graph('Returns', [invocations('returns'), invocations('attachments')]),
      graph('Refunds', [business('RefundsCreated'), business('RefundsFailed'), mismatch]),
    );
    this.dashboard.addWidgets(
      graph('Emails', [business('EmailsSent'), ses('Reputation.BounceRate'), ses('Reputation.ComplaintRate')]),
      graph('Webhook deliveries', [
        business('DeliveriesFailed'),
        ...props.queues.map((q) => q.queue.metricApproximateAgeOfOldestMessage({ period: FIVE_MINUTES, statistic: 'Maximum', label: `${q.name} oldest (s)` })),
      ]),
      graph('API', [
        props.api.metricCount({ period: FIVE_MINUTES, statistic: 'Sum' }),
        props.api.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' }),
      ]),
    );
    this.dashboard.addWidgets(new cloudwatch.AlarmStatusWidget({ title: 'Alarms', width: 24, alarms: this.alarms }));
  }
}
