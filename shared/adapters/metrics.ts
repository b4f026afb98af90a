// Business metrics (Powertools Metrics: CloudWatch embedded metric format on
// stdout, no API call), counted by the consumers where the thing happened once:
// a refund created or a transaction failed (its integration event published),
// an email sent, a webhook attempt failed. The dashboard and alarms read them
// (infra/constructs/observability.ts). Locally POWERTOOLS_METRICS_DISABLED keeps
// them off the console.
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { env } from './env.ts';

export const METRICS_NAMESPACE = 'Aftersales';

export const BUSINESS_METRICS = ['RefundsCreated', 'RefundsFailed', 'EmailsSent', 'DeliveriesFailed'] as const;
export type BusinessMetric = (typeof BUSINESS_METRICS)[number];

const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: env.serviceName });

export const count = (name: BusinessMetric): void => {
  metrics.addMetric(name, MetricUnit.Count, 1);
};

/** Writes what this invocation counted (nothing when it counted nothing). */
export const flushMetrics = (): void => {
  if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
};
