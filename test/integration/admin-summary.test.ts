// GET /admin/summary against racing writers. The counts are compared with the
// truth read item by item, so this file runs the real handlers in-process
// (test/support/fuzz-invoke.ts) on a table of its own in DynamoDB Local: the
// shared table's queues move with every other test file running beside it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const TABLE = vi.hoisted(() => {
  // Before any adapter is imported: they read the table name once, at import.
  process.env.TABLE_NAME = `summary-${Date.now()}`;
  return process.env.TABLE_NAME;
});

import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { ensureTable } from '#infra/local/bootstrap';
import { type RouteId, routes } from '#infra/routes';
import { db } from '#shared/adapters/dynamo';
import { newId } from '#shared/adapters/ids';
import { entityIndexKeys, filedAgainstOrderKeys, KEY } from '#shared/adapters/keys';
import type { AdminSummary } from '#shared/domain/admin-summary';
import type { Cancellation } from '#shared/domain/cancellation';
import type { Order } from '#shared/domain/order';
import type { Refund } from '#shared/domain/refund';
import type { ReturnRecord } from '#shared/domain/return-request';
import { type Caller, invoke } from '../support/fuzz-invoke.ts';
import { orderBody } from '../support/orders.ts';

const control = new DynamoDBClient({});
const admin: Caller = { role: 'admin', sub: 'summary-admin' };
const shop: Caller = { role: 'storefront', sub: 'summary-shop' };

const send = async <T>(caller: Caller, id: RouteId, pathParameters: Record<string, string> = {}, body?: unknown) => {
  const route = routes.find((r) => r.id === id);
  if (!route) throw new Error(id);
  const reply = await invoke({
    route,
    caller,
    pathParameters,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
  return { status: reply.status, body: JSON.parse(reply.text) as T };
};
const ok = async <T>(reply: Promise<{ status: number; body: T }>): Promise<T> => {
  const { status, body } = await reply;
  if (status >= 300) throw new Error(`${status} ${JSON.stringify(body)}`);
  return body;
};

const newOrder = async (owner: Caller & { sub: string }, delivered: boolean, overrides: Record<string, unknown> = {}): Promise<Order> => {
  const base = orderBody(overrides);
  const order = await ok(send<Order>(shop, 'orders.create', {}, { ...base, customer: { ...base.customer, customerId: owner.sub } }));
  if (delivered) for (const status of ['confirmed', 'shipped', 'delivered']) await ok(send(admin, 'orders.adminStatus', { orderId: order.id }, { status }));
  return order;
};

const summary = async () => ok(send<AdminSummary>(admin, 'orders.summary'));

beforeAll(async () => {
  await ensureTable(control, TABLE);
});
afterAll(async () => {
  await control.send(new DeleteTableCommand({ TableName: TABLE }));
  control.destroy();
});

describe('GET /admin/summary', () => {
  it('starts at zero on an empty table', async () => {
    expect(await summary()).toEqual({
      returns: { new: 0, picked_up: 0, pending_verification: 0, approved: 0, partially_approved: 0 },
      cancellations: { requested: 0 },
      refundTransactions: { pending: 0, failed: 0 },
    });
  });

  it('equals the items’ own statuses after racing writers, once the index has caught up', { timeout: 180_000 }, async () => {
    const customers = Array.from({ length: 6 }, () => ({ role: 'customer' as const, sub: `cus-${randomUUID()}` }));
    const delivered = await Promise.all(customers.map((c) => newOrder(c, true)));
    const open = await Promise.all(customers.map((c) => newOrder(c, false)));

    // Two returns per delivered order at once (3 mugs each: both fit), then racing admins and customers on each.
    const returnBody = (order: Order) => ({
      orderId: order.id,
      items: [{ lineItemId: order.lineItems[0]?.id, quantity: 1, reasonId: 'rsn_retdamaged' }],
      refundMethod: 'card',
    });
    const created = await Promise.all(
      delivered.flatMap((order, i) => [0, 1].map(() => send<ReturnRecord>(customers[i] as Caller, 'returns.create', {}, returnBody(order)))),
    );
    expect(created.map((r) => r.status)).toEqual(created.map(() => 201));
    const returns = created.map((r) => r.body);
    const racers: Record<number, (r: ReturnRecord) => Promise<unknown>[]> = {
      0: (r) => [
        send(admin, 'returns.adminStatus', { returnId: r.id }, { status: 'picked_up' }),
        send(admin, 'returns.adminStatus', { returnId: r.id }, { status: 'picked_up' }),
      ],
      1: (r) => [
        send(admin, 'returns.adminStatus', { returnId: r.id }, { status: 'picked_up' }),
        send(admin, 'returns.adminStatus', { returnId: r.id }, { status: 'pending_verification' }),
      ],
      2: (r) => [
        send({ role: 'customer', sub: r.customerId }, 'returns.cancel', { returnId: r.id }),
        send(admin, 'returns.adminStatus', { returnId: r.id }, { status: 'picked_up' }),
      ],
      3: () => [],
    };
    await Promise.all(returns.flatMap((r, i) => racers[i % 4]?.(r) ?? []));

    // Two cancellation requests per open paid order at once (one wins), then racing approvals and rejections.
    const asked = await Promise.all(
      open.flatMap((order, i) =>
        [0, 1].map(() => send<Cancellation>(customers[i] as Caller, 'cancellations.create', { orderId: order.id }, { reasonId: 'rsn_cxlmistake' })),
      ),
    );
    const cancellations = asked.filter((a) => a.status === 201).map((a) => a.body);
    expect(cancellations).toHaveLength(open.length);
    await Promise.all(
      cancellations
        .slice(0, 3)
        .flatMap((c) => [
          send(admin, 'cancellations.approve', { id: c.id }),
          send(admin, 'cancellations.approve', { id: c.id }),
          send(admin, 'cancellations.reject', { id: c.id }, { rejectionReason: 'packed' }),
        ]),
    );

    // Bank transfers refunded at once on every delivered order, then racing settlements of half of them.
    const transfers = await Promise.all(
      delivered.map((o) => ok(send<Refund>(admin, 'refunds.create', { orderId: o.id }, { amount: 100, gateway: 'bank_transfer' }))),
    );
    await Promise.all(
      transfers
        .slice(0, 3)
        .flatMap((r) =>
          ['failure', 'success', 'failure'].map((status) =>
            send(admin, 'refunds.settleTransaction', { refundId: r.id, txnId: r.transactions[0]?.id ?? '' }, { status }),
          ),
        ),
    );

    // The truth, read item by item (strongly consistent), against the counts.
    const finalReturns = await Promise.all(returns.map(async (r) => (await ok(send<ReturnRecord>(admin, 'returns.adminGet', { returnId: r.id }))).status));
    const finalCancellations = await Promise.all(
      cancellations.map(async (c) => (await ok(send<Cancellation>(admin, 'cancellations.adminGet', { id: c.id }))).status),
    );
    const refunds = (await Promise.all([...delivered, ...open].map((o) => ok(send<{ items: Refund[] }>(admin, 'refunds.list', { orderId: o.id }))))).flatMap(
      (page) => page.items,
    );
    const txns = refunds.flatMap((r) => r.transactions.map((t) => t.status));
    const tally = (values: string[], value: string) => values.filter((v) => v === value).length;
    const expected: AdminSummary = {
      returns: {
        new: tally(finalReturns, 'new'),
        picked_up: tally(finalReturns, 'picked_up'),
        pending_verification: tally(finalReturns, 'pending_verification'),
        approved: 0,
        partially_approved: 0,
      },
      cancellations: { requested: tally(finalCancellations, 'requested') },
      refundTransactions: { pending: tally(txns, 'pending'), failed: tally(txns, 'failure') },
    };
    // The races did race: every queue holds something, and the losers changed nothing.
    expect(expected.returns.new).toBeGreaterThanOrEqual(3);
    expect(expected.returns.picked_up + expected.returns.pending_verification).toBeGreaterThanOrEqual(6);
    expect(expected.cancellations.requested).toBe(3);
    expect(expected.refundTransactions.pending).toBeGreaterThanOrEqual(3);
    const settledTransfers = refunds.flatMap((r) => r.transactions).filter((t) => t.gateway === 'bank_transfer' && t.status !== 'pending');
    expect(settledTransfers, 'one settlement of each raced transfer won').toHaveLength(3);
    await vi.waitFor(async () => expect(await summary()).toEqual(expected), { timeout: 10_000, interval: 200 });
  });

  it('counts a queue larger than one COUNT page (1 MB) to the last page, with Queries only', { timeout: 180_000 }, async () => {
    const owner = { role: 'customer' as const, sub: `cus-${randomUUID()}` };
    const order = await newOrder(owner, true);
    const template = await ok(
      send<ReturnRecord>(
        owner,
        'returns.create',
        {},
        { orderId: order.id, items: [{ lineItemId: order.lineItems[0]?.id, quantity: 1, reasonId: 'rsn_retdamaged' }], refundMethod: 'card' },
      ),
    );
    const stored = (await db.send(new GetCommand({ TableName: TABLE, Key: KEY.returnRequest(template.id) }))).Item as ReturnRecord;
    const before = await summary();
    // ~4 KB each with the padding: 1,000 of them are about 4 MB, four COUNT pages at least.
    const clones = Array.from({ length: 1000 }, () => {
      const r = { ...stored, id: newId('ret'), extraComment: 'x'.repeat(250), padding: 'p'.repeat(3500) };
      return { ...r, ...KEY.returnRequest(r.id), ...entityIndexKeys('RETURN', r, r.customerId), ...filedAgainstOrderKeys('RETURN', r), type: 'ReturnRequest' };
    });
    for (let i = 0; i < clones.length; i += 25) {
      await db.send(new BatchWriteCommand({ RequestItems: { [TABLE]: clones.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }));
    }
    const commands: { name: string; input: Record<string, unknown> }[] = [];
    db.middlewareStack.add(
      (next, context) => async (args) => {
        commands.push({ name: context.commandName ?? '', input: args.input as Record<string, unknown> });
        return next(args);
      },
      { step: 'initialize', name: 'summaryCommandSpy' },
    );
    try {
      await vi.waitFor(async () => expect((await summary()).returns.new).toBe(before.returns.new + 1000), { timeout: 10_000, interval: 200 });
    } finally {
      db.middlewareStack.remove('summaryCommandSpy');
    }
    expect(new Set(commands.map((c) => `${c.name} ${c.input.IndexName} ${c.input.Select}`))).toEqual(new Set(['QueryCommand byStatus COUNT']));
    const newQueue = commands.filter((c) => (c.input.ExpressionAttributeValues as Record<string, string>)[':pk'] === 'RETURN#new');
    expect(newQueue.filter((c) => c.input.ExclusiveStartKey).length, 'pages after the first').toBeGreaterThanOrEqual(3);
  });
});
