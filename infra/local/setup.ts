// `npm run setup` (and the first step of `npm test`): makes sure Java 17+ is there
// and AWS's DynamoDB Local is cached under .cache/. The jar comes out of the
// amplify-dynamodb-simulator tarball, which ships it; we `npm pack` that tarball
// instead of installing the package so none of its dependencies or scripts land
// in node_modules, and npm still checks the tarball's integrity for us.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const DYNAMODB_LOCAL_PACKAGE = 'amplify-dynamodb-simulator@2.9.30';
export const MIN_JAVA_VERSION = 17;
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const cacheDir = path.join(projectRoot, '.cache');
export const dynamoDbLocalDir = path.join(cacheDir, 'dynamodb-local');
export const dynamoDbLocalJar = path.join(dynamoDbLocalDir, 'DynamoDBLocal.jar');

export type JavaCheck = { ok: true; version: number } | { ok: false; message: string };

/** `java -version` prints e.g. `openjdk version "17.0.15"` or `java version "1.8.0_402"` on stderr. */
export const parseJavaVersion = (output: string): number | undefined => {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(output);
  if (!match) return undefined;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
};

export async function checkJava(): Promise<JavaCheck> {
  const hint = `DynamoDB Local needs Java ${MIN_JAVA_VERSION}+ on PATH (e.g. apt-get install openjdk-17-jre-headless, or brew install openjdk@17).`;
  try {
    const { stdout, stderr } = await run('java', ['-version']);
    const version = parseJavaVersion(`${stderr}\n${stdout}`);
    if (version === undefined) return { ok: false, message: `Could not read the Java version from \`java -version\`. ${hint}` };
    if (version < MIN_JAVA_VERSION) return { ok: false, message: `Found Java ${version}. ${hint}` };
    return { ok: true, version };
  } catch {
    return { ok: false, message: `\`java\` was not found. ${hint}` };
  }
}

/** Downloads and unpacks DynamoDB Local once; returns its directory. Safe to run concurrently. */
export async function ensureDynamoDbLocal(log: (line: string) => void = () => {}): Promise<string> {
  if (existsSync(dynamoDbLocalJar)) return dynamoDbLocalDir;
  await mkdir(cacheDir, { recursive: true });
  const packDir = await mkdtemp(path.join(tmpdir(), 'aftersales-pack-'));
  // Unpack next to the final directory so the closing rename stays on one filesystem (atomic).
  const unpackDir = await mkdtemp(path.join(cacheDir, '.dynamodb-local-'));
  try {
    log(`Fetching DynamoDB Local (${DYNAMODB_LOCAL_PACKAGE}, ~57 MB, once)…`);
    const { stdout } = await run('npm', ['pack', DYNAMODB_LOCAL_PACKAGE, '--json', '--pack-destination', packDir], {
      cwd: packDir,
      maxBuffer: 64 * 1024 * 1024,
    });
    const [packed] = JSON.parse(stdout) as [{ filename: string }];
    await run('tar', ['-xzf', path.join(packDir, packed.filename), '-C', unpackDir, 'package/emulator']);
    try {
      await rename(path.join(unpackDir, 'package', 'emulator'), dynamoDbLocalDir);
    } catch (error) {
      // Another process won the race: fine as long as its copy is complete.
      if (!existsSync(dynamoDbLocalJar)) throw error;
    }
    log(`DynamoDB Local cached in ${path.relative(projectRoot, dynamoDbLocalDir)}/`);
    return dynamoDbLocalDir;
  } finally {
    await rm(packDir, { recursive: true, force: true });
    await rm(unpackDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const java = await checkJava();
  if (!java.ok) {
    console.error(`setup: ${java.message}`);
    process.exit(1);
  }
  await ensureDynamoDbLocal((line) => console.log(`setup: ${line}`));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error('setup: failed:', error);
    process.exit(1);
  });
}
