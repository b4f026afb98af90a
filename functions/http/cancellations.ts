// Cancellations area: a customer cancels and follows their cancellations; an
// admin lists, opens, approves, rejects, or cancels directly.
import { cancellationsRoutes } from '#infra/routes/cancellations';
import { getCancellation, listCancellations, listCustomerCancellations, listOrderCancellations } from '#shared/adapters/cancellations-repo';
import { getOrderOrThrow } from '#shared/adapters/orders-repo';
import { cancellationsApi } from '#shared/api/cancellations';
import { ownerIdOf } from '#shared/domain/caller';
import { httpHandler } from '#shared/http/handler';
import { callerOf } from '#shared/http/principal';
import { adminCancelOrder } from '#shared/use-cases/cancel-order';
import { approveCancellation, rejectCancellation } from '#shared/use-cases/decide-cancellation';
import { requestCancellation } from '#shared/use-cases/request-cancellation';
import { viewCancellation } from '#shared/use-cases/view-cancellation';

export const handler = httpHandler(cancellationsRoutes, cancellationsApi, {
  'cancellations.create': ({ params, body, principal, actor, now, idempotency }) =>
    requestCancellation({ orderId: params.orderId, caller: callerOf(principal), body, actor, now, idempotency }),
  'cancellations.adminList': ({ query: { limit, cursor, ...filter } }) => listCancellations(filter, { limit, cursor }),
  'cancellations.approve': ({ params, actor, now, ifMatch }) => approveCancellation({ cancellationId: params.id, actor, now, ifMatch }),
  'cancellations.reject': ({ params, body, actor, now, ifMatch }) =>
    rejectCancellation({ cancellationId: params.id, actor, now, ifMatch, rejectionReason: body.rejectionReason }),
  'cancellations.adminCancel': ({ params, body, actor, now, idempotency, ifMatch }) =>
    adminCancelOrder({ orderId: params.orderId, body, actor, now, idempotency, ifMatch }),
  'cancellations.list': ({ principal, query }) => listCustomerCancellations(ownerIdOf(callerOf(principal)), query),
  'cancellations.get': ({ principal, params }) => viewCancellation(params.cancellationId, callerOf(principal)),
  'cancellations.adminGet': ({ params }) => getCancellation(params.id),
  // The order's existence (404) and the page are read in parallel.
  'cancellations.orderList': async ({ params, query }) =>
    (await Promise.all([getOrderOrThrow(params.orderId), listOrderCancellations(params.orderId, query)]))[1],
});
