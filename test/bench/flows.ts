// What a business flow costs: every API call of a whole flow run through the
// shipped handlers (in-process, API Gateway-shaped events) with the meters on
// (ReturnConsumedCapacity INDEXES on every DynamoDB call), summed, beside its
// floor. Shared by `npm run bench` and test/integration/flow-cost.test.ts,
// which holds each flow to its stated round trips.
import { randomUUID } from 'node:crypto';
import { NOTIFIABLE_TYPES } from '#shared/domain/notifications/types';
import type { Order } from '#shared/domain/order';
import { orderBody } from '../support/orders.ts';
import { fileBytes, postForm, type UploadTicket } from '../support/uploads.ts';
import { consumed, isRead } from './capacity.ts';
import { type Caller, invokeOk, type Request } from './invoke.ts';
import { type MeteredCall, metered, resourceUnits } from './meter.ts';

type Body = Record<string, unknown>;
type State = Record<string, string>;

export interface FlowStep {
  /** What the step does, e.g. `POST /returns` or `status → picked_up`. */
  readonly label: string;
  readonly request: (state: State) => Request;
  readonly status?: number;
  readonly keep?: (body: Body, state: State) => void | Promise<void>;
}

export interface Flow {
  readonly name: string;
  /** Unmetered: what the flow starts from (a delivered order…). */
  readonly prepare?: (state: State) => Promise<void>;
  readonly steps: readonly FlowStep[];
}

export interface StepCost {
  readonly label: string;
  readonly trips: number;
  readonly calls: readonly MeteredCall[];
}

export interface FlowResult {
  readonly name: string;
  /** HTTP Lambda invocations: one per API call. */
  readonly apiCalls: number;
  /** Stream records the flow's changes hand to consumers (notify, events, payments): the most invocations they cost (batches share one). */
  readonly consumerRecords: number;
  readonly trips: number;
  readonly readUnits: number;
  /** Write units at AWS's price: DynamoDB Local's transactional units rescaled from its factor to AWS's 2. */
  readonly writeUnits: number;
  /** Σ over the changes the flow must make: the changed resource's own units (as answered, no table-own attributes), ×2 when one step changes several (one transaction by rule). */
  readonly floorWriteUnits: number;
  /** Items the flow wrote / of those, resources that must change. */
  readonly itemsWritten: number;
  readonly itemsFloor: number;
  readonly steps: readonly StepCost[];
}

/** Items that are API resources (or the record an Idempotency-Key asks for): a flow must write them. Copies, pointers, rows and guards are the design's own cost. */
const RESOURCE_TYPES = new Set([
  'Order',
  'ReturnRequest',
  'ReturnComment',
  'Cancellation',
  'Refund',
  'OrderNote',
  'Attachment',
  'Idempotency',
  'WebhookDelivery',
]);
const isResource = (item: Record<string, unknown> | undefined, key: Record<string, unknown>): boolean =>
  String(key.PK).startsWith('STOCK#') || RESOURCE_TYPES.has(String(item?.type));

const changed = (before: unknown, after: unknown): boolean => JSON.stringify(before) !== JSON.stringify(after);

/** Records of one changed item that reach the stream consumers (infra/streams.ts filters). */
const consumerRecordsOf = (after: Record<string, unknown> | undefined): number => {
  if (!after) return 0;
  const notifiable = (NOTIFIABLE_TYPES as readonly string[]).includes(String(after.type)) ? 2 : 0;
  return notifiable + (after.type === 'Refund' && after.awaitsProvider === true ? 1 : 0);
};

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** Runs one flow, each step metered on its own, and adds them up. */
export const runFlow = async (flow: Flow, transactionalFactor: number): Promise<FlowResult> => {
  const state: State = {};
  await flow.prepare?.(state);
  const steps: StepCost[] = [];
  let floor = 0;
  let itemsWritten = 0;
  let itemsFloor = 0;
  let consumerRecords = 0;
  for (const step of flow.steps) {
    const { result, meter } = await metered(() => invokeOk<Body>(step.request(state), step.status ?? 200));
    await step.keep?.(result, state);
    const writes = meter.dynamo.flatMap((c) => c.writes).filter((w) => w.kind !== 'ConditionCheck' && changed(w.before, w.after));
    const resources = writes.filter((w) => isResource(w.after ?? w.before, w.key));
    const units = await Promise.all(resources.map((w) => resourceUnits(w.after ?? w.before)));
    floor += sum(units) * (resources.length > 1 ? 2 : 1);
    itemsWritten += writes.length;
    itemsFloor += resources.length;
    consumerRecords += sum(writes.map((w) => consumerRecordsOf(w.after)));
    steps.push({ label: step.label, trips: sum(meter.dynamo.map((c) => c.attempts)), calls: meter.dynamo });
  }
  const calls = steps.flatMap((s) => s.calls);
  const awsUnits = (c: MeteredCall) => consumed(c) * (c.transactional ? 2 / transactionalFactor : 1);
  return {
    name: flow.name,
    apiCalls: flow.steps.length,
    consumerRecords,
    trips: sum(steps.map((s) => s.trips)),
    readUnits: sum(calls.filter(isRead).map(awsUnits)),
    writeUnits: sum(calls.filter((c) => !isRead(c)).map(awsUnits)),
    floorWriteUnits: floor,
    itemsWritten,
    itemsFloor,
    steps,
  };
};

const admin: Caller = { role: 'admin', sub: 'bench-admin' };
const storefront: Caller = { role: 'storefront', sub: 'bench-storefront' };
const key = () => ({ 'idempotency-key': randomUUID() });

const newCustomer = (state: State): Caller => {
  state.sub = `bench-${randomUUID()}`;
  return { role: 'customer', sub: state.sub };
};
const me = (state: State): Caller => ({ role: 'customer', sub: state.sub as string });
const bodyFor = (state: State) => ({
  ...orderBody(),
  customer: { customerId: state.sub as string, name: 'Bench Customer', email: `${state.sub}@example.com` },
});

const createOrder = (): FlowStep => ({
  label: 'POST /orders',
  status: 201,
  request: (state) => ({ caller: storefront, method: 'POST', url: '/orders', body: bodyFor(state), headers: key() }),
  keep: (order, state) => {
    state.order = String(order.id);
    state.line = String((order as unknown as Order).lineItems[0]?.id);
  },
});
const orderStatus = (status: string): FlowStep => ({
  label: `order → ${status}`,
  request: (state) => ({ caller: admin, method: 'POST', url: `/admin/orders/${state.order}/status`, body: { status } }),
});
const returnStatus = (status: string, extra: Body = {}): FlowStep => ({
  label: `return → ${status}`,
  request: (state) => ({ caller: admin, method: 'POST', url: `/admin/returns/${state.ret}/status`, body: { status, ...extra } }),
});

/** A delivered order of a new customer, made before the metered steps. */
const deliveredOrder = async (state: State): Promise<void> => {
  newCustomer(state);
  const order = await invokeOk<Order>(createOrder().request(state), 201);
  state.order = order.id;
  state.line = String(order.lineItems[0]?.id);
  for (const status of ['confirmed', 'shipped', 'delivered']) await invokeOk(orderStatus(status).request(state));
};

const photo = (n: number): FlowStep => ({
  label: `POST /attachments (photo ${n}, then the browser's upload to S3)`,
  status: 201,
  request: (state) => ({
    caller: me(state),
    method: 'POST',
    url: '/attachments',
    body: { fileName: `parcel-${n}.jpg`, contentType: 'image/jpeg', size: 2048 },
    headers: key(),
  }),
  keep: async (ticket, state) => {
    const posted = await postForm(ticket as unknown as UploadTicket, fileBytes(2048), { fileName: `parcel-${n}.jpg` });
    if (!posted.ok) throw new Error(`bench: S3 upload failed: ${posted.status}`);
    state[`photo${n}`] = String(ticket.id);
  },
});

const comment = (n: number, by: 'customer' | 'admin'): FlowStep => ({
  label: `${by} comment ${n}`,
  status: 201,
  request: (state) =>
    by === 'customer'
      ? { caller: me(state), method: 'POST', url: `/returns/${state.ret}/comments`, body: { body: `Comment ${n}: the box was dented.` }, headers: key() }
      : {
          caller: admin,
          method: 'POST',
          url: `/admin/returns/${state.ret}/comments`,
          body: { body: `Comment ${n}: received, checking.`, visibleToCustomer: true },
          headers: key(),
        },
});

const newReturn = (quantity: number, attachments: readonly string[]): FlowStep => ({
  label: 'POST /returns',
  status: 201,
  request: (state) => ({
    caller: me(state),
    method: 'POST',
    url: '/returns',
    body: {
      orderId: state.order,
      items: [{ lineItemId: state.line, quantity, reasonId: 'rsn_retdamaged' }],
      refundMethod: 'card',
      ...(attachments.length ? { attachments: attachments.map((name) => state[name]) } : {}),
    },
    headers: key(),
  }),
  keep: (r, state) => {
    state.ret = String(r.id);
  },
});

const verify = (goodQuantity: number): FlowStep => ({
  label: 'verify the item',
  request: (state) => ({ caller: admin, method: 'POST', url: `/admin/returns/${state.ret}/items/${state.line}/verification`, body: { goodQuantity } }),
});
const verifyPackage: FlowStep = {
  label: 'verify the package',
  request: (state) => ({ caller: admin, method: 'POST', url: `/admin/returns/${state.ret}/verify-package`, body: { restockFee: 0, refundedShipping: 0 } }),
};

/** The business flows of issue "what a return costs". */
export const FLOWS: readonly Flow[] = [
  {
    name: 'order created → delivered',
    prepare: async (state) => void newCustomer(state),
    steps: [createOrder(), orderStatus('confirmed'), orderStatus('shipped'), orderStatus('delivered')],
  },
  {
    name: 'return, request → refunded (2 photos, 5 comments)',
    prepare: deliveredOrder,
    steps: [
      photo(1),
      photo(2),
      newReturn(1, ['photo1', 'photo2']),
      comment(1, 'customer'),
      comment(2, 'admin'),
      returnStatus('picked_up'),
      comment(3, 'customer'),
      returnStatus('pending_verification'),
      verify(1),
      verifyPackage,
      comment(4, 'admin'),
      returnStatus('approved'),
      comment(5, 'admin'),
      returnStatus('refunded'),
    ],
  },
  {
    name: 'paid order cancelled: request → approved',
    prepare: async (state) => {
      newCustomer(state);
      state.order = (await invokeOk<Order>(createOrder().request(state), 201)).id;
    },
    steps: [
      {
        label: 'POST /orders/{id}/cancellation',
        status: 201,
        request: (state) => ({
          caller: me(state),
          method: 'POST',
          url: `/orders/${state.order}/cancellation`,
          body: { reasonId: 'rsn_cxlchangedmind' },
          headers: key(),
        }),
        keep: (c, state) => {
          state.cancellation = String(c.id);
        },
      },
      { label: 'approve', request: (state) => ({ caller: admin, method: 'POST', url: `/admin/cancellations/${state.cancellation}/approve` }) },
    ],
  },
  {
    name: 'return partially approved',
    prepare: deliveredOrder,
    steps: [newReturn(2, []), returnStatus('pending_verification'), verify(1), returnStatus('partially_approved')],
  },
  { name: 'return denied', prepare: deliveredOrder, steps: [newReturn(1, []), returnStatus('denied', { rejectionReason: 'Outside the policy.' })] },
  {
    name: 'return withdrawn by the customer',
    prepare: deliveredOrder,
    steps: [
      newReturn(1, []),
      { label: 'return → cancelled', request: (state) => ({ caller: me(state), method: 'POST', url: `/returns/${state.ret}/cancel` }) },
    ],
  },
];
