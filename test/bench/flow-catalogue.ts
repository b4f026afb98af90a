// The business flows `npm run bench` and test/integration/flow-cost.test.ts
// run (flows.ts runs and meters them): issue "what a return costs" names them.
import { randomUUID } from 'node:crypto';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { lambdaContext } from '#infra/local/lambda-context';
import type { Order } from '#shared/domain/order';
import { orderBody } from '../support/orders.ts';
import { fileBytes, postForm, type UploadTicket } from '../support/uploads.ts';
import { type Receiver, startReceiver } from '../support/webhook-receiver.ts';
import type { ApiStep, Body, Flow, State } from './flows.ts';
import { type Caller, invokeOk } from './invoke.ts';

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
