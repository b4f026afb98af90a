// Faults in the stream → email pipeline, end to end: real table writes (the
// orders handler, in-process), the real DynamoDB stream read by a stream poller
// of this file's own (Lambda's event source mapping: batches, retries, the
// dead-letter destination) and the real notify consumer. This file uses a table
// of its own, so the shared stack's poller never sees these records.
//   - SES failing for one address: its record is retried, then dead-lettered,
//     never lost; replayed once SES is back, it sends exactly once.
//   - The consumer crashing mid-batch (a send that never returns and an
//     invocation that dies, like a Lambda timeout): the batch is delivered
//     again and resumes without sending anything twice.
import { randomUUID } from 'node:crypto';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureTable } from '#infra/local/bootstrap';
import { lambdaContext } from '#infra/local/lambda-context';
import { freePort } from '#infra/local/ports';
import { readSentEmails } from '#infra/local/ses-local';
import type { DeadLetter, StreamPoller } from '#infra/local/stream-poller';
import { type Route, routes } from '#infra/routes';
import { orderBody } from '../support/orders.ts';

const tableName = `faults-notify-${randomUUID().slice(0, 8)}`;
process.env.TABLE_NAME = tableName;
const region = process.env.AWS_REGION ?? 'us-east-1';
const credentials = { accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'x', secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? 'x' };
const endpoint = process.env.AWS_ENDPOINT_URL_DYNAMODB ?? '';
const admin = new DynamoDBClient({ region, credentials, endpoint });
await ensureTable(admin, tableName);
// Only now: these read TABLE_NAME when imported.
const { createHandler } = await import('#functions/streams/notify');
const { createSesSender, sendEmail } = await import('#shared/adapters/ses');
const { startStreamPoller } = await import('#infra/local/stream-poller');
const { invoke } = await import('../support/fuzz-invoke.ts');

const address = (who: string) => `${who}-${randomUUID()}@example.com`;
const inbox = async (to: string) => (await readSentEmails(process.env.SES_URL ?? '')).filter((e) => e.destination.to.includes(to));
const route = (id: string) => (routes as readonly Route[]).find((r) => r.id === id) as Route;
const until = async (done: () => boolean | Promise<boolean>, what: string, ms = 30_000) => {
  for (const start = Date.now(); !(await done()); ) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

// SES: down for the addresses in `down` (a client pointed at a dead port), up otherwise.
const dead = createSesSender({ endpoint: `http://127.0.0.1:${await freePort()}`, maxAttempts: 1 });
const down = new Set<string>();
// The crash: the Nth send to `crash.address` never returns and the invocation dies with it.
const crash = { address: '', at: 2, sends: 0, crashed: 0, kill: (_e: Error) => {} };
const consumer = createHandler({
  send: async (from, to, email) => {
    if (to.some((a) => down.has(a))) return dead(from, to, email);
    if (to.includes(crash.address) && ++crash.sends === crash.at) {
      crash.crashed++;
      crash.kill(new Error('Task timed out (injected crash mid-send)'));
      return new Promise<void>(() => {});
    }
    return sendEmail(from, to, email);
  },
});
/** A Lambda with a 1 s timeout: an in-progress email marker of a crashed invocation expires with it. */
const lambda = (event: Parameters<typeof consumer>[0]) =>
  Promise.race([
    consumer(event, lambdaContext('aftersales-notify', 1000)),
    new Promise<never>((_, reject) => {
      crash.kill = reject;
    }),
  ]);

let poller: StreamPoller;
const invocations = { count: 0 };
type LogLine = { message?: string; function_name?: string; correlation_id?: string; function_request_id?: string; notification?: string; routeKey?: string };
const logLines: LogLine[] = [];
beforeAll(async () => {
  // Errors go to stderr, the rest to stdout.
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    vi.spyOn(stream, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: never[]) => {
      for (const line of String(chunk).split('\n')) if (line.startsWith('{')) logLines.push(JSON.parse(line) as LogLine);
      return write(chunk, ...rest);
    }) as typeof stream.write);
  }
  poller = await startStreamPoller({
    endpoint,
    region,
    credentials,
    tableName,
    handler: (event) => {
      invocations.count++;
      return lambda(event);
    },
    retryAttempts: 4,
    retryDelayMs: (attempt) => 400 * attempt,
    log: () => {},
  });
});
afterAll(async () => {
  vi.restoreAllMocks();
  await poller?.stop();
  await admin.send(new DeleteTableCommand({ TableName: tableName }));
  admin.destroy();
});

/** An order for `email`, then its status walked along `statuses`: one stream record, one email, per change. */
const orderWithChanges = async (email: string, statuses: readonly string[]) => {
  const base = orderBody();
  const created = await invoke({
    route: route('orders.create'),
    caller: { role: 'storefront', sub: 'storefront' },
    body: JSON.stringify({ ...base, customer: { ...base.customer, customerId: `cus-${randomUUID()}`, email } }),
  });
  const order = JSON.parse(created.text) as { id: string };
  for (const status of statuses) {
    const reply = await invoke({
      route: route('orders.adminStatus'),
      caller: { role: 'admin', sub: 'admin-faults' },
      pathParameters: { orderId: order.id },
      body: JSON.stringify({ status }),
    });
    expect(reply.status).toBe(200);
  }
  return order.id;
};

const lettersFor = (orderId: string): DeadLetter[] => poller.deadLetters.filter((l) => l.record.dynamodb?.NewImage?.id?.S === orderId);

describe('notify under faults, through the stream', () => {
  it('SES down for one address: retried, dead-lettered, never lost; replayed once back up, sent exactly once', { timeout: 60_000 }, async () => {
    const [broken, fine] = [address('ses-down'), address('ses-up')];
    down.add(broken);
    const before = invocations.count;
    const [brokenOrder, fineOrder] = [await orderWithChanges(broken, ['confirmed', 'shipped']), await orderWithChanges(fine, ['confirmed', 'shipped'])];

    // Both of its changes fail while SES is down, so both end in the dead-letter queue.
    await until(() => lettersFor(brokenOrder).length === 2, 'both dead letters');
    await until(async () => (await inbox(fine)).length === 2, 'the other emails');
    expect(invocations.count - before, 'the failing record was retried').toBeGreaterThan(2);
    expect(await inbox(broken)).toEqual([]);
    expect(lettersFor(fineOrder)).toEqual([]);
    // Each failure is logged with the consumer invocation's own correlation id, nothing left from an HTTP request.
    // (Lines of the first invocation may carry the orders handler's context: in this one process they overlapped,
    // which separate Lambdas never do; so only the consumer's own lines are judged, and there must be several.)
    // The events consumer and the queue consumers share this process (and its logger) too: a line logged while one of
    // them reset the context carries no correlation id at all; such lines are left out.
    const failures = logLines.filter(
      (l) =>
        l.message === 'email not sent' && l.notification?.startsWith(brokenOrder) && l.function_name === 'aftersales-notify' && l.correlation_id !== undefined,
    );
    expect(failures.length).toBeGreaterThan(2);
    for (const line of failures)
      expect({ correlation: line.correlation_id, routeKey: line.routeKey }).toEqual({ correlation: line.function_request_id, routeKey: undefined });
    expect(new Set(failures.map((l) => l.correlation_id)).size, 'a new id per invocation').toBeGreaterThan(1);
    const letters = lettersFor(brokenOrder);
    for (const letter of letters) expect(letter.attempts, 'dead-lettered after the mapping’s retries').toBe(5);

    down.delete(broken);
    // The operator's replay of the dead-letter queue, twice over (at-least-once delivery of the replay itself).
    for (let i = 0; i < 2; i++) {
      const replay = await lambda({ Records: letters.map((l) => l.record) });
      expect(replay.batchItemFailures).toEqual([]);
    }
    await new Promise((r) => setTimeout(r, 1000));
    const subjects = (await inbox(broken)).map((e) => e.subject);
    expect(subjects, 'every change emailed once').toHaveLength(2);
    expect(new Set(subjects).size).toBe(2);
    expect(await inbox(fine), 'the batch retries resent nothing').toHaveLength(2);
  });

  it('the consumer dies mid-batch: the batch is redelivered and resumes without a duplicate', { timeout: 60_000 }, async () => {
    const victim = address('crash');
    Object.assign(crash, { address: victim, at: 2, sends: 0, crashed: 0 });
    const orderId = await orderWithChanges(victim, ['confirmed', 'shipped', 'delivered']);

    await until(async () => (await inbox(victim)).length >= 3, 'all three emails');
    await new Promise((r) => setTimeout(r, 1500));
    expect(crash.crashed).toBe(1);
    const subjects = (await inbox(victim)).map((e) => e.subject);
    expect(subjects).toHaveLength(3);
    expect(new Set(subjects).size).toBe(3);
    expect(lettersFor(orderId)).toEqual([]);
    console.log(`faults-notify: SES failures dead-lettered then replayed once; 1 crash mid-batch resumed; duplicates 0, lost 0`);
  });
});
