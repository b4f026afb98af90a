// The synthesized template against DESIGN.md "In AWS": the stream consumers,
// least privilege and cdk-nag with the default context, then the stack with an
// external OIDC issuer and an SES domain (stack.test.ts: routes, auth, functions, data).
import { Match } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '#infra/app';
import { queueConsumerNamed } from '#infra/queues';
import { HTTP_FUNCTIONS } from '#infra/routes';
import { FUNCTION_ACCESS } from '#infra/stack';
import { MAX_RECORD_AGE_SECONDS, NOTIFY_BATCH, NOTIFY_FILTER_PATTERNS } from '#infra/streams';
import { CARD_REFUNDS_DUE } from '#shared/domain/card-refunds-due';
import { EXCHANGE_CHECKOUT_DUE } from '#shared/domain/exchange-checkout-due';
import { asArray, logicalId, type Statement, synth } from './stack-synth.ts';

describe('AftersalesStack (Cognito, default context)', () => {
  let s: ReturnType<typeof synth>;
  beforeAll(() => {
    s = synth();
  });

  describe('stream consumer', () => {
    it('filters, bisects, reports partial failures, ages records out and keeps failed batches whole in S3', () => {
      s.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: NOTIFY_BATCH.batchSize,
        MaximumBatchingWindowInSeconds: NOTIFY_BATCH.maxBatchingWindowSeconds,
        MaximumRetryAttempts: NOTIFY_BATCH.retryAttempts,
        BisectBatchOnFunctionError: true,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        FilterCriteria: { Filters: NOTIFY_FILTER_PATTERNS.map((p) => ({ Pattern: JSON.stringify(p) })) },
        MaximumRecordAgeInSeconds: MAX_RECORD_AGE_SECONDS,
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [logicalId(s.stack, s.stack.data.streamFailures), 'Arn'] } } },
        FunctionName: { Ref: logicalId(s.stack, s.stack.notify.fn.fn) },
      });
      s.template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Errors', Namespace: 'AWS/Lambda' });
      s.template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'no-reply@example.com' });
    });

    it('sends card refunds and exchange payment pages from an SQS consumer fed by a bus rule; the Stripe keys come from Secrets Manager, readable by the payments functions only', () => {
      const { payments } = s.stack;
      const { batchSize, maxReceiveCount } = queueConsumerNamed('payments');
      s.template.hasResourceProperties('AWS::Events::Rule', {
        EventBusName: { Ref: logicalId(s.stack, s.stack.events.bus) },
        EventPattern: { source: [CARD_REFUNDS_DUE.source], 'detail-type': [CARD_REFUNDS_DUE.detailType, EXCHANGE_CHECKOUT_DUE.detailType] },
        Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [logicalId(s.stack, payments.queue), 'Arn'] } })],
      });
      s.template.hasResourceProperties('AWS::SQS::Queue', {
        RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [logicalId(s.stack, payments.deadLetters), 'Arn'] }, maxReceiveCount },
      });
      s.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        EventSourceArn: { 'Fn::GetAtt': [logicalId(s.stack, payments.queue), 'Arn'] },
        BatchSize: batchSize,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        FunctionName: { Ref: logicalId(s.stack, payments.consumer.fn) },
      });
      const secret = logicalId(s.stack, payments.keys);
      for (const fn of [payments.consumer.fn, s.stack.functions.payments.fn]) {
        const variables = (s.resources[logicalId(s.stack, fn)]?.Properties.Environment as { Variables: Record<string, unknown> } | undefined)?.Variables ?? {};
        expect(variables.STRIPE_SECRET_ID).toEqual({ Ref: secret });
        expect(variables).not.toHaveProperty('STRIPE_SECRET_KEY');
        expect(s.resources[logicalId(s.stack, fn)]?.Properties.Layers).toHaveLength(1);
      }
      const readers = Object.values(s.resources)
        // Policies that may read the Stripe keys (the webhook secrets' sealing key has its own readers).
        .filter((r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties).includes('secretsmanager:GetSecretValue'))
        .filter((r) => JSON.stringify(r.Properties).includes(`"${secret}"`))
        .flatMap((r) => r.Properties.Roles as unknown[]);
      expect(readers).toEqual(
        expect.arrayContaining([{ Ref: logicalId(s.stack, payments.consumer.role) }, { Ref: logicalId(s.stack, s.stack.functions.payments.role) }]),
      );
      expect(readers).toHaveLength(2);
    });
  });

  describe('least privilege', () => {
    const identityPolicies = () =>
      Object.entries(s.resources)
        .filter(([, r]) => r.Type === 'AWS::IAM::Policy')
        .map(([id, r]) => ({
          id,
          roles: (r.Properties.Roles as { Ref: string }[]).map((x) => x.Ref),
          statements: (r.Properties.PolicyDocument as { Statement: Statement[] }).Statement,
        }));

    it('no Allow statement anywhere grants `*` or a whole service (`dynamodb:*`)', () => {
      const docs = Object.values(s.resources).flatMap((r) => {
        const p = r.Properties;
        // Role inline policies (a user pool's `Policies` is its password policy).
        const inline = r.Type === 'AWS::IAM::Role' ? ((p.Policies as { PolicyDocument: unknown }[] | undefined) ?? []).map((x) => x.PolicyDocument) : [];
        return [p.PolicyDocument, ...inline].filter(Boolean) as { Statement: Statement[] }[];
      });
      expect(docs.length).toBeGreaterThan(0);
      for (const doc of docs) {
        for (const st of doc.Statement.filter((x) => x.Effect === 'Allow')) {
          for (const action of asArray(st.Action)) {
            expect(action).not.toBe('*');
            expect(action).not.toMatch(/^[\w-]+:\*$/);
          }
        }
      }
    });

    it('uses no AWS managed policies', () => {
      for (const r of Object.values(s.resources).filter((x) => x.Type === 'AWS::IAM::Role')) {
        expect(r.Properties.ManagedPolicyArns).toBeUndefined();
      }
    });

    it('S3 only for the functions that handle attachments, only their actions, only under attachments/', () => {
      const expected = HTTP_FUNCTIONS.filter((name) => FUNCTION_ACCESS[name].objects.length > 0);
      // attachments (presigned POST/GET) and returns (binding: HeadObject + re-tag), nothing else.
      expect([...expected].sort()).toEqual(['attachments', 'returns']);
      const s3Statements = (p: ReturnType<typeof identityPolicies>[number]) => p.statements.filter((st) => asArray(st.Action).some((a) => a.startsWith('s3:')));
      // Besides CDK's deploy-time copy of the web app into its own bucket (infra/constructs/web-app.ts).
      const publishRole = logicalId(s.stack, s.stack.web.publishRole ?? s.stack.web);
      // And the stream consumers, which may only put failed batches into the failures bucket (its own test below).
      const streamRoles = [s.stack.notify.fn.role, s.stack.events.consumer.role].map((role) => logicalId(s.stack, role));
      const withS3 = identityPolicies().filter(
        (p) => s3Statements(p).length > 0 && !p.roles.includes(publishRole) && !p.roles.some((r) => streamRoles.includes(r)),
      );
      expect(withS3.flatMap((p) => p.roles).sort()).toEqual(expected.map((name) => logicalId(s.stack, s.stack.functions[name].role)).sort());
      for (const name of expected) {
        const role = logicalId(s.stack, s.stack.functions[name].role);
        const statements = withS3.filter((p) => p.roles.includes(role)).flatMap(s3Statements);
        expect(statements, name).toHaveLength(1);
        expect(asArray(statements[0]?.Action ?? []).sort(), name).toEqual([...FUNCTION_ACCESS[name].objects].sort());
        expect(JSON.stringify(statements[0]?.Resource), name).toMatch(/"\/attachments\/\*"\]\]\}$/);
      }
    });

    it('SES SendEmail only for notify, only on the identity', () => {
      const notifyRole = logicalId(s.stack, s.stack.notify.fn.role);
      const withSes = identityPolicies().filter((p) => p.statements.some((st) => asArray(st.Action).some((a) => a.startsWith('ses:'))));
      expect(withSes.flatMap((p) => p.roles)).toEqual([notifyRole]);
      const st = withSes[0]?.statements.find((x) => asArray(x.Action).some((a) => a.startsWith('ses:')));
      expect(st?.Action).toBe('ses:SendEmail');
      expect(JSON.stringify(st?.Resource)).toContain(`:identity/`);
    });

    it('the table only for functions that use it, read-only where nothing is written', () => {
      const dynamoActions = (role: string) =>
        identityPolicies()
          .filter((p) => p.roles.includes(role))
          .flatMap((p) => p.statements.flatMap((st) => asArray(st.Action)))
          .filter((a) => a.startsWith('dynamodb:'));
      const writes = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem'];
      for (const name of HTTP_FUNCTIONS) {
        const actions = dynamoActions(logicalId(s.stack, s.stack.functions[name].role));
        const access = FUNCTION_ACCESS[name].table;
        if (access === 'none') expect(actions, name).toEqual([]);
        if (access === 'read')
          expect(
            actions.filter((a) => writes.includes(a)),
            name,
          ).toEqual([]);
        if (access === 'readWrite') expect(actions, name).toEqual(expect.arrayContaining(writes));
        if (access !== 'none') expect(actions, name).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
        // Every list is a Query: IAM refuses a Scan.
        expect(actions, name).not.toContain('dynamodb:Scan');
      }
      expect(FUNCTION_ACCESS.meta.table).toBe('none');
      expect(dynamoActions(logicalId(s.stack, s.stack.notify.fn.role))).toEqual(expect.arrayContaining(writes));
    });
  });

  describe('cdk-nag AwsSolutions', () => {
    it('has no unacknowledged finding', () => {
      const report = s.nag.validateScope(s.app);
      const findings = report.violations.map((v) => `${v.severity} ${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);
      expect(findings).toEqual([]);
      expect(report.success).toBe(true);
    });

    it('is really checking (an unhardened bucket is reported)', () => {
      const probe = buildApp({ code: 'stub' });
      new s3.Bucket(probe.stack, 'Probe');
      const rules = probe.nag.validateScope(probe.app).violations.map((v) => v.ruleName);
      expect(rules).toEqual(expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10']));
    });
  });
});

describe('AftersalesStack (external OIDC issuer, SES domain)', () => {
  let s: ReturnType<typeof synth>;
  beforeAll(() => {
    s = synth({
      jwtIssuer: 'https://id.example.com/',
      jwtAudience: 'aftersales-api, storefront',
      sesDomain: 'shop.example.com',
      storefrontOrigins: 'https://shop.example.com,https://www.shop.example.com',
      alarmEmail: 'ops@example.com',
    });
  });

  it('builds no user pool and trusts the configured issuer and audience', () => {
    s.template.resourceCountIs('AWS::Cognito::UserPool', 0);
    s.template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      JwtConfiguration: { Issuer: 'https://id.example.com/', Audience: ['aftersales-api', 'storefront'] },
    });
  });

  it('verifies the domain, sends from an address on it, and restricts CORS to the origins', () => {
    s.template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'shop.example.com' });
    const fromAddresses = Object.entries(s.resources)
      .filter(([id, r]) => r.Type === 'AWS::Lambda::Function' && !id.startsWith('CustomCDKBucketDeployment'))
      .map(([, r]) => (r.Properties.Environment as { Variables: Record<string, unknown> }).Variables.FROM_ADDRESS)
      // The events functions send no email and carry no sender.
      .filter((address) => address !== undefined);
    expect(new Set(fromAddresses)).toEqual(new Set(['no-reply@shop.example.com']));
    // The configured origins, plus the web app's own (it calls the API from its CloudFront domain).
    const appOrigin = { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [logicalId(s.stack, s.stack.web.distribution), 'DomainName'] }]] };
    s.template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: { AllowOrigins: ['https://shop.example.com', 'https://www.shop.example.com', appOrigin] },
    });
  });

  it('notifies the alarm address and still passes cdk-nag', () => {
    s.template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.com' });
    // Every alarm (observability.test.ts lists them) goes to the one topic.
    const topic = logicalId(s.stack, s.stack.observability.topic);
    s.template.allResourcesProperties('AWS::CloudWatch::Alarm', { AlarmActions: [{ Ref: topic }] });
    expect(s.nag.validateScope(s.app).violations).toEqual([]);
  });

  it('refuses a from address outside the SES domain', () => {
    expect(() => buildApp({ code: 'stub', context: { sesDomain: 'shop.example.com', fromAddress: 'x@other.example' } })).toThrow(/sesDomain/);
  });
});
