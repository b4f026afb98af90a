// The synthesized template against DESIGN.md "In AWS" and infra/routes.ts: routes,
// auth, functions and data (stack-access.test.ts: streams, least privilege, cdk-nag,
// and the stack with an external issuer). bundle.test.ts bundles for real.
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { HTTP_FUNCTIONS, type Route, routeKey, routes } from '#infra/routes';
import { TABLE } from '#infra/table';
import { PENDING_TAG } from '#shared/domain/attachment';
import { logicalId, synth } from './stack-synth.ts';

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
    it('one Node 22 arm64 Lambda per HTTP area plus the notify, events and payments consumers, the webhook delivery, the admin MFA check and the store-credit expiry job', () => {
      // Besides CDK's own deploy-time handler that copies the web app into its bucket.
      const fns = Object.entries(s.resources)
        .filter(([id, r]) => r.Type === 'AWS::Lambda::Function' && !id.startsWith('CustomCDKBucketDeployment'))
        .map(([, r]) => r);
      expect(fns).toHaveLength(HTTP_FUNCTIONS.length + 6);
      for (const fn of fns) {
        expect(fn.Properties).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'], MemorySize: 1024 });
        // HTTP functions answer within 10 s; the notify consumer may back off on SES throttling, the payments one on the provider.
        // Cognito waits 5 s for the admin MFA check; the store-credit expiry job pages for up to 5 minutes.
        expect([5, 10, 60, 120, 300]).toContain(fn.Properties.Timeout);
        expect(fn.Properties.TracingConfig).toEqual({ Mode: 'Active' });
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
            // The web app's own origin (a CloudFront token here): never `*`.
            CORS_ORIGINS: expect.not.stringMatching(/\*/),
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
            Projection: {
              ProjectionType: index.projection.type,
              ...(index.projection.attributes.length > 0 ? { NonKeyAttributes: [...index.projection.attributes] } : {}),
            },
          })),
        },
      });
    });

    it('attachments bucket: private, TLS-only, encrypted, versioned, CORS for POST, lifecycle, access logs', () => {
      const bucketId = logicalId(s.stack, s.stack.data.bucket);
      expect(s.resources[bucketId]?.Properties).toMatchObject({
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        CorsConfiguration: { CorsRules: [expect.objectContaining({ AllowedMethods: expect.arrayContaining(['POST', 'GET']) })] },
        LoggingConfiguration: { DestinationBucketName: { Ref: expect.any(String) } },
        VersioningConfiguration: { Status: 'Enabled' },
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
});
