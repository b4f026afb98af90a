// The payments path in a test file's own process: the real events stream
// consumer behind the local stream poller on the file's own table, the bus rule
// and queue that feed the real payments function (Stripe keys are per
// process), and the calls its tests make. Use with useOwnTable().
import { afterAll, beforeAll, expect } from 'vitest';
import { localQueues, startMessagingLocal } from '#infra/local/messaging-local';
import { loadRealStreamHandler, startStreamPoller } from '#infra/local/stream-poller';
import { consumerNamed } from '#infra/streams';
import type { Order } from '#shared/domain/order';
import type { Refund } from '#shared/domain/refund';
import { admin, type Caller, call, createOrder, customer } from './api.ts';
import { useOwnTable } from './own-table.ts';
import { STAND_IN_WEBHOOK_SECRET, type StripeStandIn, startStripeStandIn } from './stripe-stand-in.ts';

export interface PaymentsPath {
  /** Resolves once every change so far went through the events consumer and the payments queue. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The events stream consumer (behind a local stream poller) puts each refund's due card
 * transactions on a local bus, whose rule queues them for the real payments function
 * (infra/queues.ts), as in AWS. Call before anything imports the event-bus adapter (its
 * client reads the endpoint when created).
 */
export const startPaymentsPath = async (): Promise<PaymentsPath> => {
  const messaging = await startMessagingLocal({ queues: localQueues().filter((q) => q.queueName === 'aftersales-payments'), log: () => undefined });
  process.env.AWS_ENDPOINT_URL_EVENTBRIDGE = messaging.url;
  const consumer = consumerNamed('events');
  const poller = await startStreamPoller({
    endpoint: process.env.AWS_ENDPOINT_URL_DYNAMODB as string,
    region: process.env.AWS_REGION as string,
    credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID as string, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY as string },
    tableName: process.env.TABLE_NAME as string,
    handler: loadRealStreamHandler('events'),
    filterPatterns: consumer.filterPatterns,
    batchSize: consumer.batch.batchSize,
    retryAttempts: consumer.batch.retryAttempts,
    functionName: 'aftersales-events',
    retryDelayMs: () => 10,
    log: () => undefined,
  });
  return {
    idle: async () => {
      await poller.idle();
      await poller.idle();
      await messaging.drained();
    },
    stop: async () => {
      await poller.stop();
      await messaging.stop();
    },
  };
};

export interface StripeStack {
  readonly standIn: StripeStandIn;
  readonly poller: PaymentsPath;
}

/** For the file: its own table, Stripe configured against the stand-in, and the payments consumer running (filled in beforeAll). */
export const useStripeStack = (): StripeStack => {
  const stack = {} as { standIn: StripeStandIn; poller: PaymentsPath };
  beforeAll(async () => {
    await useOwnTable();
    stack.standIn = await startStripeStandIn();
    Object.assign(process.env, { STRIPE_SECRET_KEY: 'sk_test_standin', STRIPE_WEBHOOK_SECRET: STAND_IN_WEBHOOK_SECRET, STRIPE_API_URL: stack.standIn.url });
    stack.poller = await startPaymentsPath();
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
export const cardRefund = async (pi: string | undefined, amount = 1500, poller?: PaymentsPath): Promise<{ order: Order; refund: Refund }> => {
  const order = await createOrder(customer(), pi ? { paymentReference: pi } : {});
  const created = await call<Refund>(admin, 'POST', refundsPath(order.id), { amount, gateway: 'card' });
  expect(created.status).toBe(201);
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
