// A comment on a return request: a customer's (always visible to them) or an
// admin's (visible to the customer or private). Its own item, so adding one
// never races a status change of the request.
import { transact } from '#shared/adapters/dynamo';
import { type IdempotencyKey, idempotencyRecord } from '#shared/adapters/idempotency';
import { newId } from '#shared/adapters/ids';
import { commentInsert, getOwnReturn, getReturnOrThrow } from '#shared/adapters/returns-repo';
import type { ReturnComment } from '#shared/domain/return-request';

export interface CommentOnReturn {
  readonly returnId: string;
  readonly body: string;
  readonly visibleToCustomer: boolean;
  readonly actor: string;
  readonly now: string;
  readonly idempotency: IdempotencyKey | undefined;
  readonly caller: { readonly role: 'admin' } | { readonly role: 'customer'; readonly customerId: string };
}

export const commentOnReturn = async ({ returnId, body, visibleToCustomer, actor, now, idempotency, caller }: CommentOnReturn): Promise<ReturnComment> => {
  const { request } = caller.role === 'customer' ? await getOwnReturn(returnId, caller.customerId) : await getReturnOrThrow(returnId);
  const comment: ReturnComment = {
    id: newId('cmt'),
    body,
    // A customer's comment is always visible to them (API.md "Comment").
    visibleToCustomer: caller.role === 'customer' ? true : visibleToCustomer,
    submittedBy: actor,
    createdAt: now,
  };
  await transact([
    ...idempotencyRecord(idempotency, comment, now),
    commentInsert({ ...comment, returnId: request.id, orderId: request.orderId, customerId: request.customerId }),
  ]);
  return comment;
};
