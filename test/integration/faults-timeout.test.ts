// A Lambda timeout (or crash) mid-transaction leaves no partial state. A child
// process runs POST /orders through the shipped handler (an order, a tracked
// stock decrement and an idempotency record: one TransactWriteItems) and is
// SIGKILLed 0–25 ms after that request leaves for DynamoDB: sometimes before it
// commits, sometimes after. Either all three items are there or none is; and
// the storefront's retry with the same Idempotency-Key ends with exactly one
// order and one stock decrement, whichever way the kill fell.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '#infra/local/setup';
import { type Route, routes } from '#infra/routes';
import { db, TABLE_NAME } from '#shared/adapters/dynamo';
import { KEY } from '#shared/adapters/keys';
import { admin, call, customer } from '../support/api.ts';
import { type FuzzRequest, invoke } from '../support/fuzz-invoke.ts';
import { orderBody } from '../support/orders.ts';

const FULL = process.env.FULL === '1';
const TRIALS = FULL ? 40 : 8;
const create = (routes as readonly Route[]).find((r) => r.id === 'orders.create') as Route;

/** Runs `request` in a child and kills it `delayMs` after its transaction is sent; resolves how it ended. */
const runAndKill = (request: FuzzRequest, delayMs: number): Promise<'killed' | 'finished'> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/fuzz-killable.ts', JSON.stringify(request)], {
      cwd: projectRoot,
      env: process.env,
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('SENDING') && child.exitCode === null) setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(out.includes('DONE') ? 'finished' : 'killed');
      else if (code === 0 && out.includes('DONE 201')) resolve('finished');
      else reject(new Error(`child ended ${code ?? signal}: ${out} ${err.slice(-2000)}`));
    });
  });

const trial = async (i: number) => {
  const owner = customer();
  const sku = `KILL-${randomUUID().slice(0, 8)}`;
  expect((await call(admin, 'PUT', `/admin/stock/${sku}`, { quantity: 100 })).status).toBe(200);
  const key = `timeout-${randomUUID()}`;
  const base = orderBody({ lineItems: [{ sku, title: 'Kettle', quantity: 2, unitPrice: 3000 }] });
  const request: FuzzRequest = {
    route: create,
    caller: { role: 'storefront', sub: 'storefront' },
    body: JSON.stringify({ ...base, customer: { ...base.customer, customerId: owner.sub } }),
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
  };
  const ended = await runAndKill(request, (i * 7) % 26);
  // A request DynamoDB received before the kill still commits: let it land before looking.
  await new Promise((resolve) => setTimeout(resolve, 300));

  const state = async () => {
    const orders = await call<{ items: { id: string }[] }>(owner, 'GET', '/orders');
    const stock = await call<{ quantity: number }>(admin, 'GET', `/admin/stock/${sku}`);
    const record = await db.send(new GetCommand({ TableName: TABLE_NAME, Key: KEY.idempotency(key), ConsistentRead: true }));
    return { orders: orders.body.items.map((o) => o.id), stock: stock.body.quantity, remembered: record.Item !== undefined };
  };
  const after = await state();
  const committed = after.orders.length === 1;
  expect(after, `trial ${i} (${ended})`).toEqual(
    committed ? { orders: [expect.any(String)], stock: 98, remembered: true } : { orders: [], stock: 100, remembered: false },
  );

  // The storefront saw a timeout and retries with the same key.
  const retry = await invoke(request);
  expect(retry.status).toBe(201);
  const final = await state();
  expect(final).toEqual({ orders: [(JSON.parse(retry.text) as { id: string }).id], stock: 98, remembered: true });
  if (committed) expect(final.orders).toEqual(after.orders);
  return committed ? 'committed' : 'not committed';
};

describe('a Lambda killed mid-transaction', () => {
  it(`leaves all or nothing, and a retry makes it exactly once (${TRIALS} kills)`, { timeout: FULL ? 600_000 : 120_000 }, async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < TRIALS; i += 4) {
      outcomes.push(...(await Promise.all([i, i + 1, i + 2, i + 3].filter((n) => n < TRIALS).map(trial))));
    }
    const counts = Object.fromEntries(['committed', 'not committed'].map((o) => [o, outcomes.filter((x) => x === o).length]));
    console.log(`faults-timeout: ${TRIALS} kills mid-transaction: ${JSON.stringify(counts)}, partial states 0, duplicates after retry 0`);
    expect(outcomes).toHaveLength(TRIALS);
  });
});
