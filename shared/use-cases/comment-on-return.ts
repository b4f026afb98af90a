// A comment on a return request: a customer's (always visible to them) or an
// admin's (visible to the customer or private). Its own item, plus its copy on
// the request item (shared/domain/comment-copies.ts) in the same transaction,
// which never touches the request's version: a comment racing a status
// change, a verification or another comment never makes either fail, and the
// request ends up carrying both.

import { commentWindowTake } from '#shared/adapters/comment-windows';
import { transact } from '#shared/adapters/dynamo';
import { type IdempotencyKey, idempotencyRecord } from '#shared/adapters/idempotency';
import { newId } from '#shared/adapters/ids';
import { commentCopyUpdate } from '#shared/adapters/return-comment-copies';
import { commentInsert, getReturnWithComments } from '#shared/adapters/returns-repo';
import { type Caller, visibleTo } from '#shared/domain/caller';
import { planCommentCopy } from '#shared/domain/comment-copies';
import { commentWindowAt } from '#shared/domain/comment-limit';
import type { ReturnComment } from '#shared/domain/return-request';
import { ConcurrentChangeError, retryOnChange } from './steps/retry-on-change.ts';

export interface CommentOnReturn {
  readonly returnId: string;
  readonly body: string;
  readonly visibleToCustomer: boolean;
  readonly actor: string;
  readonly now: string;
  readonly idempotency: IdempotencyKey | undefined;
  readonly caller: Caller;
}

/**
 * Race: two comments read the request while its copy has room for one of
 * them; both append conditioned on the count they saw leaving room, the second
 * fails, reads again and drops the copy instead (its status changes then read
 * the comment items). A customer's comment also takes
 * one of the minute's few (shared/domain/comment-limit.ts) in the same
 * transaction, so a refused or failed comment never uses one up.
 */
export const commentOnReturn = async ({ returnId, body, visibleToCustomer, actor, now, idempotency, caller }: CommentOnReturn): Promise<ReturnComment> => {
  const comment: ReturnComment = {
    id: newId('cmt'),
    body,
    // A customer's comment is always visible to them (API.md "Comment").
    visibleToCustomer: caller.role === 'customer' ? true : visibleToCustomer,
    submittedBy: actor,
    createdAt: now,
  };
  return retryOnChange(async () => {
    const found = await getReturnWithComments(returnId);
    const { request, copy } = visibleTo(caller, found, (r) => r.request.customerId, 'The return request');
    await transact([
      ...idempotencyRecord(idempotency, comment, now),
      // A customer's comments are rate limited (429); an admin's are not.
      ...(caller.role === 'customer' ? [commentWindowTake(request.id, caller.customerId, commentWindowAt(now))] : []),
      commentInsert({ ...comment, returnId: request.id, orderId: request.orderId, customerId: request.customerId }),
      { ...commentCopyUpdate(request.id, planCommentCopy(copy, [comment])), onConditionFailed: () => new ConcurrentChangeError('return request') },
    ]);
    return comment;
  });
};
