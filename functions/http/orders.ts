// Orders area: creation (storefront), my orders and tracking (customer), the
// admin list, status updates and payment, and the back office's queue counts.
import { ordersRoutes } from '#infra/routes/orders';
import { getWholeOrder, listCustomerOrders, listOrders } from '#shared/adapters/orders-repo';
import { countQueues } from '#shared/adapters/queue-counts';
import { ordersApi } from '#shared/api/orders';
import { ownerIdOf } from '#shared/domain/caller';
import { httpHandler } from '#shared/http/handler';
import { callerOf } from '#shared/http/principal';
import { changeOrderStatus } from '#shared/use-cases/change-order-status';
import { createOrder } from '#shared/use-cases/create-order';
import { markOrderPaid } from '#shared/use-cases/mark-order-paid';
import { viewOrder } from '#shared/use-cases/view-order';

export const handler = httpHandler(ordersRoutes, ordersApi, {
  'orders.create': ({ body, actor, now, idempotency }) => createOrder({ body, actor, now, idempotency }),
  'orders.list': ({ principal, query }) => listCustomerOrders(ownerIdOf(callerOf(principal)), query),
  'orders.get': ({ principal, params }) => viewOrder(params.orderId, callerOf(principal)),
  'orders.tracking': async ({ principal, params }) => {
    const order = await viewOrder(params.orderId, callerOf(principal));
    return { orderId: order.id, number: order.number, status: order.status, deliveredAt: order.deliveredAt, timeline: order.timeline };
  },
  'orders.storefrontStatus': ({ params, body, actor, now, ifMatch }) => changeOrderStatus({ orderId: params.orderId, body, actor, now, ifMatch }),
  'orders.adminList': ({ query: { limit, cursor, ...filter } }) => listOrders(filter, { limit, cursor }),
  'orders.adminGet': ({ params }) => getWholeOrder(params.orderId),
  'orders.adminStatus': ({ params, body, actor, now, ifMatch }) => changeOrderStatus({ orderId: params.orderId, body, actor, now, ifMatch }),
  'orders.adminPayment': ({ params, now, ifMatch }) => markOrderPaid({ orderId: params.orderId, ifMatch, now }),
  'orders.summary': () => countQueues(),
});
