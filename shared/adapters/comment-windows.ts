// The rate limit's counters (shared/domain/comment-limit.ts): one item per
// customer, return and minute, counted in the comment's own transaction.
import { type CommentWindow, CUSTOMER_COMMENTS_PER_WINDOW, commentLimitError } from '#shared/domain/comment-limit';
import { type GuardedItem, TABLE_NAME } from './dynamo.ts';
import { KEY } from './keys.ts';

/**
 * Takes one of the window's comments, in the comment's transaction: the count
 * goes up only when the comment is written, and a full window refuses it (429).
 * Race: six comments at once in a window with one left all read nothing (there
 * is no read); each transaction adds 1 only if the count is still below the
 * limit, and DynamoDB serializes them on this item, so exactly one commits and
 * the others fail their condition.
 */
export const commentWindowTake = (returnId: string, customerId: string, window: CommentWindow): GuardedItem => ({
  item: {
    Update: {
      TableName: TABLE_NAME,
      Key: KEY.commentWindow(returnId, customerId, window.start),
      UpdateExpression: 'SET #type = :type, expiresAt = :expiresAt ADD #count :one',
      ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
      ExpressionAttributeNames: { '#type': 'type', '#count': 'count' },
      ExpressionAttributeValues: { ':type': 'CommentWindow', ':expiresAt': window.expiresAt, ':one': 1, ':limit': CUSTOMER_COMMENTS_PER_WINDOW },
    },
  },
  onConditionFailed: () => commentLimitError(window),
});
