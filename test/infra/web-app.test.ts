// The web app's hosting in the synthesized stack: a private, TLS-only,
// encrypted bucket behind CloudFront with origin access control, security
// headers, the SPA fallback (run here on sample requests), the config.json
// the app reads, and the Cognito client it signs in with. Stub code.
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '#infra/app';
import { CONTENT_SECURITY_POLICY, SPA_FUNCTION } from '#infra/constructs/web-app';

type Resources = Record<string, { Type: string; Properties: Record<string, unknown> }>;

let template: Template;
let resources: Resources;
let stack: ReturnType<typeof buildApp>['stack'];
const idOf = (construct: { node: { defaultChild?: unknown } }) => stack.getLogicalId(construct.node.defaultChild as never);

beforeAll(() => {
  const built = buildApp({ code: 'stub' });
  stack = built.stack;
  template = Template.fromStack(stack);
  resources = template.toJSON().Resources as Resources;
});

/** `https://<distribution>/app<suffix>` as CloudFormation spells it. */
const appUrlWith = (suffix = '') => ({ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [idOf(stack.web.distribution), 'DomainName'] }, `/app${suffix}`]] });

describe('web app hosting', () => {
  it('keeps the files in a private, TLS-only, encrypted bucket that only CloudFront reads (origin access control)', () => {
    const site = idOf(stack.web.bucket);
    expect(resources[site]?.Properties).toMatchObject({
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: site },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({ Effect: 'Allow', Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject' }),
        ]),
      },
    });
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
  });

  it('serves over HTTPS with the security headers and the SPA fallback on viewer requests', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({
          ViewerProtocolPolicy: 'redirect-to-https',
          FunctionAssociations: [Match.objectLike({ EventType: 'viewer-request' })],
          ResponseHeadersPolicyId: Match.anyValue(),
        }),
        Logging: Match.objectLike({ Bucket: Match.anyValue() }),
      }),
    });
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: { ContentSecurityPolicy: CONTENT_SECURITY_POLICY, Override: true },
          StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: 31_536_000, IncludeSubdomains: true }),
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ContentTypeOptions: { Override: true },
        }),
      }),
    });
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });

  it('answers screens with index.html, files as they are, and / with a redirect to the app', () => {
    const handler = new Function(`${SPA_FUNCTION}; return handler;`)() as (event: { request: { uri: string } }) => {
      uri?: string;
      statusCode?: number;
      headers?: unknown;
    };
    const uri = (path: string) => handler({ request: { uri: path } });
    expect(uri('/app/orders/ord_1').uri).toBe('/app/index.html');
    expect(uri('/app/').uri).toBe('/app/index.html');
    expect(uri('/app/returns/ret_1').uri).toBe('/app/index.html');
    expect(uri('/app/assets/main-ABC.js').uri).toBe('/app/assets/main-ABC.js');
    expect(uri('/app/config.json').uri).toBe('/app/config.json');
    expect(uri('/')).toMatchObject({ statusCode: 302, headers: { location: { value: '/app/' } } });
    expect(uri('/other.txt').uri).toBe('/other.txt');
  });

  it('publishes the app with a config.json naming the API, the issuer, the web client and the callback', () => {
    const deployments = Object.values(resources).filter((r) => r.Type === 'Custom::CDKBucketDeployment');
    expect(deployments).toHaveLength(1);
    const props = deployments[0]?.Properties ?? {};
    expect(props.DestinationBucketKeyPrefix).toBe('app/');
    expect(props.DistributionPaths).toEqual(['/app/index.html', '/app/config.json']);
    // Source.jsonData resolves tokens at deploy time through markers: each must be one of ours.
    const markers = JSON.stringify(props.SourceMarkers);
    const webClient = stack.auth.hostedUi?.webClient;
    expect(webClient).toBeDefined();
    expect(markers).toContain(stack.getLogicalId(stack.api.httpApi.node.defaultChild as never));
    expect(markers).toContain(idOf(webClient as never));
    expect(markers).toContain(idOf(stack.web.distribution));
  });

  it('lets the Cognito web client return to the app after sign-in and sign-out, with the code flow only', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ClientName: 'web',
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      CallbackURLs: [appUrlWith('/auth/callback')],
      LogoutURLs: [appUrlWith('/')],
    });
  });

  it('links emails into the hosted app', () => {
    const env = (resources[idOf(stack.functions.returns.fn)]?.Properties.Environment as { Variables: Record<string, unknown> } | undefined)?.Variables;
    expect(env?.STOREFRONT_URL).toEqual(appUrlWith());
  });
});
