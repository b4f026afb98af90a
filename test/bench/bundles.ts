// 1. Bundle bytes: every Lambda built with the stack's own esbuild settings
// (infra/bundling.ts), next to an SDK-only reference built the same way in the
// same run: a bundle that imports and constructs only the AWS clients (and the
// commands) that function uses, and makes one SDK call when invoked.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { esbuildOptions, pdfkitFontsHook, stubbedModules } from '#infra/bundling';
import { projectRoot } from '#infra/local/setup';
import { HTTP_FUNCTIONS } from '#infra/routes';
import { FUNCTION_ACCESS } from '#infra/stack';

export const BENCH_DIR = path.join(projectRoot, '.cache', 'bench');
/** Outside the repo, so a bundle that still needed node_modules would fail to load instead of finding them. */
export const OUT_DIR = path.join(tmpdir(), 'aftersales-bench');

export interface LambdaEntry {
  readonly name: string;
  readonly entry: string;
  /** SDK families the function is granted and calls (the reference's content). */
  readonly uses: readonly SdkFamily[];
}

type SdkFamily = 'dynamodb' | 's3' | 'ses' | 'eventbridge' | 'sqs' | 'secrets' | 'stripe';

// `table` was a boolean before it became an access level; accept both.
const usesTable = (access: unknown): boolean => access !== 'none' && Boolean(access);

/** The clients a function may hold besides the table and the bucket; the reference keeps those its bundle carries. */
const OTHER_CLIENTS: readonly SdkFamily[] = ['ses', 'eventbridge', 'sqs', 'secrets', 'stripe'];

/** Every function the stack deploys, with what it may call (infra/stack.ts FUNCTION_ACCESS; the consumers: table and the others). */
export const lambdaEntries = (): LambdaEntry[] => [
  ...HTTP_FUNCTIONS.map((fn) => ({
    name: fn,
    entry: `functions/http/${fn}.ts`,
    uses: [
      ...(usesTable(FUNCTION_ACCESS[fn].table) ? (['dynamodb'] as const) : []),
      ...(FUNCTION_ACCESS[fn].objects.length ? (['s3'] as const) : []),
      ...OTHER_CLIENTS,
    ],
  })),
  { name: 'notify', entry: 'functions/streams/notify.ts', uses: ['dynamodb', ...OTHER_CLIENTS] },
  { name: 'events', entry: 'functions/streams/events.ts', uses: ['dynamodb', ...OTHER_CLIENTS] },
  { name: 'payments-stream', entry: 'functions/streams/payments.ts', uses: ['dynamodb', ...OTHER_CLIENTS] },
  { name: 'webhook-delivery', entry: 'functions/queues/webhook-delivery.ts', uses: ['dynamodb', ...OTHER_CLIENTS] },
];

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
  // The payment provider's own client: what a card refund is sent with, as much a client as the AWS ones.
  stripe: { stripe: { client: 'Stripe' } },
};

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

/** The SDK-only entry: the same clients as the function, constructed the same way, plus the commands it sends. */
export const referenceSource = (uses: readonly SdkFamily[], meta: Metafile): string => {
  const lines: string[] = [];
  const keep: string[] = [];
  const bundled = new Set(liveInputs(meta).map(packageOf));
  for (const family of uses) {
    for (const [pkg, spec] of Object.entries(FAMILY[family])) {
      if (pkg === 'stripe') {
        if (!bundled.has('stripe')) continue;
        lines.push(`import Stripe from 'stripe';`, `export const stripe = new Stripe('sk_test_reference');`);
        continue;
      }
      if (!bundled.has(`@aws-sdk/${pkg}`)) continue;
      const names = [...(spec.client ? [spec.client] : []), ...(spec.extra ?? []), ...commandsOf(meta, pkg)];
      if (pkg === 'lib-dynamodb') names.push('DynamoDBDocumentClient');
      if (names.length === 0) continue;
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
  return `${lines.join('\n')}\n`;
};

const bundleBytes = (dir: string): number => statSync(path.join(dir, 'index.mjs')).size;

const runHook = (commands: string[]): void => {
  for (const command of commands) execFileSync('sh', ['-c', command], { stdio: 'inherit' });
};

export const buildBundles = async (log: (line: string) => void): Promise<BundleResult[]> => {
  rmSync(OUT_DIR, { recursive: true, force: true });
  const srcDir = path.join(BENCH_DIR, 'src');
  mkdirSync(srcDir, { recursive: true });
  const results: BundleResult[] = [];
  for (const lambda of lambdaEntries()) {
    const dir = path.join(OUT_DIR, lambda.name);
    const options = esbuildOptions(path.join(projectRoot, lambda.entry), path.join(dir, 'index.mjs'), stubbedModules(projectRoot, lambda.name));
    const out = await build({ ...options, metafile: true, logLevel: 'error' });
    if (lambda.name === 'documents') runHook(pdfkitFontsHook(projectRoot).afterBundling(projectRoot, dir));
    const meta = out.metafile;
    const refEntry = path.join(srcDir, `reference-${lambda.name}.mjs`);
    writeFileSync(refEntry, referenceSource(lambda.uses, meta));
    const referenceDir = path.join(OUT_DIR, `reference-${lambda.name}`);
    await build({ ...esbuildOptions(refEntry, path.join(referenceDir, 'index.mjs')), logLevel: 'error' });

    const byPackage = new Map<string, number>();
    for (const output of Object.values(meta.outputs)) {
      for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
        const pkg = packageOf(input);
        byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + bytesInOutput);
      }
    }
    const sdk = [...byPackage].filter(([pkg]) => pkg.startsWith('@aws-sdk/') || pkg.startsWith('@smithy/') || pkg.startsWith('@aws-crypto/'));
    const result: BundleResult = {
      name: lambda.name,
      bytes: bundleBytes(dir),
      referenceBytes: bundleBytes(referenceDir),
      dir,
      referenceDir,
      sdkPackages: [...byPackage.keys()].filter((p) => p.startsWith('@aws-sdk/')).sort(),
      sdkBytes: sdk.reduce((sum, [, bytes]) => sum + bytes, 0),
      topOthers: [...byPackage]
        .filter(([pkg]) => !sdk.some(([s]) => s === pkg))
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([pkg, bytes]) => ({ pkg, bytes })),
    };
    log(`  bundle ${lambda.name}: ${result.bytes} B (reference ${result.referenceBytes} B)`);
    results.push(result);
  }
  return results;
};
