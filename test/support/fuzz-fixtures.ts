// A small world for the hardening suites, built through the real API (HTTP) the
// way clients build it: one customer with a delivered order, two return
// requests on it, a refund with a pending transaction, two notes, an attachment
// and, on a second paid order, a rejected cancellation and a requested one; two
// disabled webhook endpoints (nothing is sent to them but their pings) and two
// deliveries. Every id is fresh per call.
import { randomUUID } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, TABLE_NAME } from '#shared/adapters/dynamo';
import type { Order } from '#shared/domain/order';
import { admin, call, createOrder, customer, deliver, storefront } from './api.ts';
import { DAMAGED } from './returns.ts';
import { fileBytes, postForm, startUpload } from './uploads.ts';

export interface World {
  readonly owner: ReturnType<typeof customer>;
  readonly order: Order;
  readonly openOrder: Order;
  readonly returnId: string;
  readonly refundId: string;
  readonly txnId: string;
  readonly cancellationId: string;
  readonly attachmentId: string;
  readonly noteId: string;
  /** An inactive return reason of this world's own, so no default reason is ever touched. */
  readonly reasonId: string;
  readonly sku: string;
  readonly webhookId: string;
  readonly deliveryId: string;
  /** The second of two exchanges on `order` (a lamp for its variant). */
  readonly exchangeId: string;
}

const must = <T>(reply: { status: number; body: T }, expected: number, what: string): T => {
  if (reply.status !== expected) throw new Error(`${what}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
};

export const buildWorld = async (owner = customer()): Promise<World> => {
  const sku = `FUZZ-${randomUUID().slice(0, 8)}`;
  const lines = [
    // Five lamps: two in returns, two in exchanges, one left.
    { sku, title: 'Lamp', quantity: 5, unitPrice: 2000, discount: 100, tax: 200 },
    { sku: `${sku}-B`, title: 'Shade', quantity: 2, unitPrice: 700 },
  ];
  must(await call(admin, 'PUT', `/admin/stock/${sku}`, { quantity: 1000 }), 200, 'stock');
  const order = await deliver(await createOrder(owner, { lineItems: lines }));
  const openOrder = await createOrder(owner, { lineItems: lines });

  const returnBody = {
    orderId: order.id,
    items: [{ lineItemId: order.lineItems[0]?.id, quantity: 1, reasonId: DAMAGED.id }],
    refundMethod: 'card',
    termsAccepted: true,
  };
  // Two of everything a customer lists, so each list has a second page at `limit=1`.
  must(await call(owner, 'POST', '/returns', returnBody), 201, 'first return');
  const created = must(await call<{ id: string }>(owner, 'POST', '/returns', returnBody), 201, 'return');
  const refund = must(
    await call<{ id: string; transactions: { id: string }[] }>(admin, 'POST', `/admin/orders/${order.id}/refunds`, {
      refundLineItems: [{ lineItemId: order.lineItems[1]?.id, quantity: 1 }],
    }),
    201,
    'refund',
  );
  must(
    await call(storefront, 'PUT', `/variants/${sku}-V`, {
      productId: `lamp-${sku}`,
      title: 'Lamp',
      variantTitle: 'Brass',
      options: { Finish: 'Brass' },
      prices: { USD: { unitPrice: 2100, tax: 210 } },
      imageUrl: null,
      active: true,
    }),
    200,
    'variant',
  );
  const exchangeBody = {
    orderId: order.id,
    inbound: [{ lineItemId: order.lineItems[0]?.id, quantity: 1, reasonId: DAMAGED.id }],
    outbound: [{ sku: `${sku}-V`, quantity: 1 }],
  };
  must(await call(owner, 'POST', '/exchanges', exchangeBody), 201, 'first exchange');
  const exchange = must(await call<{ id: string }>(owner, 'POST', '/exchanges', exchangeBody), 201, 'exchange');
  const requestCancellation = () => call<{ id: string }>(owner, 'POST', `/orders/${openOrder.id}/cancellation`, { reasonId: 'rsn_cxlmistake' });
  const rejected = must(await requestCancellation(), 201, 'first cancellation');
  must(await call(admin, 'POST', `/admin/cancellations/${rejected.id}/reject`, { rejectionReason: 'Already packed' }), 200, 'rejection');
  const cancellation = must(await requestCancellation(), 201, 'cancellation');
  must(await call(admin, 'POST', `/admin/orders/${order.id}/notes`, { body: 'Packed once', visibility: 'customer' }), 201, 'first note');
  const note = must(
    await call<{ id: string }>(admin, 'POST', `/admin/orders/${order.id}/notes`, { body: 'Packed twice', visibility: 'customer' }),
    201,
    'note',
  );
  const reason = must(
    await call<{ id: string }>(admin, 'POST', '/admin/reasons', { kind: 'return', code: `fuzz-${sku}`, label: 'Fuzz', active: false }),
    201,
    'reason',
  );
  // Disabled: the run's other changes are not delivered to them; a ping is (to a closed port: it fails and retries).
  const webhook = { url: 'http://127.0.0.1:9/fuzz', events: ['comment.created'], enabled: false };
  const endpoint = must(await call<{ id: string }>(admin, 'POST', '/admin/webhooks', webhook), 201, 'webhook');
  must(await call(admin, 'POST', '/admin/webhooks', webhook), 201, 'second webhook');
  const delivery = must(await call<{ id: string }>(admin, 'POST', `/admin/webhooks/${endpoint.id}/ping`), 201, 'ping');
  must(await call(admin, 'POST', `/admin/webhooks/${endpoint.id}/ping`), 201, 'second ping');
  const upload = await startUpload(owner, { fileName: 'photo.jpg', contentType: 'image/jpeg', size: 1000 });
  const ticket = must(upload, 201, 'attachment');
  const posted = await postForm(ticket, fileBytes(1000), { fileName: 'photo.jpg' });
  if (!posted.ok) throw new Error(`upload: ${posted.status}`);

  return {
    owner,
    order,
    openOrder,
    returnId: created.id,
    refundId: refund.id,
    txnId: refund.transactions[0]?.id ?? '',
    cancellationId: cancellation.id,
    attachmentId: ticket.id,
    noteId: note.id,
    reasonId: reason.id,
    sku,
    webhookId: endpoint.id,
    deliveryId: delivery.id,
    exchangeId: exchange.id,
  };
};

/** Known-good path parameter values of a world, by parameter name. */
export const paramPool = (world: World): Record<string, string[]> => ({
  orderId: [world.order.id, world.openOrder.id],
  returnId: [world.returnId],
  refundId: [world.refundId],
  txnId: [world.txnId],
  lineItemId: world.order.lineItems.map((l) => l.id),
  id: [world.attachmentId, world.cancellationId, world.reasonId, world.webhookId, world.exchangeId],
  cancellationId: [world.cancellationId],
  sku: [world.sku],
  deliveryId: [world.deliveryId],
});

/**
 * Every item stored under the world's partitions (its orders with their notes,
 * refunds and guards, the return with its comments, the cancellation, the
 * attachment, the stock), read straight from the table: what a refused request
 * must leave exactly as it was.
 */
export const worldState = async (world: World): Promise<string> => {
  const partitions = [
    `ORDER#${world.order.id}`,
    `ORDER#${world.openOrder.id}`,
    `RETURN#${world.returnId}`,
    `CANCELLATION#${world.cancellationId}`,
    `EXCHANGE#${world.exchangeId}`,
    `ATTACHMENT#${world.attachmentId}`,
    `REASON#${world.reasonId}`,
    `STOCK#${world.sku}`,
  ];
  const pages = await Promise.all([
    ...partitions.map((pk) =>
      db.send(new QueryCommand({ TableName: TABLE_NAME, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': pk }, ConsistentRead: true })),
    ),
    // The endpoint alone (its partition holds every endpoint; its deliveries change as their retries run).
    db.send(
      new QueryCommand({
        TableName: TABLE_NAME,
        KeyConditionExpression: 'PK = :pk AND SK = :sk',
        ExpressionAttributeValues: { ':pk': 'WEBHOOK', ':sk': `WEBHOOK#${world.webhookId}` },
        ConsistentRead: true,
      }),
    ),
  ]);
  return JSON.stringify(pages.map((page) => page.Items ?? []));
};
