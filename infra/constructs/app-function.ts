// One Lambda as every function in this stack is built: Node 22 on arm64, the
// shared esbuild settings, its own role (no managed policies) and its own log
// group with a retention.
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

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id);

    const logGroup = new logs.LogGroup(this, 'Logs', {
      retention: logs.RetentionDays.ONE_MONTH,
      // Operational logs with a one-month life; they go with the stack.
      removalPolicy: RemovalPolicy.DESTROY,
    });

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

    Validations.of(this.fn).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Node.js 22 is pinned on purpose (DESIGN.md: Node 22; esbuild target node22); moving to a newer runtime is a tested upgrade, not a silent default.',
    });
  }
}
