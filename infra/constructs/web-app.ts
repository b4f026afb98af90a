// The web app in AWS: its static files in a private S3 bucket, served by
// CloudFront through origin access control under /app/ (the same base path as
// locally), with security headers, an SPA fallback, and the config.json the
// app reads at start (API URL, sign-in settings) written by the stack.
import { fileURLToPath } from 'node:url';
import { AssetHashType, type CfnElement, DockerImage, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { buildWeb } from '#infra/web-build';
import { APP_BASE } from '../../web/base.ts';
import type { CodeMode } from './app-function.ts';

const BASE = APP_BASE.slice(1);

/**
 * Viewer request: `/` goes to the app; a path under it without a file
 * extension is a screen, answered with index.html (so deep links and email
 * links load the app); files are served as they are. Done here rather than
 * with 403/404 error responses, which would also turn real misses into 200s.
 */
export const SPA_FUNCTION = `function handler(event) {
  var uri = event.request.uri;
  if (uri === '/' || uri === '${APP_BASE}') {
    return { statusCode: 302, statusDescription: 'Found', headers: { location: { value: '${APP_BASE}/' } } };
  }
  var last = uri.substring(uri.lastIndexOf('/') + 1);
  if (uri.indexOf('${APP_BASE}/') === 0 && last.indexOf('.') === -1) event.request.uri = '${APP_BASE}/index.html';
  return event.request;
}`;

/** The app calls the API and S3 (uploads) and Cognito's token endpoint over HTTPS; nothing inline, no frames. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob: https:",
  "connect-src 'self' https:",
  "form-action 'self' https:",
  "frame-ancestors 'none'",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

export interface WebAppProps {
  readonly code: CodeMode;
}

export class WebApp extends Construct {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  /** `https://<distribution>/app` (no trailing slash), where the app and its screens live. */
  readonly url: string;
  /** `https://<distribution>`, for CORS. */
  readonly origin: string;

  private readonly code: CodeMode;
  /** The role CDK's deploy-time copy runs with (set by publish). */
  publishRole: iam.Role | undefined;

  constructor(scope: Construct, id: string, props: WebAppProps) {
    super(scope, id);
    this.code = props.code;

    const logs = new s3.Bucket(this, 'CdnLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      // CloudFront standard logging writes with ACLs, so the bucket must accept them.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(logs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: "This bucket receives CloudFront's access logs; logging access to the log bucket itself would only log the log writer.",
    });

    this.bucket = new s3.Bucket(this, 'Site', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'site-bucket/',
      // Static build output, redeployed by every `cdk deploy`: nothing to keep.
      removalPolicy: RemovalPolicy.DESTROY,
    });

    const headers = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'aftersales web app: CSP, HSTS, no sniffing, no framing',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: CONTENT_SECURITY_POLICY, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
      },
    });

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'aftersales web app (back office and returns portal)',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        functionAssociations: [
          {
            eventType: cloudfront.FunctionEventType.VIEWER_REQUEST,
            function: new cloudfront.Function(this, 'SpaFallback', {
              code: cloudfront.FunctionCode.fromInline(SPA_FUNCTION),
              runtime: cloudfront.FunctionRuntime.JS_2_0,
            }),
          },
        ],
      },
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cdn/',
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason: "A shop's customers live wherever it ships; restricting countries is a business decision made per shop, not a default.",
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'The distribution serves static files only (every API call goes to API Gateway, which throttles per route); a WAF web ACL is a per-shop cost decision and can be attached without code changes.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          'The default *.cloudfront.net certificate is served with CloudFront’s own TLS policy, which a distribution cannot change; a shop that adds its own domain and ACM certificate sets TLSv1.2_2021 as the minimum with it.',
      },
    );

    this.origin = `https://${this.distribution.distributionDomainName}`;
    this.url = `${this.origin}${APP_BASE}`;
  }

  /** Uploads the built app and its config.json (tokens such as the API URL resolve at deploy time). */
  publish(config: Record<string, unknown>): void {
    const files =
      this.code === 'stub'
        ? deploy.Source.data('index.html', '<!doctype html><title>stub: synthesized for tests only</title>')
        : deploy.Source.asset(fileURLToPath(new URL('../../web', import.meta.url)), {
            exclude: ['dist'],
            // The app also bundles shared/ and packages: hash what was built, not web/ alone.
            assetHashType: AssetHashType.OUTPUT,
            bundling: {
              // Never pulled: the local build below always succeeds or throws.
              image: DockerImage.fromRegistry('scratch'),
              local: {
                tryBundle: (outputDir: string) => {
                  buildWeb(outputDir);
                  return true;
                },
              },
            },
          });
    // Its own role and log group, like every function here: no managed policy, logs kept a month.
    const logGroup = new logs.LogGroup(this, 'PublishLogs', { retention: logs.RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY });
    this.publishRole = new iam.Role(this, 'PublishRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Copies the web app into its bucket at deploy time (CDK BucketDeployment)',
    });
    logGroup.grantWrite(this.publishRole);
    const deployment = new deploy.BucketDeployment(this, 'Publish', {
      role: this.publishRole,
      logGroup,
      destinationBucket: this.bucket,
      destinationKeyPrefix: `${BASE}/`,
      sources: [files, deploy.Source.jsonData('config.json', config)],
      // index.html and config.json must be fresh on every visit. Assets revalidate too (one rule
      // for one deployment), which costs a 304: their hashed names never change content.
      cacheControl: [deploy.CacheControl.fromString('no-cache')],
      distribution: this.distribution,
      distributionPaths: [`${APP_BASE}/index.html`, `${APP_BASE}/config.json`],
      memoryLimit: 256,
    });
    // CDK runs one BucketDeployment handler per stack, outside this construct; its grants land on publishRole.
    const handler = Stack.of(this).node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
    const siteBucket = Stack.of(this).getLogicalId(this.bucket.node.defaultChild as CfnElement);
    const copyReason =
      "CDK's BucketDeployment handler copies the built app from CDK's staging bucket into this site bucket and prunes old files; aws-cdk-lib grants it these object actions on those two buckets only, at deploy time.";
    Validations.of(this.publishRole).acknowledge(
      ...['s3:GetBucket*', 's3:GetObject*', 's3:List*', 's3:Abort*', 's3:DeleteObject*'].map((action) => ({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason: copyReason,
      })),
      { id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]', reason: copyReason },
      { id: `AwsSolutions-IAM5[Resource::<${siteBucket}.Arn>/*]`, reason: copyReason },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'cloudfront:CreateInvalidation (index.html and config.json after each deploy) has no resource-level scoping in the grant aws-cdk-lib writes.',
      },
    );
    const runtime = "The runtime of CDK's BucketDeployment handler is chosen by aws-cdk-lib, not by this stack; it moves with the library.";
    // CloudFormation invokes it during a deployment only, and waits for its answer: a failure fails
    // and rolls back the deployment, which is where it is seen; there is no event to keep or trace.
    const deployTime =
      "CDK's BucketDeployment handler runs only inside a CloudFormation deployment, which waits for it: a failure fails and rolls back the deployment (reported there); there is no business event to dead-letter or trace.";
    Validations.of(handler ?? deployment).acknowledge(
      { id: 'AwsSolutions-L1', reason: runtime },
      { id: 'Serverless-LambdaLatestVersion', reason: runtime },
      { id: 'Serverless-LambdaDLQ', reason: deployTime },
      { id: 'Serverless-LambdaTracing', reason: deployTime },
    );
  }
}
