// What a business flow costs: every API call of a whole flow run through the
// shipped handlers (in-process, API Gateway-shaped events) with the meters on
// (ReturnConsumedCapacity INDEXES on every DynamoDB call), summed, beside its
// floor. Shared by `npm run bench` and test/integration/flow-cost.test.ts,
// which holds each flow to its stated round trips.
import { randomUUID } from 'node:crypto';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { lambdaContext } from '#infra/local/lambda-context';
import { NOTIFIABLE_TYPES } from '#shared/domain/notifications/types';
import type { Order } from '#shared/domain/order';
import { orderBody } from '../support/orders.ts';
import { fileBytes, postForm, type UploadTicket } from '../support/uploads.ts';
import { type Receiver, startReceiver } from '../support/webhook-receiver.ts';
import { consumed, isRead } from './capacity.ts';
import { type Caller, invokeOk, type Request } from './invoke.ts';
import { kindOf, type MeteredCall, metered, resourceUnits, waves } from './meter.ts';

type Body = Record<string, unknown>;
type State = Record<string, string>;

interface StepBase {
  /** What the step does, e.g. `POST /returns` or `status → picked_up`. */
  readonly label: string;
  readonly keep?: (body: Body, state: State) => void | Promise<void>;
}

/** An API call through its HTTP handler (one Lambda invocation). */
type ApiStep = StepBase & { readonly request: (state: State) => Request; readonly status?: number };
/** Any other function's invocation (a queue consumer's batch), run in process. */
type RunStep = StepBase & { readonly run: (state: State) => Promise<Body> };
type FlowStep = ApiStep | RunStep;

export interface Flow {
  readonly name: string;
  /** Unmetered: what the flow starts from (a delivered order…). */
  readonly prepare?: (state: State) => Promise<void>;
  /** Unmetered: what the flow leaves behind that must go (a receiver, an endpoint). */
  readonly cleanup?: (state: State) => Promise<void>;
  readonly steps: readonly FlowStep[];
}

export interface StepCost {
  readonly label: string;
  /** Every HTTP attempt of every DynamoDB call (what the guard holds). */
  readonly trips: number;
  /** Of those, one after another (calls sent together count once): what a caller waits for. */
  readonly sequential: number;
  readonly calls: readonly MeteredCall[];
}

export interface FlowResult {
  readonly name: string;
  /** Lambda invocations the flow makes itself: one per API call or queue batch. */
  readonly invocations: number;
  /** Stream records the flow's changes hand to consumers (notify, events, payments): the most invocations they cost (batches share one). */
  readonly consumerRecords: number;
  readonly trips: number;
  readonly sequential: number;
  readonly readUnits: number;
  /** Write units at AWS's price: DynamoDB Local's transactional units rescaled from its factor to AWS's 2. */
  readonly writeUnits: number;
  /** Σ over the changes the flow must make: the changed resource's own units (as answered, no table-own attributes), ×2 when one step changes several (one transaction by rule). */
  readonly floorWriteUnits: number;
  /** Items the flow wrote / of those, resources that must change. */
  readonly itemsWritten: number;
  readonly itemsFloor: number;
  /** Table write units per kind of item written (a plain put's units, ×2 in a transaction: AWS's price), largest first: where the WCU go. */
  readonly writtenByKind: readonly (readonly [string, number])[];
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
  'CreditAccount',
  'CreditTransaction',
  'GiftCard',
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
  const byKind = new Map<string, number>();
  try {
    for (const step of flow.steps) {
      const { result, meter } = await metered(() => ('run' in step ? step.run(state) : invokeOk<Body>(step.request(state), step.status ?? 200)));
      // The webhook queue's message (kept by the meter, see meter.ts): the next step hands it to the delivery function.
      for (const body of meter.queued) state.queued = body;
      await step.keep?.(result, state);
      const writes = meter.dynamo.flatMap((c) => c.writes).filter((w) => w.kind !== 'ConditionCheck' && changed(w.before, w.after));
      const resources = writes.filter((w) => isResource(w.after ?? w.before, w.key));
      const units = await Promise.all(resources.map((w) => resourceUnits(w.after ?? w.before)));
      floor += sum(units) * (resources.length > 1 ? 2 : 1);
      itemsWritten += writes.length;
      for (const call of meter.dynamo) {
        for (const w of call.writes.filter((x) => x.kind !== 'ConditionCheck' && changed(x.before, x.after))) {
          const units = Math.max(w.beforeUnits ?? 0, w.afterUnits ?? 0) * (call.transactional ? 2 : 1);
          byKind.set(kindOf(w.key), (byKind.get(kindOf(w.key)) ?? 0) + units);
        }
      }
      itemsFloor += resources.length;
      consumerRecords += sum(writes.map((w) => consumerRecordsOf(w.after)));
      steps.push({ label: step.label, trips: sum(meter.dynamo.map((c) => c.attempts)), sequential: waves(meter.dynamo), calls: meter.dynamo });
    }
  } finally {
    await flow.cleanup?.(state);
  }
  const calls = steps.flatMap((s) => s.calls);
  const awsUnits = (c: MeteredCall) => consumed(c) * (c.transactional ? 2 / transactionalFactor : 1);
  return {
    name: flow.name,
    invocations: flow.steps.length,
    consumerRecords,
    trips: sum(steps.map((s) => s.trips)),
    sequential: sum(steps.map((s) => s.sequential)),
    readUnits: sum(calls.filter(isRead).map(awsUnits)),
    writeUnits: sum(calls.filter((c) => !isRead(c)).map(awsUnits)),
    floorWriteUnits: floor,
    itemsWritten,
    itemsFloor,
    writtenByKind: [...byKind].sort((a, b) => b[1] - a[1]),
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

const createOrder = (): ApiStep => ({
  label: 'POST /orders',
  status: 201,
  request: (state) => ({ caller: storefront, method: 'POST', url: '/orders', body: bodyFor(state), headers: key() }),
  keep: (order, state) => {
    state.order = String(order.id);
    state.line = String((order as unknown as Order).lineItems[0]?.id);
  },
});
const orderStatus = (status: string): ApiStep => ({
  label: `order → ${status}`,
  request: (state) => ({ caller: admin, method: 'POST', url: `/admin/orders/${state.order}/status`, body: { status } }),
});
const returnStatus = (status: string, extra: Body = {}): ApiStep => ({
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

const photo = (n: number): ApiStep => ({
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

const comment = (n: number, by: 'customer' | 'admin'): ApiStep => ({
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

const newReturn = (quantity: number, attachments: readonly string[]): ApiStep => ({
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

const verify = (goodQuantity: number): ApiStep => ({
  label: 'verify the item',
  request: (state) => ({ caller: admin, method: 'POST', url: `/admin/returns/${state.ret}/items/${state.line}/verification`, body: { goodQuantity } }),
});
const verifyPackage: ApiStep = {
  label: 'verify the package',
  request: (state) => ({ caller: admin, method: 'POST', url: `/admin/returns/${state.ret}/verify-package`, body: { restockFee: 0, refundedShipping: 0 } }),
};

/** One message of the webhook queue, as SQS hands it to the delivery function. */
const queueEvent = (body: string): SQSEvent => ({
  Records: [
    {
      messageId: randomUUID(),
      receiptHandle: randomUUID(),
      body,
      attributes: { ApproximateReceiveCount: '1', SentTimestamp: String(Date.now()), SenderId: 'bench', ApproximateFirstReceiveTimestamp: String(Date.now()) },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:aftersales-webhook-delivery',
      awsRegion: 'us-east-1',
    },
  ],
});

/**
 * One event to one endpoint: its delivery enqueued (through the ping route,
 * which runs the same enqueueDelivery as the events consumer does for each
 * subscribed endpoint, without the consumer's once-marker), then the delivery
 * function's signed POST to a real local receiver. The endpoint is registered
 * disabled: a ping still reaches it, and no other change of the stack does.
 */
const webhookDelivery = (): Flow => {
  let receiver: Receiver | undefined;
  return {
    name: 'webhook delivery: enqueued, then POSTed to its endpoint',
    prepare: async (state) => {
      receiver = await startReceiver();
      const body = { url: receiver.url, events: ['order.status_changed'], enabled: false };
      state.endpoint = String((await invokeOk({ caller: admin, method: 'POST', url: '/admin/webhooks', body }, 201)).id);
    },
    cleanup: async (state) => {
      if (state.endpoint) await invokeOk({ caller: admin, method: 'DELETE', url: `/admin/webhooks/${state.endpoint}` }, 204);
      await receiver?.close();
    },
    steps: [
      {
        label: 'enqueue (POST /admin/webhooks/{id}/ping)',
        status: 201,
        request: (state) => ({ caller: admin, method: 'POST', url: `/admin/webhooks/${state.endpoint}/ping`, headers: key() }),
      },
      {
        label: 'webhook-delivery: the signed POST',
        run: async (state) => {
          const { handler } = await import('#functions/queues/webhook-delivery');
          const answer = (await handler(queueEvent(String(state.queued)), lambdaContext('aftersales-webhook-delivery', 30_000))) as
            | SQSBatchResponse
            | undefined;
          // A figure from a failed delivery is no figure.
          if (answer?.batchItemFailures.length || receiver?.received.length !== 1) throw new Error('bench: the webhook was not delivered once');
          return {};
        },
      },
    ],
  };
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
  {
    name: 'store credit: debit at checkout, then reverted',
    prepare: async (state) => {
      newCustomer(state);
      const body = { amount: 1000, currency: 'USD', note: 'bench' };
      await invokeOk({ caller: admin, method: 'POST', url: `/admin/customers/${state.sub}/store-credit/credits`, body }, 201);
    },
    steps: [
      {
        label: 'POST /store-credit/debits',
        status: 201,
        request: (state) => ({
          caller: storefront,
          method: 'POST',
          url: '/store-credit/debits',
          body: { customerId: state.sub, currency: 'USD', amount: 300, orderId: 'ord_bench' },
          headers: key(),
        }),
        keep: (debit, state) => {
          state.debit = String(debit.id);
        },
      },
      {
        label: 'POST /store-credit/debits/{id}/revert',
        status: 201,
        request: (state) => ({ caller: storefront, method: 'POST', url: `/store-credit/debits/${state.debit}/revert`, headers: key() }),
      },
    ],
  },
  {
    name: 'gift card redeemed into store credit',
    prepare: async (state) => {
      newCustomer(state);
      const card = await invokeOk({ caller: admin, method: 'POST', url: '/admin/gift-cards', body: { amount: 2500, currency: 'USD', note: 'bench' } }, 201);
      state.code = String(card.code);
    },
    steps: [
      {
        label: 'POST /gift-cards/redeem',
        status: 201,
        request: (state) => ({ caller: me(state), method: 'POST', url: '/gift-cards/redeem', body: { code: state.code }, headers: key() }),
      },
    ],
  },
  webhookDelivery(),
];
