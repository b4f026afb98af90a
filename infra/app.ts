// CDK entry point (`cdk.json`: `npx tsx infra/app.ts`) and the in-process
// builder tests use. cdk-nag's AwsSolutions and Serverless packs run on every
// synth: a finding that is not acknowledged (with its reason, next to the
// resource) fails it. `-c stage=<name>` names the stack `Aftersales-<name>`
// (default `dev`); the `prod` stage refuses to synthesize without its settings.
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import type { CodeMode } from './constructs/app-function.ts';
import { stageOf } from './constructs/config.ts';
import { AftersalesStack } from './stack.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
/** One stack per stage, side by side in one account. */
export const stackNameOf = (stage: string): string => `Aftersales-${stage}`;

export interface BuildAppOptions {
  /** Context on top of cdk.json's (as `-c key=value` would be). */
  readonly context?: Readonly<Record<string, unknown>>;
  /** Overrides the `lambdaCode` context. */
  readonly code?: CodeMode;
  /** Cloud assembly directory; defaults to CDK's (cdk.out under the CLI, a temp dir otherwise). */
  readonly outdir?: string;
}

/** cdk.json's context (feature flags, defaults): the CLI passes it itself, tests need it too. */
const cdkJsonContext = (): Record<string, unknown> => {
  const json = JSON.parse(readFileSync(new URL('../cdk.json', import.meta.url), 'utf8')) as {
    context?: Record<string, unknown>;
  };
  return json.context ?? {};
};

/** `-c lambdaCode=stub` synthesizes placeholder code (no esbuild, no entry files needed). */
const codeFromContext = (value: unknown): CodeMode => {
  if (value === undefined || value === 'bundle') return 'bundle';
  if (value === 'stub') return 'stub';
  throw new Error(`lambdaCode must be "bundle" or "stub", got ${JSON.stringify(value)}`);
};

export const buildApp = (options: BuildAppOptions = {}) => {
  const app = new App({
    context: cdkJsonContext(),
    // Wins over CDK_CONTEXT_JSON, like `-c` on the command line.
    ...(options.context ? { postCliContext: { ...options.context } } : {}),
    ...(options.outdir ? { outdir: options.outdir } : {}),
  });
  const code = options.code ?? codeFromContext(app.node.tryGetContext('lambdaCode'));
  const nag = new AwsSolutionsChecks(app, { verbose: true });
  const serverless = new ServerlessChecks(app, { verbose: true });
  Validations.of(app).addPlugins(nag, serverless);
  const stage = stageOf(app.node.tryGetContext('stage'));
  const stack = new AftersalesStack(app, stackNameOf(stage), {
    projectRoot: PROJECT_ROOT,
    description: 'aftersales: post-purchase backend (orders, cancellations, returns, refunds, emails)',
    code,
  });
  return { app, stack, nag, serverless };
};

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) buildApp().app.synth();
