// The copy of a return request's comments on the request item (what it is
// for, and when there is none: shared/domain/comment-copies.ts): its two
// table-own attributes, and the update a comment's transaction makes to them.
import type { CommentCopyState, CommentCopyWrite } from '#shared/domain/comment-copies';
import { ConflictError } from '#shared/domain/errors';
import type { ReturnComment } from '#shared/domain/return-request';
import { type GuardedItem, TABLE_NAME } from './dynamo.ts';
import { KEY } from './keys.ts';

/**
 * Table-own attributes of the request item (stripKeys drops them): the copy of
 * its comments, there only while complete, and the UTF-8 bytes of every
 * comment counted (returnInsert starts both). No other writer names them:
 * returnPut SETs the request's own fields, so the copy survives every write.
 */
export const COPIES = 'commentCopies';
export const COUNTED = 'commentBytes';

/** A comment as the API has it, from its item or its copy (never the item's table-own fields). */
export const commentOf = ({ id, body, visibleToCustomer, submittedBy, createdAt }: Record<string, unknown>): ReturnComment =>
  ({ id, body, visibleToCustomer, submittedBy, createdAt }) as ReturnComment;

export const copyStateOf = (item: Record<string, unknown>): CommentCopyState => ({
  copied: Array.isArray(item[COPIES]),
  bytes: item[COUNTED] as number,
});

const COPY_UPDATES: Record<CommentCopyWrite['kind'], { update: string; condition: string }> = {
  append: { update: 'SET #copies = list_append(#copies, :copy) ADD #counted :bytes', condition: 'attribute_exists(#copies) AND #counted <= :room' },
  drop: { update: 'REMOVE #copies ADD #counted :bytes', condition: 'attribute_exists(#counted)' },
};

/**
 * What a comment writes on its request item, in the
 * comment's transaction; never its version, so an If-Match read before a
 * comment still holds. Its condition fails when a racing comment changed what
 * the plan was made on: read again and plan again.
 */
export const commentCopyUpdate = (returnId: string, plan: CommentCopyWrite): GuardedItem => {
  const { update, condition } = COPY_UPDATES[plan.kind];
  return {
    item: {
      Update: {
        TableName: TABLE_NAME,
        Key: KEY.returnRequest(returnId),
        UpdateExpression: update,
        ConditionExpression: condition,
        ExpressionAttributeNames: { '#counted': COUNTED, '#copies': COPIES },
        ExpressionAttributeValues: { ':bytes': plan.bytes, ...(plan.kind === 'append' ? { ':copy': plan.comments.map(commentOf), ':room': plan.room } : {}) },
      },
    },
    onConditionFailed: () => new ConflictError('The return request’s comments changed concurrently; retry.'),
  };
};
