// Runs AWS's DynamoDB Local (the jar fetched by setup.ts) as a child process.
// Java is started behind a tiny `sh` guard that holds a pipe from us: when this
// Node process ends for any reason, even SIGKILL, the pipe closes, the guard's
// `read` returns and it kills Java, so no orphaned JVM keeps the port.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { dynamoDbLocalDir } from '#infra/local/setup';

export interface DynamoDbLocal {
  readonly endpoint: string;
  readonly port: number;
  stop(): Promise<void>;
}

export interface DynamoDbLocalOptions {
  port: number;
  /** Persist tables here (`-dbPath`); in memory when absent. */
  dataDir?: string;
  /** Where DynamoDBLocal.jar lives; defaults to the setup cache. */
  dir?: string;
  quiet?: boolean;
  startTimeoutMs?: number;
}

// Background jobs of a non-interactive sh ignore SIGINT, so a Ctrl-C reaching the
// whole process group would kill the guard but not Java: the trap forwards it.
const GUARD = [
  `trap 'kill $pid 2>/dev/null; wait $pid; exit 0' INT TERM HUP`,
  '"$@" & pid=$!',
  'echo "guarded-pid $pid" >&2',
  'read -r _ || true',
  'kill $pid 2>/dev/null',
  'wait $pid',
].join('; ');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Any HTTP answer (DynamoDB Local says 400 to an unsigned request) means it is up. */
async function answers(endpoint: string): Promise<boolean> {
  try {
    await fetch(endpoint, { method: 'POST', signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

export async function startDynamoDbLocal(options: DynamoDbLocalOptions): Promise<DynamoDbLocal> {
  const dir = options.dir ?? dynamoDbLocalDir;
  if (!existsSync(path.join(dir, 'DynamoDBLocal.jar'))) {
    throw new Error(`DynamoDB Local is not in ${dir}. Run \`npm run setup\` first.`);
  }
  const storage = options.dataDir ? ['-dbPath', path.resolve(options.dataDir)] : ['-inMemory'];
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const args = [
    `-Djava.library.path=${path.join(dir, 'DynamoDBLocal_lib')}`,
    '-jar',
    'DynamoDBLocal.jar',
    '-sharedDb',
    '-disableTelemetry',
    '-port',
    String(options.port),
    ...storage,
  ];
  const child = spawn('sh', ['-c', GUARD, 'dynamodb-local-guard', 'java', ...args], {
    cwd: dir,
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: false,
  });
  let output = '';
  let javaPid: number | undefined;
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    const pid = /guarded-pid (\d+)/.exec(text);
    if (pid) javaPid = Number(pid[1]);
    output = (output + text).slice(-4000);
    if (!options.quiet) process.stderr.write(text.replace(/guarded-pid \d+\n?/, '').replace(/^(?=.)/gm, '[dynamodb] '));
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exit.then(() => {
    exited = true;
  });
  // Belt and braces for a normal exit or crash of this process: kill synchronously.
  const killOnExit = () => killAll(child, javaPid);
  process.once('exit', killOnExit);

  const endpoint = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  while (!(await answers(endpoint))) {
    if (exited || Date.now() > deadline) {
      killAll(child, javaPid);
      process.off('exit', killOnExit);
      throw new Error(`DynamoDB Local did not start on port ${options.port}:\n${output}`);
    }
    await sleep(150);
  }

  const stop = async () => {
    if (!exited) {
      child.stdin?.end(); // the guard kills Java and waits for it
      await Promise.race([exit, sleep(5000)]);
    }
    // Whatever happened to the guard, Java must not outlive us.
    for (let i = 0; javaPid !== undefined && isAlive(javaPid) && i < 50; i++) {
      if (i === 0) signal(javaPid, 'SIGTERM');
      if (i === 30) signal(javaPid, 'SIGKILL');
      await sleep(100);
    }
    if (!exited) killAll(child, javaPid);
    process.off('exit', killOnExit);
  };
  return { endpoint, port: options.port, stop };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

function killAll(child: ChildProcess, javaPid: number | undefined): void {
  for (const pid of [javaPid, child.pid]) if (pid !== undefined) signal(pid, 'SIGKILL');
}
