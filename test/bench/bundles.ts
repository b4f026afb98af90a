// 1. Bundle bytes: every Lambda built with the stack's own esbuild settings
// (infra/bundling.ts), next to an SDK-only reference built the same way in the
// same run: a bundle that imports and constructs only the AWS clients (and the
// commands) that function uses, and makes one SDK call when invoked.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { build, type Metafile } from 'esbuild';
import { buildApp } from '#infra/app';
import { documentFontsHook, esbuildOptions, stubbedModules } from '#infra/bundling';
import { projectRoot } from '#infra/local/setup';
import { HTTP_FUNCTIONS } from '#infra/routes';

export const BENCH_DIR = path.join(projectRoot, '.cache', 'bench');
/** Outside the repo, so a bundle that still needed node_modules would fail to load instead of finding them; one per process (engineers share the machine). */
export const OUT_DIR = path.join(tmpdir(), `aftersales-bench-${process.pid}`);

export interface LambdaEntry {
  readonly name: string;
  readonly entry: string;
  /** AWS services the stack grants the function (its role's policy actions): the most its reference may hold. */
  readonly granted: readonly SdkFamily[];
}

type SdkFamily = 'dynamodb' | 's3' | 'ses' | 'eventbridge' | 'sqs' | 'secrets' | 'cognito';

/** IAM action prefix → the SDK family that calls it. */
const SERVICE: Readonly<Record<string, SdkFamily>> = {
  dynamodb: 'dynamodb',
  s3: 's3',
  ses: 'ses',
  events: 'eventbridge',
  sqs: 'sqs',
  secretsmanager: 'secrets',
  'cognito-idp': 'cognito',
};

type StackTemplate = { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };

/** The SDK families in the policies attached to a role (logical id) of the synthesized template. */
const grantsOf = (template: StackTemplate, roleId: string): SdkFamily[] => {
  const families = new Set<SdkFamily>();
  for (const resource of Object.values(template.Resources)) {
    if (resource.Type !== 'AWS::IAM::Policy') continue;
    const roles = resource.Properties.Roles as { Ref?: string }[];
    if (!roles.some((r) => r.Ref === roleId)) continue;
    const statements = (resource.Properties.PolicyDocument as { Statement: { Action: string | string[] }[] }).Statement;
    for (const action of statements.flatMap((st) => (Array.isArray(st.Action) ? st.Action : [st.Action]))) {
      const family = SERVICE[action.split(':')[0] as string];
      if (family) families.add(family);
    }
  }
  return [...families];
};

/** Every function the stack deploys and its entry. */
export const LAMBDA_FUNCTIONS: readonly { readonly name: string; readonly entry: string }[] = [
  ...HTTP_FUNCTIONS.map((fn) => ({ name: fn, entry: `functions/http/${fn}.ts` })),
  { name: 'notify', entry: 'functions/streams/notify.ts' },
  { name: 'events', entry: 'functions/streams/events.ts' },
  { name: 'payments-queue', entry: 'functions/queues/payments.ts' },
  // Cognito's pre-token-generation trigger: the admin MFA check.
  { name: 'admin-mfa', entry: 'functions/auth/admin-mfa.ts' },
  { name: 'webhook-delivery', entry: 'functions/queues/webhook-delivery.ts' },
];

/** Each function with the AWS services its role is granted in the synthesized stack (stub code: no esbuild). */
export const lambdaEntries = (): LambdaEntry[] => {
  const { stack } = buildApp({ code: 'stub' });
  const template = Template.fromStack(stack).toJSON() as StackTemplate;
  const roles: Record<string, { node: { defaultChild?: unknown } }> = {
    ...Object.fromEntries(HTTP_FUNCTIONS.map((fn) => [fn, stack.functions[fn].role])),
    notify: stack.notify.fn.role,
    events: stack.events.consumer.role,
    'payments-queue': stack.payments.consumer.role,
    ...(stack.auth.adminMfaCheck ? { 'admin-mfa': stack.auth.adminMfaCheck.role } : {}),
    'webhook-delivery': stack.events.delivery.role,
  };
  return LAMBDA_FUNCTIONS.map((fn) => ({ ...fn, granted: grantsOf(template, stack.getLogicalId(roles[fn.name]?.node.defaultChild as never)) }));
};

/** Which packages belong to a family, and the names the reference imports from each. */
const FAMILY: Record<SdkFamily, Record<string, { client?: string; extra?: readonly string[] }>> = {
  dynamodb: {
    'client-dynamodb': { client: 'DynamoDBClient' },
    'lib-dynamodb': {},
    'util-dynamodb': { extra: ['unmarshall', 'marshall'] },
  },
  s3: {
    'client-s3': { client: 'S3Client' },
    's3-presigned-post': { extra: ['createPresignedPost'] },
    's3-request-presigner': { extra: ['getSignedUrl'] },
  },
  ses: { 'client-ses': { client: 'SESClient' } },
  eventbridge: { 'client-eventbridge': { client: 'EventBridgeClient' } },
  sqs: { 'client-sqs': { client: 'SQSClient' } },
  secrets: { 'client-secrets-manager': { client: 'SecretsManagerClient' } },
  cognito: { 'client-cognito-identity-provider': { client: 'CognitoIdentityProviderClient' } },
};

/** Third-party SDKs a function carries (the payment provider's): its own bytes, never the reference's. */
const THIRD_PARTY_SDKS = ['stripe'] as const;

export interface BundleResult {
  readonly name: string;
  readonly bytes: number;
  readonly referenceBytes: number;
  readonly dir: string;
  readonly referenceDir: string;
  /** @aws-sdk packages found in the function's bundle. */
  readonly sdkPackages: string[];
  /** Biggest non-SDK contributors (package → bytes in output). */
  readonly topOthers: { pkg: string; bytes: number }[];
  readonly sdkBytes: number;
  /** Bytes of third-party SDKs (Stripe) in the bundle: counted as the function's own. */
  readonly thirdPartyBytes: number;
  /** AWS services granted and the families the reference holds (granted ∩ bundled). */
  readonly granted: readonly string[];
  readonly referenceFamilies: readonly string[];
  /** Packages bundled from two places (two versions of one SDK package): must be none. */
  readonly duplicates: readonly string[];
}

const liveInputs = (meta: Metafile): string[] =>
  Object.values(meta.outputs).flatMap((output) =>
    Object.entries(output.inputs)
      .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
      .map(([input]) => input),
  );

const packageOf = (input: string): string => {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return m ? (m[1] as string) : 'project code';
};

/** Commands that made it into the output (the metafile's inputs also list tree-shaken modules). */
const commandsOf = (meta: Metafile, pkg: string): string[] => {
  const names = new Set<string>();
  for (const input of liveInputs(meta)) {
    const m = new RegExp(`@aws-sdk/${pkg}/dist-es/commands/(\\w+Command)\\.js$`).exec(input);
    if (m) names.add(m[1] as string);
  }
  return [...names].sort();
};

/**
 * The SDK-only entry: the AWS clients the function is granted AND bundles
 * (a client it bundles without a grant is dead weight of its own; a grant it
 * reaches without the SDK, like the secrets extension, adds nothing),
 * constructed the same way, with the commands its bundle holds.
 */
export const referenceSource = (granted: readonly SdkFamily[], meta: Metafile): { source: string; families: SdkFamily[] } => {
  const lines: string[] = [];
  const keep: string[] = [];
  const families = new Set<SdkFamily>();
  const bundled = new Set(liveInputs(meta).map(packageOf));
  for (const family of granted) {
    for (const [pkg, spec] of Object.entries(FAMILY[family])) {
      if (!bundled.has(`@aws-sdk/${pkg}`)) continue;
      const names = [...(spec.client ? [spec.client] : []), ...(spec.extra ?? []), ...commandsOf(meta, pkg)];
      if (pkg === 'lib-dynamodb') names.push('DynamoDBDocumentClient');
      if (names.length === 0) continue;
      families.add(family);
      // lib-dynamodb and client-dynamodb both export e.g. QueryCommand: alias all but the client names.
      const alias = (name: string) => (name === spec.client || name === 'DynamoDBDocumentClient' ? name : `${pkg.replace(/\W/g, '_')}_${name}`);
      lines.push(`import { ${names.map((n) => (alias(n) === n ? n : `${n} as ${alias(n)}`)).join(', ')} } from '@aws-sdk/${pkg}';`);
      keep.push(...names.map(alias));
    }
  }
  const hasDynamo = keep.includes('DynamoDBClient');
  const hasDoc = keep.includes('DynamoDBDocumentClient');
  if (hasDynamo) {
    lines.push(
      `import { GetItemCommand } from '@aws-sdk/client-dynamodb';`,
      `const raw = new DynamoDBClient({ maxAttempts: 3 });`,
      hasDoc ? `const db = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });` : 'const db = raw;',
    );
  }
  if (keep.includes('S3Client')) lines.push(`export const s3 = new S3Client({ forcePathStyle: process.env.S3_FORCE_PATH_STYLE === '1' });`);
  for (const client of ['SESClient', 'EventBridgeClient', 'SQSClient', 'SecretsManagerClient']) {
    if (keep.includes(client)) lines.push(`export const ${client.replace('Client', '').toLowerCase()} = new ${client}({});`);
  }
  lines.push(`export const used = [${keep.join(', ')}];`);
  // The reference's first invocation is the SDK's first call: one GetItem.
  const call = hasDynamo
    ? `await raw.send(new GetItemCommand({ TableName: process.env.TABLE_NAME, Key: { PK: { S: 'BENCH#reference' }, SK: { S: 'REFERENCE' } } }));`
    : '';
  lines.push(`export const handler = async () => { ${call} return { statusCode: 200, body: '{}' }; };`);
  return { source: `${lines.join('\n')}\n`, families: [...families] };
};

const bundleBytes = (dir: string): number => statSync(path.join(dir, 'index.mjs')).size;

const runHook = (commands: string[]): void => {
  for (const command of commands) execFileSync('sh', ['-c', command], { stdio: 'inherit' });
};

/** Where each bundled package was installed: a package found under two node_modules folders is two copies (two versions) in one bundle. */
export const duplicatesOf = (meta: Metafile): string[] => {
  const places = new Map<string, Set<string>>();
  for (const input of liveInputs(meta)) {
    const m = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(input);
    if (!m) continue;
    const pkg = m[2] as string;
    if (!places.has(pkg)) places.set(pkg, new Set());
    places.get(pkg)?.add(m[1] as string);
  }
  return [...places].filter(([, dirs]) => dirs.size > 1).map(([pkg]) => pkg);
};

export interface FunctionBundle {
  readonly dir: string;
  readonly bytes: number;
  readonly meta: Metafile;
  readonly duplicates: readonly string[];
}

/** One function built exactly as the stack builds it (infra/bundling.ts), with its metafile. */
export const bundleFunction = async (lambda: { readonly name: string; readonly entry: string }): Promise<FunctionBundle> => {
  const dir = path.join(OUT_DIR, lambda.name);
  const options = esbuildOptions(path.join(projectRoot, lambda.entry), path.join(dir, 'index.mjs'), stubbedModules(projectRoot, lambda.name));
  const out = await build({ ...options, metafile: true, logLevel: 'error' });
  if (lambda.name === 'documents') runHook(documentFontsHook(projectRoot).afterBundling(projectRoot, dir));
  return { dir, bytes: bundleBytes(dir), meta: out.metafile, duplicates: duplicatesOf(out.metafile) };
};

const isAwsSdk = (pkg: string): boolean => pkg.startsWith('@aws-sdk/') || pkg.startsWith('@smithy/') || pkg.startsWith('@aws-crypto/');

export const buildBundles = async (log: (line: string) => void): Promise<BundleResult[]> => {
  rmSync(OUT_DIR, { recursive: true, force: true });
  const srcDir = path.join(BENCH_DIR, 'src');
  mkdirSync(srcDir, { recursive: true });
  const results: BundleResult[] = [];
  for (const lambda of lambdaEntries()) {
    const { dir, bytes, meta, duplicates } = await bundleFunction(lambda);
    const refEntry = path.join(srcDir, `reference-${lambda.name}.mjs`);
    const reference = referenceSource(lambda.granted, meta);
    writeFileSync(refEntry, reference.source);
    const referenceDir = path.join(OUT_DIR, `reference-${lambda.name}`);
    await build({ ...esbuildOptions(refEntry, path.join(referenceDir, 'index.mjs')), logLevel: 'error' });

    const byPackage = new Map<string, number>();
    for (const output of Object.values(meta.outputs)) {
      for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
        const pkg = packageOf(input);
        byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + bytesInOutput);
      }
    }
    const sdk = [...byPackage].filter(([pkg]) => isAwsSdk(pkg));
    const result: BundleResult = {
      name: lambda.name,
      bytes,
      referenceBytes: bundleBytes(referenceDir),
      dir,
      referenceDir,
      sdkPackages: [...byPackage.keys()].filter((p) => p.startsWith('@aws-sdk/')).sort(),
      sdkBytes: sdk.reduce((sum, [, n]) => sum + n, 0),
      thirdPartyBytes: THIRD_PARTY_SDKS.reduce((sum, pkg) => sum + (byPackage.get(pkg) ?? 0), 0),
      granted: lambda.granted,
      referenceFamilies: reference.families,
      duplicates,
      topOthers: [...byPackage]
        .filter(([pkg]) => !isAwsSdk(pkg))
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([pkg, n]) => ({ pkg, bytes: n })),
    };
    log(`  bundle ${lambda.name}: ${result.bytes} B (reference ${result.referenceBytes} B)`);
    results.push(result);
  }
  return results;
};
