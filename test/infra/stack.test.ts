// The synthesized template against DESIGN.md "In AWS" and infra/routes.ts.
// Functions use stub code here (no esbuild, no entry files needed), so this
// suite is fast and independent of functions/; bundle.test.ts bundles for real.
import type { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '#infra/app';
import { HTTP_FUNCTIONS, type Route, routeKey, routes } from '#infra/routes';
import { FUNCTION_ACCESS } from '#infra/stack';
import { NOTIFY_BATCH, NOTIFY_FILTER_PATTERNS, PAYMENTS_BATCH, PAYMENTS_FILTER_PATTERNS } from '#infra/streams';
import { TABLE } from '#infra/table';
import { PENDING_TAG } from '#shared/domain/attachment';

// Every resource this stack makes has Properties.
type Resources = Record<string, { Type: string; Properties: Record<string, unknown>; [k: string]: unknown }>;
interface Statement {
  Effect: string;
  Action: string | string[];
  Resource?: unknown;
}

const asArray = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);

const synth = (context?: Record<string, unknown>) => {
  const built = buildApp({ code: 'stub', ...(context ? { context } : {}) });
  // Synthesis runs the validation plugins: an unacknowledged nag error throws here.
  const template = Template.fromStack(built.stack);
  return { ...built, template, resources: template.toJSON().Resources as Resources };
};

const logicalId = (stack: Stack, construct: { node: { defaultChild?: unknown } }): string => stack.getLogicalId(construct.node.defaultChild as never);

describe('AftersalesStack (Cognito, default context)', () => {
  let s: ReturnType<typeof synth>;
  beforeAll(() => {
    s = synth();
  });

  describe('routes', () => {
    it('every route in infra/routes.ts exists once, integrated with its function', () => {
      const apiRoutes = Object.values(s.resources).filter((r) => r.Type === 'AWS::ApiGatewayV2::Route');
      expect(apiRoutes).toHaveLength(routes.length);

      for (const route of routes as readonly Route[]) {
        const matches = apiRoutes.filter((r) => r.Properties.RouteKey === routeKey(route));
        expect(matches, routeKey(route)).toHaveLength(1);
        const target = JSON.stringify(matches[0]?.Properties.Target);
        const integrationId = /"Ref":"([^"]+)"/.exec(target)?.[1];
        expect(target, routeKey(route)).toContain('integrations/');
        const integration = s.resources[integrationId ?? ''];
        expect(integration?.Type).toBe('AWS::ApiGatewayV2::Integration');
        const fnId = logicalId(s.stack, s.stack.functions[route.fn].fn);
        expect(integration?.Properties.IntegrationUri, routeKey(route)).toEqual({ 'Fn::GetAtt': [fnId, 'Arn'] });
      }
    });

    it('has the JWT authorizer exactly on non-public routes', () => {
      const apiRoutes = Object.values(s.resources).filter((r) => r.Type === 'AWS::ApiGatewayV2::Route');
      for (const route of routes as readonly Route[]) {
        const props = apiRoutes.find((r) => r.Properties.RouteKey === routeKey(route))?.Properties ?? {};
        if (route.roles.includes('public')) {
          expect(props.AuthorizationType, routeKey(route)).toBe('NONE');
          expect(props.AuthorizerId, routeKey(route)).toBeUndefined();
        } else {
          expect(props.AuthorizationType, routeKey(route)).toBe('JWT');
          expect(props.AuthorizerId, routeKey(route)).toBeDefined();
        }
      }
      s.template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
        AuthorizerType: 'JWT',
        IdentitySource: ['$request.header.Authorization'],
        JwtConfiguration: {
          Issuer: { 'Fn::GetAtt': [Match.anyValue(), 'ProviderURL'] },
          // The storefront (client credentials) and web app clients.
          Audience: [{ Ref: Match.anyValue() }, { Ref: Match.anyValue() }],
        },
      });
    });

    it('throttles the stage and each route, and writes JSON access logs with the request id', () => {
      const stage = Object.values(s.resources).find((r) => r.Type === 'AWS::ApiGatewayV2::Stage');
      const props = stage?.Properties ?? {};
      expect(props.StageName).toBe('$default');
      expect(props.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: expect.any(Number), ThrottlingBurstLimit: expect.any(Number) });
      const settings = props.RouteSettings as Record<string, Record<string, number>>;
      expect(Object.keys(settings).sort()).toEqual((routes as readonly Route[]).map(routeKey).sort());
      for (const value of Object.values(settings)) {
        expect(value.ThrottlingRateLimit).toBeGreaterThan(0);
        expect(value.ThrottlingBurstLimit).toBeGreaterThan(0);
      }
      const format = (props.AccessLogSettings as { Format: string }).Format;
      expect(JSON.parse(format)).toMatchObject({ requestId: '$context.requestId' });
    });
  });

  describe('auth', () => {
    it('Cognito: no self sign-up, admin group, orders/write for the storefront machine client', () => {
      s.template.hasResourceProperties('AWS::Cognito::UserPool', {
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        UsernameAttributes: ['email'],
        MfaConfiguration: 'OPTIONAL',
        Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12, RequireSymbols: true }) },
      });
      s.template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'admin' });
      s.template.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', {
        Identifier: 'orders',
        Scopes: [Match.objectLike({ ScopeName: 'write' })],
      });
      s.template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
        AllowedOAuthFlows: ['client_credentials'],
        AllowedOAuthScopes: [{ 'Fn::Join': ['', [{ Ref: Match.anyValue() }, '/write']] }],
        GenerateSecret: true,
        ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
      });
      s.template.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
    });
  });

  describe('functions', () => {
    it('one Node 22 arm64 Lambda per HTTP area plus the notify, events and payments consumers and the webhook delivery', () => {
      // Besides CDK's own deploy-time handler that copies the web app into its bucket.
      const fns = Object.entries(s.resources)
        .filter(([id, r]) => r.Type === 'AWS::Lambda::Function' && !id.startsWith('CustomCDKBucketDeployment'))
        .map(([, r]) => r);
      expect(fns).toHaveLength(HTTP_FUNCTIONS.length + 4);
      for (const fn of fns) {
        expect(fn.Properties).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'], MemorySize: 1024 });
        // HTTP functions answer within 10 s; the notify consumer may back off on SES throttling, the payments one on the provider.
        expect([10, 60, 120]).toContain(fn.Properties.Timeout);
        expect(fn.Properties.LoggingConfig).toMatchObject({ LogGroup: { Ref: expect.any(String) } });
      }
      for (const name of HTTP_FUNCTIONS) {
        const props = s.resources[logicalId(s.stack, s.stack.functions[name].fn)]?.Properties;
        expect(props?.Environment, name).toMatchObject({
          Variables: {
            TABLE_NAME: expect.anything(),
            BUCKET_NAME: expect.anything(),
            FROM_ADDRESS: 'no-reply@example.com',
            // The hosted web app's URL (a CloudFront token here), where emails link.
            STOREFRONT_URL: expect.anything(),
            POWERTOOLS_SERVICE_NAME: 'aftersales',
            NODE_OPTIONS: '--enable-source-maps',
            CORS_ORIGINS: '*',
          },
        });
      }
    });

    it('keeps function logs for a month', () => {
      s.template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
    });
  });

  describe('data', () => {
    it('table: on-demand, PITR, stream, TTL, the GSIs of infra/table.ts, retained', () => {
      s.template.hasResource('AWS::DynamoDB::Table', {
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: {
          KeySchema: [
            { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
            { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
          ],
          BillingMode: 'PAY_PER_REQUEST',
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
          TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
          DeletionProtectionEnabled: true,
          SSESpecification: { SSEEnabled: true },
          GlobalSecondaryIndexes: TABLE.indexes.map((index) => ({
            IndexName: index.name,
            KeySchema: [
              { AttributeName: index.partitionKey, KeyType: 'HASH' },
              { AttributeName: index.sortKey, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          })),
        },
      });
    });

    it('attachments bucket: private, TLS-only, encrypted, CORS for POST, lifecycle, access logs', () => {
      const bucketId = logicalId(s.stack, s.stack.data.bucket);
      expect(s.resources[bucketId]?.Properties).toMatchObject({
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        CorsConfiguration: { CorsRules: [expect.objectContaining({ AllowedMethods: expect.arrayContaining(['POST', 'GET']) })] },
        LoggingConfiguration: { DestinationBucketName: { Ref: expect.any(String) } },
        LifecycleConfiguration: {
          Rules: expect.arrayContaining([
            expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }),
            // Unbound uploads (tagged state=pending until a return binds them) last a day.
            expect.objectContaining({
              Prefix: 'attachments/',
              TagFilters: [{ Key: PENDING_TAG.key, Value: PENDING_TAG.value }],
              ExpirationInDays: 1,
            }),
          ]),
        },
      });
      s.template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: bucketId },
        PolicyDocument: {
          Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
        },
      });
    });
  });

  describe('stream consumer', () => {
    it('filters, bisects, reports partial failures and sends the rest to an SQS DLQ', () => {
      s.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: NOTIFY_BATCH.batchSize,
        MaximumBatchingWindowInSeconds: NOTIFY_BATCH.maxBatchingWindowSeconds,
        MaximumRetryAttempts: NOTIFY_BATCH.retryAttempts,
        BisectBatchOnFunctionError: true,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        FilterCriteria: { Filters: NOTIFY_FILTER_PATTERNS.map((p) => ({ Pattern: JSON.stringify(p) })) },
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [logicalId(s.stack, s.stack.notify.failures), 'Arn'] } } },
        FunctionName: { Ref: logicalId(s.stack, s.stack.notify.fn.fn) },
      });
      s.template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
      s.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      });
      s.template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Errors', Namespace: 'AWS/Lambda' });
      s.template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'no-reply@example.com' });
    });

    it('sends card refunds from its own consumer; the Stripe keys come from Secrets Manager, readable by the payments functions only', () => {
      const { payments } = s.stack;
      s.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: PAYMENTS_BATCH.batchSize,
        MaximumRetryAttempts: PAYMENTS_BATCH.retryAttempts,
        BisectBatchOnFunctionError: true,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        FilterCriteria: { Filters: PAYMENTS_FILTER_PATTERNS.map((p) => ({ Pattern: JSON.stringify(p) })) },
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [logicalId(s.stack, payments.failures), 'Arn'] } } },
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
        .filter((r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties).includes(`{"Ref":"${secret}"}`))
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
      const withS3 = identityPolicies().filter((p) => s3Statements(p).length > 0 && !p.roles.includes(publishRole));
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
    // Notify's two, the events consumer's and the webhook delivery's four, and the payments consumer's one, all to the same topic.
    s.template.resourceCountIs('AWS::CloudWatch::Alarm', 7);
    s.template.allResourcesProperties('AWS::CloudWatch::Alarm', { AlarmActions: [{ Ref: Match.anyValue() }] });
    expect(s.nag.validateScope(s.app).violations).toEqual([]);
  });

  it('refuses a from address outside the SES domain', () => {
    expect(() => buildApp({ code: 'stub', context: { sesDomain: 'shop.example.com', fromAddress: 'x@other.example' } })).toThrow(/sesDomain/);
  });
});
