// Cancellations area: a customer cancels; an admin lists, approves, rejects, or cancels directly.
import { listCancellations } from '#shared/adapters/cancellations-repo';
import { cancellationsApi } from '#shared/api/cancellations';
import { httpHandler } from '#shared/http/handler';
import { adminCancelOrder } from '#shared/use-cases/cancel-order';
import { approveCancellation, rejectCancellation } from '#shared/use-cases/decide-cancellation';
import { requestCancellation } from '#shared/use-cases/request-cancellation';

export const handler = httpHandler('cancellations', cancellationsApi, {
  'cancellations.create': ({ params, body, principal, actor, now, idempotency }) =>
    requestCancellation({ orderId: params.orderId, customerId: principal.role === 'customer' ? principal.sub : '', body, actor, now, idempotency }),
  'cancellations.adminList': ({ query: { limit, cursor, ...filter } }) => listCancellations(filter, { limit, cursor }),
  'cancellations.approve': ({ params, actor, now, ifMatch }) => approveCancellation({ cancellationId: params.id, actor, now, ifMatch }),
  'cancellations.reject': ({ params, body, actor, now, ifMatch }) =>
    rejectCancellation({ cancellationId: params.id, actor, now, ifMatch, rejectionReason: body.rejectionReason }),
  'cancellations.adminCancel': ({ params, body, actor, now, idempotency }) => adminCancelOrder({ orderId: params.orderId, body, actor, now, idempotency }),
});
