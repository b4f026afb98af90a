// Orders area: creation (storefront), my orders and tracking (customer), the
// admin list, status updates and payment, and the back office's queue counts.
import { newId, orderNumberOf } from '#shared/adapters/ids';
import { checkIfMatch, getOrderOrThrow, getOwnOrder, insertOrder, listCustomerOrders, listOrders, saveOrder } from '#shared/adapters/orders-repo';
import { countQueues } from '#shared/adapters/queue-counts';
import { ordersApi } from '#shared/api/orders';
import { ConflictError } from '#shared/domain/errors';
import { buildOrder } from '#shared/domain/order';
import { httpHandler } from '#shared/http/handler';
import { changeOrderStatus } from '#shared/use-cases/change-order-status';

const customerId = (principal: { role: string; sub?: string }): string => principal.sub ?? '';

export const handler = httpHandler('orders', ordersApi, {
  'orders.create': async ({ body, actor, now, idempotency }) => {
    const id = newId('ord');
    const order = buildOrder(body, { id, number: orderNumberOf(id), lineIds: body.lineItems.map(() => newId('li')), now, by: actor });
    await insertOrder(order, idempotency);
    return order;
  },
  'orders.list': ({ principal, query }) => listCustomerOrders(customerId(principal), query),
  'orders.get': ({ principal, params }) => getOwnOrder(params.orderId, customerId(principal)),
  'orders.tracking': async ({ principal, params }) => {
    const order = await getOwnOrder(params.orderId, customerId(principal));
    return { orderId: order.id, number: order.number, status: order.status, deliveredAt: order.deliveredAt, timeline: order.timeline };
  },
  'orders.storefrontStatus': ({ params, body, actor, now, ifMatch }) =>
    changeOrderStatus({ orderId: params.orderId, body, actor, now, ifMatch, by: 'storefront' }),
  'orders.adminList': ({ query: { limit, cursor, ...filter } }) => listOrders(filter, { limit, cursor }),
  'orders.adminGet': ({ params }) => getOrderOrThrow(params.orderId),
  'orders.adminStatus': ({ params, body, actor, now, ifMatch }) => changeOrderStatus({ orderId: params.orderId, body, actor, now, ifMatch, by: 'admin' }),
  'orders.adminPayment': async ({ params, now, ifMatch }) => {
    const order = await getOrderOrThrow(params.orderId);
    checkIfMatch(order, ifMatch);
    if (order.paymentStatus !== 'unpaid') {
      throw new ConflictError(`The order is already ${order.paymentStatus}.`, { allowedTransitions: [] });
    }
    const paid = { ...order, paymentStatus: 'paid' as const, version: order.version + 1, updatedAt: now };
    await saveOrder(paid, order.version);
    return paid;
  },
  'orders.summary': () => countQueues(),
});
