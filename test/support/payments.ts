// The payments path in a test file's own process: the real payments stream
// consumer behind the local stream poller on the file's own table (Stripe keys
// are per process), and the calls its tests make. Use with useOwnTable().
import { afterAll, beforeAll, expect } from 'vitest';
import { loadRealStreamHandler, type StreamPoller, startStreamPoller } from '#infra/local/stream-poller';
import { consumerNamed } from '#infra/streams';
import type { Order } from '#shared/domain/order';
import type { Refund } from '#shared/domain/refund';
import { admin, type Caller, call, createOrder, customer } from './api.ts';
import { useOwnTable } from './own-table.ts';
import { STAND_IN_WEBHOOK_SECRET, type StripeStandIn, startStripeStandIn } from './stripe-stand-in.ts';

export const startPaymentsPoller = (): Promise<StreamPoller> => {
  const consumer = consumerNamed('payments');
  return startStreamPoller({
    endpoint: process.env.AWS_ENDPOINT_URL_DYNAMODB as string,
    region: process.env.AWS_REGION as string,
    credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID as string, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY as string },
    tableName: process.env.TABLE_NAME as string,
    handler: loadRealStreamHandler('payments'),
    filterPatterns: consumer.filterPatterns,
    batchSize: consumer.batch.batchSize,
    retryAttempts: consumer.batch.retryAttempts,
    functionName: 'aftersales-payments',
    retryDelayMs: () => 10,
    log: () => undefined,
  });
};

export interface StripeStack {
  readonly standIn: StripeStandIn;
  readonly poller: StreamPoller;
}

/** For the file: its own table, Stripe configured against the stand-in, and the payments consumer running (filled in beforeAll). */
export const useStripeStack = (): StripeStack => {
  const stack = {} as { standIn: StripeStandIn; poller: StreamPoller };
  beforeAll(async () => {
    await useOwnTable();
    stack.standIn = await startStripeStandIn();
    Object.assign(process.env, { STRIPE_SECRET_KEY: 'sk_test_standin', STRIPE_WEBHOOK_SECRET: STAND_IN_WEBHOOK_SECRET, STRIPE_API_URL: stack.standIn.url });
    stack.poller = await startPaymentsPoller();
  });
  afterAll(async () => {
    await stack.poller?.stop();
    await stack.standIn?.stop();
  });
  return stack;
};

const refundsPath = (orderId: string) => `/admin/orders/${orderId}/refunds`;

export const readRefund = async (r: Pick<Refund, 'orderId' | 'id'>): Promise<Refund> =>
  (await call<Refund>(admin, 'GET', `${refundsPath(r.orderId)}/${r.id}`)).body;

/** A card refund of `amount` on a new order paid through PaymentIntent `pi` (none: undefined), once the payments consumer has handled it (when `poller` is given). */
export const cardRefund = async (pi: string | undefined, amount = 1500, poller?: StreamPoller): Promise<{ order: Order; refund: Refund }> => {
  const order = await createOrder(customer(), pi ? { paymentReference: pi } : {});
  const created = await call<Refund>(admin, 'POST', refundsPath(order.id), { amount, gateway: 'card' });
  expect(created.status).toBe(201);
  await poller?.idle();
  await poller?.idle();
  return { order, refund: await readRefund(created.body) };
};

const anyone: Caller = { role: 'public' };

export interface WebhookReply {
  readonly received: boolean;
  readonly outcome: string;
  readonly detail: string | null;
  readonly errors?: { path: string }[];
}

/** POST /payments/webhooks/stripe with a raw body and its signature. */
export const postStripeEvent = (event: { readonly payload: string; readonly signature: string }) =>
  call<WebhookReply>(anyone, 'POST', '/payments/webhooks/stripe', event.payload, { 'content-type': 'application/json', 'stripe-signature': event.signature });

/** An admin settles a transaction by hand. */
export const settleByHand = (refund: Refund, status: 'success' | 'failure', txnId = refund.transactions.at(-1)?.id ?? '') =>
  call<Refund & { detail?: string }>(admin, 'POST', `/admin/refunds/${refund.id}/transactions/${txnId}`, {
    status,
    ...(status === 'failure' ? { errorCode: 'manual' } : {}),
  });
