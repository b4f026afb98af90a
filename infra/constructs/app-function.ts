// One Lambda as every function in this stack is built: Node 22 on arm64, the
// shared esbuild settings, its own role (no managed policies), its own log
// group with a retention, and X-Ray active tracing. Tracing is Lambda's own
// (the invocation's segment and the time in it), without the Powertools Tracer
// library: the Tracer bundles aws-xray-sdk-core into every function, which
// breaks the bundle budget of ≤ 1.35× the SDK-only reference (test/bench/bundles.ts):
// measured on notify, 480 KB → 602 KB against a 362 KB reference (1.33× → 1.66×).
import * as path from 'node:path';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { BUNDLING } from '#infra/bundling';

/** `bundle`: esbuild the entry (what ships). `stub`: inline placeholder code, for tests that only inspect the template. */
export type CodeMode = 'bundle' | 'stub';

export interface AppFunctionProps {
  /** Project root; `entry` is relative to it. */
  readonly projectRoot: string;
  /** e.g. `functions/http/orders.ts` (exports `handler`). */
  readonly entry: string;
  readonly environment: Readonly<Record<string, string>>;
  readonly code: CodeMode;
  /** esbuild settings; BUNDLING unless the function needs its own (infra/bundling.ts bundlingOf). */
  readonly bundling?: nodejs.BundlingOptions;
  /** Seconds; HTTP functions answer within API Gateway's 30 s anyway. */
  readonly timeoutSeconds?: number;
  /** The AWS Parameters and Secrets extension, for a function that reads a secret (cached by the extension and per cold start). */
  readonly paramsAndSecrets?: lambda.ParamsAndSecretsLayerVersion;
}

const STUB = 'exports.handler = async () => { throw new Error("stub code: synthesized for tests only"); };';

export class AppFunction extends Construct {
  readonly fn: nodejs.NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id);

    const logGroup = new logs.LogGroup(this, 'Logs', {
      retention: logs.RetentionDays.ONE_MONTH,
      // Operational logs with a one-month life; they go with the stack.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.logGroup = logGroup;

    // An explicit role instead of AWSLambdaBasicExecutionRole: it may write to
    // its own log group only, not create log groups anywhere in the account.
    this.role = new iam.Role(this, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(this.role);

    const stub = props.code === 'stub';
    this.fn = new nodejs.NodejsFunction(this, 'Function', {
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: 1024,
      timeout: Duration.seconds(props.timeoutSeconds ?? 10),
      role: this.role,
      logGroup,
      tracing: lambda.Tracing.ACTIVE,
      environment: { ...props.environment, NODE_OPTIONS: '--enable-source-maps' },
      ...(props.paramsAndSecrets ? { paramsAndSecrets: props.paramsAndSecrets } : {}),
      ...(stub
        ? { code: lambda.Code.fromInline(STUB), handler: 'index.handler' }
        : {
            entry: path.join(props.projectRoot, props.entry),
            handler: 'handler',
            projectRoot: props.projectRoot,
            depsLockFilePath: path.join(props.projectRoot, 'package-lock.json'),
            bundling: props.bundling ?? BUNDLING,
          }),
    });

    const pinned =
      'Node.js 22 is pinned on purpose (DESIGN.md: Node 22; esbuild target node22); moving to a newer runtime is a tested upgrade, not a silent default.';
    Validations.of(this.fn).acknowledge({ id: 'AwsSolutions-L1', reason: pinned });
    Validations.of(this.fn).acknowledge({ id: 'Serverless-LambdaLatestVersion', reason: pinned });
    // Every function here is invoked synchronously (API Gateway, Cognito) or by an event source
    // mapping, never asynchronously; a mapping's failures go to its own destination (S3 for the
    // stream, a dead-letter queue for SQS). An async DLQ or failure destination would never receive anything.
    const neverAsync =
      'Invoked only synchronously (API Gateway, Cognito) or by an event source mapping, whose failures go to its own destination (S3 for streams, a DLQ for queues); never invoked asynchronously, so an async DLQ would stay empty.';
    Validations.of(this.fn).acknowledge({ id: 'Serverless-LambdaDLQ', reason: neverAsync });
    Validations.of(this.fn).acknowledge({ id: 'Serverless-LambdaAsyncFailureDestination', reason: neverAsync });
    // Active tracing grants xray:PutTraceSegments and xray:PutTelemetryRecords, which X-Ray authorizes on `*` only.
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        "X-Ray's PutTraceSegments and PutTelemetryRecords support no resource-level permissions (granted on * by active tracing); no other action is granted on *.",
    });
  }
}
