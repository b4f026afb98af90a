// 3 + 4. DynamoDB round trips and consumed capacity per API operation, each
// run once through the shipped handler (in-process, API Gateway-shaped event)
// with the meters on, against its floor.
import { randomUUID } from 'node:crypto';
import type { Order } from '#shared/domain/order';
import { orderBody } from '../support/orders.ts';
import { consumed, type Factors, isRead, itemsRead, readFloor, writeFloor } from './capacity.ts';
import { type Caller, invokeOk, type Request } from './invoke.ts';
import { kindOf, type MeteredCall, metered, waves } from './meter.ts';

/** The issue's floors: round trips one operation of the class must make at least. */
export const FLOOR_TRIPS = { get: 1, list: 1, create: 1, status: 1, refund: 1 } as const;
export type OpClass = keyof typeof FLOOR_TRIPS;

export interface OperationResult {
  readonly route: string;
  readonly opClass: OpClass;
  readonly presign: boolean;
  readonly trips: number;
  readonly floorTrips: number;
  /** S3 round trips (presigning is local: floor 0). */
  readonly s3Trips: number;
  readonly readUnits: number;
  readonly floorReadUnits: number;
  readonly writeUnits: number;
  readonly floorWriteUnits: number;
  /** What it sent, e.g. `Get ORDER · Tx[Put ORDER, Put STOCK]`. */
  readonly calls: string;
  /** Round trips one after another (calls sent together with Promise.all count once). */
  readonly sequential: number;
}

const describe = (call: MeteredCall): string => {
  const name = call.command.replace(/Command$/, '').replace(/Item$/, '');
  const input = call.input as {
    Key?: unknown;
    IndexName?: string;
    KeyConditionExpression?: string;
    ExpressionAttributeValues?: Record<string, unknown>;
    ConsistentRead?: boolean;
  };
  const consistent = input.ConsistentRead ? ' (consistent)' : '';
  if (call.command === 'TransactWriteItemsCommand') return `Tx[${call.writes.map((w) => `${w.kind} ${kindOf(w.key)}`).join(', ')}]`;
  if (call.command === 'QueryCommand') {
    const pk = String(input.ExpressionAttributeValues?.[':pk'] ?? '?').split('#')[0];
    return `Query ${input.IndexName ?? 'table'} ${pk}${consistent}`;
  }
  if (input.Key) return `${name} ${kindOf(input.Key)}${consistent}`;
  return name;
};

interface Step {
  readonly route: string;
  readonly opClass: OpClass;
  readonly presign?: boolean;
  readonly request: () => Request;
  readonly status?: number;
  readonly keep?: (body: Record<string, unknown>) => void;
}

const measure = async (step: Step, factors: Factors): Promise<OperationResult> => {
  const { result, meter } = await metered(() => invokeOk<Record<string, unknown>>(step.request(), step.status ?? 200));
  step.keep?.(result);
  const calls = meter.dynamo;
  const reads = calls.filter(isRead);
  // The floor reads what the answer shows once (eventually consistent); writes what changed, once.
  const primaryRead = step.opClass === 'get' || step.opClass === 'list' ? reads.at(-1) : undefined;
  const writes = calls.filter((c) => !isRead(c));
  return {
    route: step.route,
    opClass: step.opClass,
    presign: step.presign ?? false,
    trips: calls.reduce((sum, c) => sum + c.attempts, 0),
    sequential: waves(calls),
    floorTrips: FLOOR_TRIPS[step.opClass],
    s3Trips: meter.s3Attempts,
    readUnits: reads.reduce((sum, c) => sum + consumed(c), 0),
    floorReadUnits: primaryRead ? readFloor(primaryRead) : 0,
    writeUnits: writes.reduce((sum, c) => sum + consumed(c), 0),
    floorWriteUnits: writes.reduce((sum, c) => sum + writeFloor(c, factors), 0),
    calls: calls.map(describe).join(' · ') + (primaryRead ? ` → ${itemsRead(primaryRead).length} item(s)` : ''),
  };
};

/** One of each operation, in an order that builds what the next one needs. */
export const runOperations = async (factors: Factors, log: (line: string) => void): Promise<OperationResult[]> => {
  const sub = `bench-${randomUUID()}`;
  const me: Caller = { role: 'customer', sub };
  const admin: Caller = { role: 'admin', sub: 'bench-admin' };
  const storefront: Caller = { role: 'storefront', sub: 'bench-storefront' };
  const key = () => ({ 'idempotency-key': randomUUID() });
  const body = { ...orderBody(), customer: { customerId: sub, name: 'Bench Customer', email: `${sub}@example.com` } };
  const state: Record<string, string> = {};
  const order = (extra: Partial<Request> = {}): Request => ({ caller: storefront, method: 'POST', url: '/orders', body, headers: key(), ...extra });
  const newOrder = async () => (await invokeOk<Order>(order(), 201)) as Order;
  const move = (id: string, status: string) =>
    invokeOk({ caller: admin, method: 'POST', url: `/admin/orders/${id}/status`, body: { status, paymentCollected: true } });

  const steps: Step[] = [
    { route: 'orders.create', opClass: 'create', status: 201, request: order, keep: (o) => (state.a = String(o.id)) },
    { route: 'orders.adminGet', opClass: 'get', request: () => ({ caller: admin, method: 'GET', url: `/admin/orders/${state.a}` }) },
    { route: 'orders.get', opClass: 'get', request: () => ({ caller: me, method: 'GET', url: `/orders/${state.a}` }) },
    { route: 'orders.list', opClass: 'list', request: () => ({ caller: me, method: 'GET', url: '/orders' }) },
    { route: 'orders.adminList', opClass: 'list', request: () => ({ caller: admin, method: 'GET', url: '/admin/orders?limit=20' }) },
    {
      route: 'orders.adminStatus',
      opClass: 'status',
      request: () => ({ caller: admin, method: 'POST', url: `/admin/orders/${state.a}/status`, body: { status: 'confirmed' } }),
    },
    {
      route: 'notes.create',
      opClass: 'create',
      status: 201,
      request: () => ({
        caller: admin,
        method: 'POST',
        url: `/admin/orders/${state.a}/notes`,
        body: { body: 'Packed with care.', visibility: 'customer' },
        headers: key(),
      }),
    },
    { route: 'notes.list', opClass: 'list', request: () => ({ caller: me, method: 'GET', url: `/orders/${state.a}/notes` }) },
    {
      route: 'refunds.create',
      opClass: 'refund',
      status: 201,
      request: () => ({
        caller: admin,
        method: 'POST',
        url: `/admin/orders/${state.a}/refunds`,
        body: { refundLineItems: [{ lineItemId: state.line, quantity: 1 }] },
        headers: key(),
      }),
      keep: (r) => {
        state.refund = String(r.id);
        state.txn = String((r.transactions as { id: string }[])[0]?.id);
      },
    },
    { route: 'refunds.get', opClass: 'get', request: () => ({ caller: admin, method: 'GET', url: `/admin/orders/${state.a}/refunds/${state.refund}` }) },
    { route: 'refunds.list', opClass: 'list', request: () => ({ caller: admin, method: 'GET', url: `/admin/orders/${state.a}/refunds` }) },
    {
      route: 'refunds.settleTransaction',
      opClass: 'status',
      request: () => ({ caller: admin, method: 'POST', url: `/admin/refunds/${state.refund}/transactions/${state.txn}`, body: { status: 'success' } }),
    },
    { route: 'settings.get', opClass: 'get', request: () => ({ caller: admin, method: 'GET', url: '/admin/settings' }) },
    { route: 'settings.reasons', opClass: 'list', request: () => ({ caller: me, method: 'GET', url: '/reasons?kind=return' }) },
    {
      route: 'cancellations.create',
      opClass: 'create',
      status: 201,
      request: () => ({ caller: me, method: 'POST', url: `/orders/${state.b}/cancellation`, body: { reasonId: 'rsn_cxlchangedmind' }, headers: key() }),
      keep: (c) => (state.cancellation = String(c.id)),
    },
    { route: 'cancellations.adminList', opClass: 'list', request: () => ({ caller: admin, method: 'GET', url: '/admin/cancellations?status=requested' }) },
    {
      route: 'cancellations.approve',
      opClass: 'status',
      request: () => ({ caller: admin, method: 'POST', url: `/admin/cancellations/${state.cancellation}/approve` }),
    },
    {
      route: 'returns.create',
      opClass: 'create',
      status: 201,
      request: () => ({
        caller: me,
        method: 'POST',
        url: '/returns',
        body: { orderId: state.c, items: [{ lineItemId: state.cLine, quantity: 1, reasonId: 'rsn_retdamaged' }], refundMethod: 'card' },
        headers: key(),
      }),
      keep: (r) => (state.ret = String(r.id)),
    },
    { route: 'returns.get', opClass: 'get', request: () => ({ caller: me, method: 'GET', url: `/returns/${state.ret}` }) },
    { route: 'returns.adminGet', opClass: 'get', request: () => ({ caller: admin, method: 'GET', url: `/admin/returns/${state.ret}` }) },
    { route: 'returns.list', opClass: 'list', request: () => ({ caller: me, method: 'GET', url: '/returns' }) },
    { route: 'returns.adminList', opClass: 'list', request: () => ({ caller: admin, method: 'GET', url: '/admin/returns?limit=20' }) },
    {
      route: 'returns.adminStatus',
      opClass: 'status',
      request: () => ({ caller: admin, method: 'POST', url: `/admin/returns/${state.ret}/status`, body: { status: 'picked_up' } }),
    },
    {
      route: 'attachments.create',
      opClass: 'create',
      presign: true,
      status: 201,
      request: () => ({
        caller: me,
        method: 'POST',
        url: '/attachments',
        body: { fileName: 'parcel.jpg', contentType: 'image/jpeg', size: 2048 },
        headers: key(),
      }),
      keep: (a) => (state.att = String(a.id)),
    },
    { route: 'attachments.get', opClass: 'get', presign: true, request: () => ({ caller: me, method: 'GET', url: `/attachments/${state.att}` }) },
  ];

  const results: OperationResult[] = [];
  for (const step of steps) {
    // What a step needs and no other step makes: a second paid order (B) to cancel, a delivered one (C) to return.
    if (step.route === 'refunds.create')
      state.line = String(((await invokeOk<Order>({ caller: admin, method: 'GET', url: `/admin/orders/${state.a}` })) as Order).lineItems[0]?.id);
    if (step.route === 'cancellations.create') state.b = (await newOrder()).id;
    if (step.route === 'returns.create') {
      const c = await newOrder();
      for (const status of ['confirmed', 'shipped', 'delivered']) await move(c.id, status);
      state.c = c.id;
      state.cLine = String(c.lineItems[0]?.id);
    }
    const result = await measure(step, factors);
    log(
      `  ${result.route}: ${result.trips}/${result.floorTrips} trip(s), RCU ${result.readUnits}/${result.floorReadUnits}, WCU ${result.writeUnits}/${result.floorWriteUnits}`,
    );
    results.push(result);
  }
  return results;
};
