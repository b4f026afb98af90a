// How every stream consumer (infra/streams.ts STREAM_CONSUMERS) is attached to
// the table's stream: its filters and batching, bisect on error, partial batch
// responses, and an SQS on-failure destination for what still fails.
import { Duration, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { StreamConsumer } from '#infra/streams';
import type { AppFunction } from './app-function.ts';

export const addStreamSource = (fn: AppFunction, table: dynamodb.ITable, consumer: StreamConsumer, failures: sqs.IQueue): void => {
  fn.fn.addEventSource(
    new DynamoEventSource(table, {
      // From the oldest record the stream still holds: a (re)deployed
      // consumer must not skip changes made while it was away.
      startingPosition: lambda.StartingPosition.TRIM_HORIZON,
      filters: consumer.filterPatterns.map((pattern) => lambda.FilterCriteria.filter(pattern)),
      batchSize: consumer.batch.batchSize,
      maxBatchingWindow: Duration.seconds(consumer.batch.maxBatchingWindowSeconds),
      retryAttempts: consumer.batch.retryAttempts,
      bisectBatchOnError: true,
      reportBatchItemFailures: true,
      onFailure: new SqsDlq(failures),
    }),
  );
  // CDK grants dynamodb:ListStreams on `*` for stream event sources.
  Validations.of(fn.role).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason:
      'dynamodb:ListStreams supports no resource-level permissions (it must be granted on *); the event source mapping needs it. Every other stream action is scoped to the table stream ARN.',
  });
};
