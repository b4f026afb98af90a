// Returns area: customers request, follow, withdraw and comment on returns;
// admins list, verify, move them along and comment.
import { returnsRoutes } from '#infra/routes/returns';
import { listAttachmentMeta } from '#shared/adapters/attachments-repo';
import { getOrderOrThrow } from '#shared/adapters/orders-repo';
import { getReturnOrThrow, listCustomerReturns, listOrderReturns, listReturns } from '#shared/adapters/returns-repo';
import { returnsApi } from '#shared/api/returns';
import { ownerIdOf } from '#shared/domain/caller';
import { nextStatuses, withComments } from '#shared/domain/return-lifecycle';
import { httpHandler } from '#shared/http/handler';
import { callerOf } from '#shared/http/principal';
import { changeReturnStatus } from '#shared/use-cases/change-return-status';
import { commentOnReturn } from '#shared/use-cases/comment-on-return';
import { listReturnableItems } from '#shared/use-cases/list-returnable-items';
import { requestReturn } from '#shared/use-cases/request-return';
import { verifyReturnItemCommand, verifyReturnPackage } from '#shared/use-cases/verify-return';
import { viewReturn } from '#shared/use-cases/view-return';

export const handler = httpHandler(returnsRoutes, returnsApi, {
  'returns.returnableItems': ({ principal, params, now }) => listReturnableItems(params.orderId, callerOf(principal), now),
  'returns.create': ({ principal, body, actor, now, idempotency }) => requestReturn({ caller: callerOf(principal), body, actor, now, idempotency }),
  'returns.list': ({ principal, query }) => listCustomerReturns(ownerIdOf(callerOf(principal)), query),
  'returns.get': ({ principal, params }) => viewReturn(params.returnId, callerOf(principal)),
  'returns.cancel': ({ principal, params, actor, now, ifMatch }) =>
    changeReturnStatus({ returnId: params.returnId, body: { status: 'cancelled' }, actor, now, ifMatch, caller: callerOf(principal) }),
  'returns.comment': ({ principal, params, body, actor, now, idempotency }) =>
    commentOnReturn({ returnId: params.returnId, body: body.body, visibleToCustomer: true, actor, now, idempotency, caller: callerOf(principal) }),
  'returns.adminList': ({ query: { limit, cursor, ...filter } }) => listReturns(filter, { limit, cursor }),
  'returns.adminGet': async ({ params }) => {
    const { request, comments } = await getReturnOrThrow(params.returnId);
    return { ...withComments(request, comments, 'admin'), attachmentDetails: await listAttachmentMeta(request.attachments) };
  },
  'returns.nextStatuses': async ({ params }) => nextStatuses((await getReturnOrThrow(params.returnId)).request),
  'returns.adminStatus': ({ principal, params, body, actor, now, ifMatch }) =>
    changeReturnStatus({ returnId: params.returnId, body, actor, now, ifMatch, caller: callerOf(principal) }),
  'returns.verifyItem': ({ params, body, now, ifMatch }) =>
    verifyReturnItemCommand({ returnId: params.returnId, lineItemId: params.lineItemId, body, now, ifMatch }),
  'returns.verifyPackage': ({ params, body, now, ifMatch }) => verifyReturnPackage({ returnId: params.returnId, body, now, ifMatch }),
  'returns.adminComment': ({ principal, params, body, actor, now, idempotency }) =>
    commentOnReturn({
      returnId: params.returnId,
      body: body.body,
      visibleToCustomer: body.visibleToCustomer,
      actor,
      now,
      idempotency,
      caller: callerOf(principal),
    }),
  'returns.orderList': async ({ params, query }) => (await Promise.all([getOrderOrThrow(params.orderId), listOrderReturns(params.orderId, query)]))[1],
});
