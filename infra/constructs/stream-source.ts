// How every stream consumer (infra/streams.ts STREAM_CONSUMERS) is attached to
// the table's stream: its filters and batching, bisect on error, partial batch
// responses, a maximum record age, and an S3 on-failure destination that keeps
// each failed batch whole (the records themselves, not only their position in
// a stream that forgets them after 24 h): `npm run replay -- s3://…` replays one.
import { type CfnElement, Duration, Stack, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { MAX_RECORD_AGE_SECONDS, type StreamConsumer } from '#infra/streams';
import type { AppFunction } from './app-function.ts';

/**
 * The bucket as the mapping's on-failure destination, granted exactly what Lambda
 * needs to write a failed batch there (PutObject, and ListBucket to check the
 * bucket), not the read-write set CDK's S3OnFailureDestination grants.
 */
const s3Destination = (bucket: s3.IBucket): lambda.IEventSourceDlq => ({
  bind: (_mapping, fn) => {
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: [bucket.arnForObjects('*')] }));
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }));
    return { destination: bucket.bucketArn };
  },
});

export const addStreamSource = (fn: AppFunction, table: dynamodb.ITable, consumer: StreamConsumer, failures: s3.IBucket): DynamoEventSource => {
  const source = new DynamoEventSource(table, {
    // From the oldest record the stream still holds: a (re)deployed
    // consumer must not skip changes made while it was away.
    startingPosition: lambda.StartingPosition.TRIM_HORIZON,
    filters: consumer.filterPatterns.map((pattern) => lambda.FilterCriteria.filter(pattern)),
    batchSize: consumer.batch.batchSize,
    maxBatchingWindow: Duration.seconds(consumer.batch.maxBatchingWindowSeconds),
    retryAttempts: consumer.batch.retryAttempts,
    // A record stuck this long stops holding its shard up: it goes to S3, whole, for a replay.
    maxRecordAge: Duration.seconds(MAX_RECORD_AGE_SECONDS),
    bisectBatchOnError: true,
    reportBatchItemFailures: true,
    onFailure: s3Destination(failures),
  });
  fn.fn.addEventSource(source);
  // CDK grants dynamodb:ListStreams on `*` for stream event sources.
  const listStreams =
    'dynamodb:ListStreams supports no resource-level permissions (it must be granted on *); the event source mapping needs it. Every other stream action is scoped to the table stream ARN.';
  Validations.of(fn.role).acknowledge({ id: 'AwsSolutions-IAM5[Resource::*]', reason: listStreams });
  Validations.of(fn.role).acknowledge({ id: 'Serverless-LambdaStarPermissions', reason: listStreams });
  Validations.of(fn.role).acknowledge({
    id: `AwsSolutions-IAM5[Resource::<${Stack.of(failures).getLogicalId(failures.node.defaultChild as CfnElement)}.Arn>/*]`,
    reason:
      'Lambda names each failed batch itself (aws/lambda/<mapping id>/<shard>/<date>/…), so the narrowest fixed scope is the failures bucket; only s3:PutObject is allowed there.',
  });
  return source;
};
