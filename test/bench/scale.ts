// 5. Scale: the admin lists (orders, by number and email too; returns, and an
// order's returns; the refund transaction queue) with 1k and with many more
// items of their type in the table (seeded directly with parallel
// BatchWriteItem, clones of a real order, return request and transaction row
// with their own ids, dates, customers, numbers, emails and statuses). A list
// is one Query on a key or index, so its latency and read units must not move
// with the table: ratio ≈ 1.00, RCU ratio 1.00, Count / ScannedCount = 1.
// An order's cancellations and a customer's cancellations run the very code
// of an order's returns and a customer's orders (entity-lists.ts) and are not
// timed again.
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, type BatchWriteCommandOutput, DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, TABLE_NAME } from '#shared/adapters/dynamo';
import { newId } from '#shared/adapters/ids';
import { entityIndexKeys, filedAgainstOrderKeys, INDEX, KEY, orderLookupKeys, transactionRowKeys } from '#shared/adapters/keys';
import { countPartition } from '#shared/adapters/queue-counts';
import type { Order } from '#shared/domain/order';
import type { Refund } from '#shared/domain/refund';
import { queueStatus, type RefundTransactionRow, transactionRows } from '#shared/domain/refund-queue';
import type { ReturnRecord } from '#shared/domain/return-request';
import { orderBody } from '../support/orders.ts';
import { consumed } from './capacity.ts';
import { type Caller, invokeOk, type Request } from './invoke.ts';
import { metered } from './meter.ts';
import { type Summary, summarize, timeEach } from './stats.ts';

type Item = Record<string, unknown>;
const ORDER_STATUSES = ['pending', 'confirmed', 'shipped', 'delivered', 'cancelled'];
const RETURN_STATUSES = ['new', 'picked_up', 'pending_verification', 'approved', 'refunded', 'denied'];
const TXN_STATUSES = ['pending', 'success', 'failure'] as const;
const GATEWAYS = ['bank_transfer', 'card', 'voucher', 'cash'] as const;
/** Clones share 50 numbers, emails and (for returns) one real order per 50, so each probed partition holds ≥ 20 items at 1k. */
const SPREAD = 50;
const admin: Caller = { role: 'admin', sub: 'bench-admin' };

/** A real order, return request and transaction row, as the handlers stored them. */
const templates = async (): Promise<{ order: Item; ret: Item; txn: RefundTransactionRow; orderId: string }> => {
  const sub = `bench-scale-${randomUUID()}`;
  const me: Caller = { role: 'customer', sub };
  const created = await invokeOk<Order>(
    {
      caller: { role: 'storefront', sub: 'bench' },
      method: 'POST',
      url: '/orders',
      body: { ...orderBody(), customer: { customerId: sub, name: 'Scale Bench', email: `${sub}@example.com` } },
    },
    201,
  );
  for (const status of ['confirmed', 'shipped', 'delivered'])
    await invokeOk({ caller: admin, method: 'POST', url: `/admin/orders/${created.id}/status`, body: { status } });
  const ret = await invokeOk<{ id: string }>(
    {
      caller: me,
      method: 'POST',
      url: '/returns',
      body: { orderId: created.id, items: [{ lineItemId: created.lineItems[0]?.id, quantity: 1, reasonId: 'rsn_retdamaged' }], refundMethod: 'card' },
    },
    201,
  );
  const refund = await invokeOk<Refund>(
    { caller: admin, method: 'POST', url: `/admin/orders/${created.id}/refunds`, body: { amount: 100, gateway: 'bank_transfer' } },
    201,
  );
  const get = async (key: Item) => (await db.send(new GetCommand({ TableName: TABLE_NAME, Key: key }))).Item as Item;
  const txn = transactionRows(refund)[0] as RefundTransactionRow;
  return { order: await get(KEY.order(created.id)), ret: await get(KEY.returnRequest(ret.id)), txn, orderId: created.id };
};

const BASE = Date.parse('2026-01-01T00:00:00.000Z');

/** An order and its number pointer. */
const cloneOrder = (template: Item, i: number): Item[] => {
  const id = newId('ord');
  const createdAt = new Date(BASE - i * 60_000).toISOString();
  const status = ORDER_STATUSES[i % ORDER_STATUSES.length] as string;
  const customer = { ...(template.customer as Item), customerId: `bench-scale-customer-${i % 1000}`, email: `bench-scale-${i % SPREAD}@example.com` };
  const order = { ...template, id, number: `BENCH-${i % SPREAD}`, status, customer, createdAt, updatedAt: createdAt } as Order & Item;
  return [
    { ...order, ...KEY.order(id), ...entityIndexKeys('ORDER', order, order.customer.customerId), ...orderLookupKeys(order) },
    { ...KEY.orderNumber(order.number, createdAt, id), type: 'OrderNumberRef', orderId: id },
  ];
};

const cloneReturn = (template: Item, orderId: string, i: number): Item[] => {
  const id = newId('ret');
  const createdAt = new Date(BASE - i * 60_000).toISOString();
  const r = {
    ...template,
    id,
    orderId: i % SPREAD === 0 ? orderId : newId('ord'),
    customerId: `bench-scale-customer-${i % 1000}`,
    status: RETURN_STATUSES[i % RETURN_STATUSES.length],
    createdAt,
    updatedAt: createdAt,
  };
  return [
    {
      ...r,
      ...KEY.returnRequest(id),
      ...entityIndexKeys('RETURN', r as ReturnRecord, (r as ReturnRecord).customerId),
      ...filedAgainstOrderKeys('RETURN', r as ReturnRecord),
    },
  ];
};

const cloneTransaction = (template: RefundTransactionRow, i: number): Item[] => {
  const row = {
    ...template,
    id: newId('txn'),
    refundId: newId('rfd'),
    orderId: newId('ord'),
    status: TXN_STATUSES[i % TXN_STATUSES.length] as RefundTransactionRow['status'],
    gateway: GATEWAYS[i % GATEWAYS.length] as RefundTransactionRow['gateway'],
    createdAt: new Date(BASE - i * 60_000).toISOString(),
  };
  return [{ ...transactionRowKeys(row, queueStatus(row)), type: 'RefundTransactionRow', ...row, refundVersion: 1 }];
};

/** Writes `count` clones of `make` (each one or two items), ≤ 25 items per BatchWriteItem, `parallel` batches in flight; retries what DynamoDB leaves unprocessed. */
const seed = async (count: number, make: (i: number) => Item[], offset: number, parallel = 32): Promise<void> => {
  const perBatch = Math.floor(25 / make(0).length);
  const batches = Math.ceil(count / perBatch);
  await timeEach(batches, parallel, async (b) => {
    let requests: NonNullable<BatchWriteCommandOutput['UnprocessedItems']>[string] = [];
    for (let i = b * perBatch; i < Math.min(count, (b + 1) * perBatch); i++) requests.push(...make(offset + i).map((Item) => ({ PutRequest: { Item } })));
    while (requests.length) {
      const out = await db.send(new BatchWriteCommand({ RequestItems: { [TABLE_NAME]: requests } }));
      requests = out.UnprocessedItems?.[TABLE_NAME] ?? [];
    }
  });
};

/** Items of a type, counted on its byType partition (a COUNT query; setup only). */
const countOf = (gsi3pk: string): Promise<number> => countPartition(INDEX.byType, gsi3pk);

export interface ListAtSize {
  readonly items: number;
  readonly latency: Summary;
  readonly rcu: number;
  readonly count: number;
  readonly scannedCount: number;
}

export interface ScaleResult {
  readonly list: string;
  readonly small: ListAtSize;
  readonly large: ListAtSize;
  /** The same single-order GET timed between the list calls at each size: the machine's drift, which the table size cannot explain. */
  readonly control: { readonly small: Summary; readonly large: Summary };
}

interface Probe {
  readonly list: string;
  readonly type: 'ORDER' | 'RETURN' | 'REFUNDTXN';
  /** One call, answering what the list read: its units and Count / ScannedCount. */
  readonly once: () => Promise<{ rcu: number; count: number; scannedCount: number }>;
}

const viaHandler = (list: string, type: Probe['type'], request: Request): Probe => ({
  list,
  type,
  once: async () => {
    const { meter } = await metered(() => invokeOk(request));
    const query = meter.dynamo.find((c) => c.command === 'QueryCommand');
    const out = (query?.output ?? {}) as { Count?: number; ScannedCount?: number };
    return { rcu: meter.dynamo.reduce((s, c) => s + consumed(c), 0), count: out.Count ?? 0, scannedCount: out.ScannedCount ?? 0 };
  },
});

// The admin order list's own Query sent by a bare client: no handler, no meter,
// so whatever still grows with the table is DynamoDB Local's.
const bare = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const rawQuery: Probe = {
  list: 'its Query alone (bare SDK client)',
  type: 'ORDER',
  once: async () => {
    const out = await bare.send(
      new QueryCommand({
        TableName: TABLE_NAME,
        IndexName: INDEX.byType.name,
        KeyConditionExpression: 'GSI3PK = :pk AND GSI3SK BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': 'ORDER', ':from': '0000', ':to': '9999~' },
        ScanIndexForward: false,
        Limit: 20,
        ReturnConsumedCapacity: 'INDEXES',
      }),
    );
    return { rcu: out.ConsumedCapacity?.CapacityUnits ?? 0, count: out.Count ?? 0, scannedCount: out.ScannedCount ?? 0 };
  },
};

const probes = (orderId: string): Probe[] => [
  viaHandler('GET /admin/orders', 'ORDER', { caller: admin, method: 'GET', url: '/admin/orders?limit=20' }),
  rawQuery,
  viaHandler('GET /admin/orders?status=delivered', 'ORDER', { caller: admin, method: 'GET', url: '/admin/orders?status=delivered&limit=20' }),
  viaHandler('GET /admin/orders?email=', 'ORDER', { caller: admin, method: 'GET', url: '/admin/orders?email=BENCH-SCALE-7@example.com&limit=20' }),
  viaHandler('GET /admin/orders?number= (+ BatchGet)', 'ORDER', { caller: admin, method: 'GET', url: '/admin/orders?number=BENCH-7&limit=20' }),
  viaHandler('GET /admin/returns', 'RETURN', { caller: admin, method: 'GET', url: '/admin/returns?limit=20' }),
  viaHandler('GET /admin/orders/{id}/returns', 'RETURN', { caller: admin, method: 'GET', url: `/admin/orders/${orderId}/returns?limit=20` }),
  viaHandler('GET /admin/refund-transactions', 'REFUNDTXN', { caller: admin, method: 'GET', url: '/admin/refund-transactions?limit=20' }),
  viaHandler('GET /admin/refund-transactions?status=pending&gateway=bank_transfer', 'REFUNDTXN', {
    caller: admin,
    method: 'GET',
    url: '/admin/refund-transactions?status=pending&gateway=bank_transfer&limit=20',
  }),
];

const measureList = async (probe: Probe, control: Request, controlTimes: number[], items: number, samples: number): Promise<ListAtSize> => {
  // Warm the handler and the JIT first: the small size is measured first and must not pay for it.
  for (let i = 0; i < 25; i++) await probe.once();
  const durations: number[] = [];
  for (let i = 0; i < samples; i++) {
    durations.push((await timeEach(1, 1, probe.once)).wallMs);
    controlTimes.push((await timeEach(1, 1, () => invokeOk(control))).wallMs);
  }
  return { items, latency: summarize(durations), ...(await probe.once()) };
};

/** Seeds to `small` items of each type, measures, seeds to `large`, measures again. */
export const measureScale = async (
  small: number,
  large: number,
  samples: { small: number; large: number },
  log: (line: string) => void,
): Promise<ScaleResult[]> => {
  const { order, ret, txn, orderId } = await templates();
  const PROBES = probes(orderId);
  const control: Request = { caller: admin, method: 'GET', url: `/admin/orders/${orderId}` };
  // Counted once while small (a COUNT query over 100k items is itself slow in DynamoDB Local), then tracked.
  const have = { ORDER: await countOf('ORDER'), RETURN: await countOf('RETURN'), REFUNDTXN: await countOf('REFUNDTXN') };
  const atSize = async (target: number, sampleCount: number): Promise<{ lists: ListAtSize[]; control: number[] }> => {
    const started = Date.now();
    const missing = { ORDER: Math.max(0, target - have.ORDER), RETURN: Math.max(0, target - have.RETURN), REFUNDTXN: Math.max(0, target - have.REFUNDTXN) };
    // All at once: DynamoDB Local takes more parallel writes than one pool gives it.
    await Promise.all([
      seed(missing.ORDER, (i) => cloneOrder(order, i), have.ORDER),
      seed(missing.RETURN, (i) => cloneReturn(ret, orderId, i), have.RETURN),
      seed(missing.REFUNDTXN, (i) => cloneTransaction(txn, i), have.REFUNDTXN),
    ]);
    have.ORDER += missing.ORDER;
    have.RETURN += missing.RETURN;
    have.REFUNDTXN += missing.REFUNDTXN;
    log(
      `  seeded to ${have.ORDER} orders, ${have.RETURN} returns and ${have.REFUNDTXN} refund transactions (${((Date.now() - started) / 1000).toFixed(1)} s); timing ${sampleCount} calls per list`,
    );
    const lists: ListAtSize[] = [];
    const controlTimes: number[] = [];
    for (const probe of PROBES) lists.push(await measureList(probe, control, controlTimes, have[probe.type], sampleCount));
    return { lists, control: controlTimes };
  };
  const smallResults = await atSize(small, samples.small);
  const largeResults = await atSize(large, samples.large);
  const drift = { small: summarize(smallResults.control), large: summarize(largeResults.control) };
  return PROBES.map((p, i) => ({ list: p.list, small: smallResults.lists[i] as ListAtSize, large: largeResults.lists[i] as ListAtSize, control: drift }));
};
