// The events slice in the synthesized template: the bus, the events stream
// consumer, the delivery queue and function, the key of the sealed secrets,
// and least-privilege grants on each. Stub code, like stack.test.ts.

import type { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '#infra/app';
import { HTTP_FUNCTIONS } from '#infra/routes';
import { EVENTS_BATCH } from '#infra/streams';

type Resources = Record<string, { Type: string; Properties: Record<string, unknown> }>;
interface Statement {
  Effect: string;
  Action: string | string[];
  Resource?: unknown;
}
const asArray = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);
const logicalId = (stack: Stack, construct: { node: { defaultChild?: unknown } }): string => stack.getLogicalId(construct.node.defaultChild as never);

let s: ReturnType<typeof buildApp> & { template: Template; resources: Resources };
beforeAll(() => {
  const built = buildApp({ code: 'stub' });
  const template = Template.fromStack(built.stack);
  s = { ...built, template, resources: template.toJSON().Resources as Resources };
});

describe('events and webhooks', () => {
  const id = (c: { node: { defaultChild?: unknown } }) => logicalId(s.stack, c);
  const policiesOf = (role: string) =>
    Object.values(s.resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy' && (r.Properties.Roles as { Ref: string }[]).some((x) => x.Ref === role))
      .flatMap((r) => (r.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
  const actionsOn = (role: string, resource: string) =>
    policiesOf(role)
      .filter((st) => JSON.stringify(st.Resource).includes(resource))
      .flatMap((st) => asArray(st.Action))
      .filter((a, i, all) => all.indexOf(a) === i)
      .sort();

  it('a custom bus, and a stream consumer with its own mapping, failed batches kept in S3, and alarms', () => {
    s.template.resourceCountIs('AWS::Events::EventBus', 1);
    s.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: EVENTS_BATCH.batchSize,
      MaximumRetryAttempts: EVENTS_BATCH.retryAttempts,
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [id(s.stack.data.streamFailures), 'Arn'] } } },
      FunctionName: { Ref: id(s.stack.events.consumer.fn) },
    });
    const consumer = s.resources[id(s.stack.events.consumer.fn)]?.Properties;
    expect(consumer?.Environment).toMatchObject({
      Variables: { EVENT_BUS_NAME: { Ref: id(s.stack.events.bus) }, WEBHOOK_QUEUE_URL: { Ref: id(s.stack.events.queue) } },
    });
    for (const queue of [s.stack.events.deadLetters])
      s.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [id(queue), 'QueueName'] } }],
        Threshold: 1,
      });
  });

  it('the delivery queue: encrypted, a DLQ past the retries, consumed with partial batch failures', () => {
    s.template.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      VisibilityTimeout: 360,
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [id(s.stack.events.deadLetters), 'Arn'] }, maxReceiveCount: 20 },
    });
    s.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [id(s.stack.events.queue), 'Arn'] },
      FunctionName: { Ref: id(s.stack.events.delivery.fn) },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 10 },
    });
    const delivery = s.resources[id(s.stack.events.delivery.fn)]?.Properties;
    expect(delivery?.Environment).toMatchObject({ Variables: { WEBHOOK_KEY_SECRET_ARN: { Ref: id(s.stack.events.signingKey) } } });
    expect(JSON.stringify(delivery?.Environment)).not.toContain('WEBHOOKS_ALLOW_LOCAL_HTTP');
  });

  it('least privilege: each function only what it calls, on exactly its resource', () => {
    const bus = id(s.stack.events.bus);
    const queue = id(s.stack.events.queue);
    const key = id(s.stack.events.signingKey);
    const consumer = id(s.stack.events.consumer.role);
    const delivery = id(s.stack.events.delivery.role);
    const admin = id(s.stack.functions.webhooks.role);
    expect(actionsOn(consumer, bus)).toEqual(['events:PutEvents']);
    expect(actionsOn(consumer, queue)).toEqual(['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage']);
    expect(actionsOn(consumer, key)).toEqual([]);
    expect(actionsOn(delivery, queue)).toEqual([
      'sqs:ChangeMessageVisibility',
      'sqs:DeleteMessage',
      'sqs:GetQueueAttributes',
      'sqs:GetQueueUrl',
      'sqs:ReceiveMessage',
      'sqs:SendMessage',
    ]);
    expect(actionsOn(delivery, key)).toEqual(['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue']);
    expect(actionsOn(delivery, bus)).toEqual([]);
    expect(actionsOn(admin, queue)).toEqual(['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage']);
    expect(actionsOn(admin, key)).toEqual(['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue']);
    // Nobody else touches the bus, the queue or the key; the credit function only reads the key (it seals a new gift card's code in its remembered answer).
    for (const name of HTTP_FUNCTIONS.filter((n) => n !== 'webhooks')) {
      const role = id(s.stack.functions[name].role);
      expect([...actionsOn(role, bus), ...actionsOn(role, queue)], name).toEqual([]);
      expect(actionsOn(role, key), name).toEqual(name === 'credit' ? ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'] : []);
    }
  });
});
