// Going live, on the synthesized template per stage: the stack's name, the
// prod settings it refuses to go without, CORS without `*`, one alarm topic
// and an alarm on everything that can fail quietly, the dashboard, tracing,
// the Stripe secret starting empty, the stream's two readers and where their
// failed batches go, admin MFA, SES reputation handling, and cdk-nag's
// AwsSolutions and Serverless packs on the prod stack.
import { Match } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '#infra/app';
import { routeThrottle } from '#infra/constructs/api';
import { PROVIDER_MISMATCH_MESSAGE } from '#infra/constructs/observability';
import { type Route, routeKey, routes } from '#infra/routes';
import { MAX_RECORD_AGE_SECONDS, STREAM_CONSUMERS } from '#infra/streams';
import { logicalId, type Resources, synth } from './stack-synth.ts';

const PROD = {
  stage: 'prod',
  alarmEmail: 'ops@shop.example',
  storefrontOrigins: 'https://shop.example',
  sesDomain: 'shop.example',
  sesVerified: 'true',
};

const ofType = (resources: Resources, type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);

describe('stages', () => {
  it('names the stack Aftersales-<stage>, dev by default', () => {
    expect(buildApp({ code: 'stub' }).stack.stackName).toBe('Aftersales-dev');
    expect(buildApp({ code: 'stub', context: { stage: 'staging' } }).stack.stackName).toBe('Aftersales-staging');
    expect(() => buildApp({ code: 'stub', context: { stage: 'Prod!' } })).toThrow(/stage/);
  });

  it('refuses a prod synth without its settings, naming each one missing', () => {
    expect(() => buildApp({ code: 'stub', context: { stage: 'prod' } })).toThrow(/alarmEmail.*storefrontOrigins.*sesDomain/);
    const { sesDomain: _omitted, ...withoutDomain } = PROD;
    const error = (() => {
      try {
        buildApp({ code: 'stub', context: withoutDomain });
      } catch (e) {
        return String(e);
      }
      return '';
    })();
    expect(error).toMatch(/sesDomain/);
    expect(error).not.toMatch(/alarmEmail|storefrontOrigins/);
  });

  it('never allows every origin, and sends from no placeholder address in prod', () => {
    expect(() => buildApp({ code: 'stub', context: { storefrontOrigins: '*' } })).toThrow(/storefrontOrigins/);
    expect(() => buildApp({ code: 'stub', context: { ...PROD, sesDomain: 'example.com' } })).toThrow(/placeholder/);
  });
});

describe('the prod stack', () => {
  let s: ReturnType<typeof synth>;
  beforeAll(() => {
    s = synth(PROD);
  });

  it('synthesizes clean under both cdk-nag packs, which really check', () => {
    expect(s.nag.validateScope(s.app).violations).toEqual([]);
    expect(s.serverless.validateScope(s.app).violations).toEqual([]);
    const probe = buildApp({ code: 'stub' });
    new lambda.Function(probe.stack, 'Probe', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('x') });
    expect(probe.serverless.validateScope(probe.app).violations.map((v) => v.ruleName)).toEqual(
      expect.arrayContaining(['Serverless-LambdaTracing', 'Serverless-LambdaDefaultMemorySize']),
    );
  });

  it('allows CORS from the configured origins and the web app only', () => {
    const appOrigin = { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [logicalId(s.stack, s.stack.web.distribution), 'DomainName'] }]] };
    s.template.hasResourceProperties('AWS::ApiGatewayV2::Api', { CorsConfiguration: { AllowOrigins: ['https://shop.example', appOrigin] } });
    s.template.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedOrigins: ['https://shop.example', appOrigin] })] },
    });
    expect(JSON.stringify(s.template.toJSON())).not.toMatch(/"AllowOrigins":\["\*"|"AllowedOrigins":\["\*"|no-reply@example\.com/);
  });

  it('sends every alarm to one topic the alarm address is subscribed to', () => {
    s.template.resourceCountIs('AWS::SNS::Topic', 1);
    const topic = logicalId(s.stack, s.stack.observability.topic);
    s.template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: PROD.alarmEmail, TopicArn: { Ref: topic } });
    s.template.allResourcesProperties('AWS::CloudWatch::Alarm', { AlarmActions: [{ Ref: topic }] });
  });

  it("alarms on every function's errors, throttles and p99 duration", () => {
    const alarms = ofType(s.resources, 'AWS::CloudWatch::Alarm').map(([, r]) => r.Properties);
    const functions = ofType(s.resources, 'AWS::Lambda::Function').filter(([id]) => !id.startsWith('CustomCDKBucketDeployment'));
    expect(functions.length).toBeGreaterThan(10);
    for (const [id] of functions) {
      const on = (metric: string) => alarms.filter((a) => a.MetricName === metric && JSON.stringify(a.Dimensions).includes(`"Ref":"${id}"`));
      expect(on('Errors'), id).toHaveLength(1);
      expect(on('Throttles'), id).toHaveLength(1);
      expect(
        on('Duration').map((a) => a.ExtendedStatistic),
        id,
      ).toEqual(['p99']);
    }
  });

  it("alarms on the API's 5xx and latency, stream iterator age, queue age, dead letters, and SES reputation", () => {
    const alarms = ofType(s.resources, 'AWS::CloudWatch::Alarm').map(([, r]) => r.Properties);
    const named = (metric: string) => alarms.filter((a) => a.MetricName === metric);
    expect(named('5xx').map((a) => a.Namespace)).toEqual(['AWS/ApiGateway']);
    expect(named('Latency').map((a) => a.ExtendedStatistic)).toEqual(['p99']);
    // One per stream consumer.
    expect(named('IteratorAge')).toHaveLength(STREAM_CONSUMERS.length);
    const queueId = (q: { node: { defaultChild?: unknown } }) => logicalId(s.stack, q);
    const onQueue = (metric: string, q: { node: { defaultChild?: unknown } }) =>
      named(metric).filter((a) => JSON.stringify(a.Dimensions).includes(`"${queueId(q)}"`));
    for (const q of [s.stack.events.queue, s.stack.payments.queue]) expect(onQueue('ApproximateAgeOfOldestMessage', q)).toHaveLength(1);
    for (const q of [s.stack.events.deadLetters, s.stack.payments.deadLetters, s.stack.payments.undelivered])
      expect(onQueue('ApproximateNumberOfMessagesVisible', q)).toHaveLength(1);
    expect(named('Reputation.BounceRate').map((a) => a.Namespace)).toEqual(['AWS/SES']);
    expect(named('Reputation.ComplaintRate').map((a) => a.Namespace)).toEqual(['AWS/SES']);
  });

  it('counts `provider event mismatch` log lines of the payments functions and alarms on the first', () => {
    const filters = ofType(s.resources, 'AWS::Logs::MetricFilter').map(([, r]) => r.Properties);
    expect(filters.map((f) => f.LogGroupName)).toEqual(
      [s.stack.functions.payments, s.stack.payments.consumer].map((fn) => ({ Ref: logicalId(s.stack, fn.logGroup) })),
    );
    for (const f of filters) {
      expect(f.FilterPattern).toBe(`"${PROVIDER_MISMATCH_MESSAGE}"`);
      expect(f.MetricTransformations).toEqual([{ MetricNamespace: 'Aftersales', MetricName: 'ProviderEventMismatch', MetricValue: '1' }]);
    }
    s.template.hasResourceProperties('AWS::CloudWatch::Alarm', { Namespace: 'Aftersales', MetricName: 'ProviderEventMismatch', Threshold: 1 });
  });

  it("draws a dashboard of the shop's flows, with the business metrics", () => {
    const [dashboard] = ofType(s.resources, 'AWS::CloudWatch::Dashboard').map(([, r]) => JSON.stringify(r.Properties.DashboardBody));
    for (const title of ['Orders', 'Returns', 'Refunds', 'Emails', 'Webhook deliveries']) expect(dashboard).toContain(`\\"title\\":\\"${title}\\"`);
    for (const metric of ['RefundsCreated', 'RefundsFailed', 'EmailsSent', 'DeliveriesFailed']) expect(dashboard).toContain(metric);
  });

  it('starts the Stripe secret as an empty JSON object, not a random string', () => {
    const secret = s.resources[logicalId(s.stack, s.stack.payments.keys)]?.Properties;
    expect(secret?.SecretString).toBe('{}');
    expect(secret?.GenerateSecretString).toBeUndefined();
  });

  it('has two readers on the table stream, each keeping failed batches whole in S3 with a maximum record age', () => {
    const tableStream = { 'Fn::GetAtt': [logicalId(s.stack, s.stack.data.table), 'StreamArn'] };
    const readers = ofType(s.resources, 'AWS::Lambda::EventSourceMapping').filter(
      ([, r]) => JSON.stringify(r.Properties.EventSourceArn) === JSON.stringify(tableStream),
    );
    expect(readers).toHaveLength(2);
    expect(readers.length).toBeLessThanOrEqual(2);
    for (const [, r] of readers) {
      expect(r.Properties.MaximumRecordAgeInSeconds).toBe(MAX_RECORD_AGE_SECONDS);
      expect(r.Properties.DestinationConfig).toEqual({
        OnFailure: { Destination: { 'Fn::GetAtt': [logicalId(s.stack, s.stack.data.streamFailures), 'Arn'] } },
      });
    }
    s.template.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: Match.anyValue(),
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 90 })] },
    });
  });

  it('holds admins to TOTP (the pre-token-generation check), keeps web sessions short, and mails Cognito through SES', () => {
    const check = s.stack.auth.adminMfaCheck;
    expect(check).toBeDefined();
    s.template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'OPTIONAL',
      LambdaConfig: { PreTokenGeneration: { 'Fn::GetAtt': [logicalId(s.stack, check?.fn ?? s.stack), 'Arn'] } },
      EmailConfiguration: Match.objectLike({ EmailSendingAccount: 'DEVELOPER', From: 'no-reply@shop.example' }),
    });
    s.template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ClientName: 'web',
      RefreshTokenValidity: 720,
      TokenValidityUnits: Match.objectLike({ RefreshToken: 'minutes' }),
    });
  });

  it('sends through a configuration set that suppresses bounces and complaints, with MAIL FROM and the DKIM records as outputs', () => {
    const set = logicalId(s.stack, s.stack.mail.configurationSet);
    s.template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
      ReputationOptions: { ReputationMetricsEnabled: true },
    });
    s.template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: { Ref: set },
      EventDestination: Match.objectLike({ MatchingEventTypes: Match.arrayWith(['bounce', 'complaint']) }),
    });
    s.template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'shop.example',
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: set } },
      MailFromAttributes: Match.objectLike({ MailFromDomain: 'mail.shop.example' }),
    });
    const outputs = JSON.stringify(s.template.toJSON().Outputs);
    for (const n of [1, 2, 3]) expect(outputs).toContain(`DkimDNSTokenName${n}`);
    expect(outputs).toContain('MailFromMx');
  });

  it('gives the expensive routes the smallest share, and logs the integration status and error', () => {
    const stage = ofType(s.resources, 'AWS::ApiGatewayV2::Stage')[0]?.[1].Properties ?? {};
    const settings = stage.RouteSettings as Record<string, { ThrottlingRateLimit: number }>;
    const expensive = (routes as readonly Route[]).filter((r) => r.fn === 'documents' || r.fn === 'attachments' || r.id === 'orders.summary');
    expect(expensive.length).toBeGreaterThanOrEqual(5);
    const ordinary = (routes as readonly Route[]).find((r) => r.id === 'orders.get') as Route;
    for (const route of expensive) {
      expect(settings[routeKey(route)]?.ThrottlingRateLimit, route.id).toBe(routeThrottle(route).rateLimit);
      expect(routeThrottle(route).rateLimit, route.id).toBeLessThan(routeThrottle(ordinary).rateLimit);
    }
    const format = (stage.AccessLogSettings as { Format: string }).Format;
    expect(JSON.parse(format)).toMatchObject({
      integrationStatus: '$context.integration.integrationStatus',
      integrationErrorDetail: '$context.integration.error',
    });
  });
});

describe('a development stage', () => {
  it('still has the alarm topic (no subscription) and tracing, and no Cognito email through SES', () => {
    const s = synth();
    s.template.resourceCountIs('AWS::SNS::Topic', 1);
    s.template.resourceCountIs('AWS::SNS::Subscription', 0);
    expect(s.resources[logicalId(s.stack, s.stack.auth.userPool ?? s.stack)]?.Properties.EmailConfiguration).toBeUndefined();
  });
});
