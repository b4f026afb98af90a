// A return request keeps a copy of its comments on its own item, so that a
// status change, ONE conditional write, answers them from the item as written
// (issue 17). API.md bounds neither how many comments a request gets nor how
// long they are beyond the body's 2000 characters, so the copy has a byte
// budget that keeps the item far below DynamoDB's 400 KB: a request whose
// comments outgrow it stops carrying a copy, and its status changes read the
// comment items instead (correct, one trip more). Pure: decides what a
// comment writes on the request item; returns-repo writes it.
import type { ReturnComment } from './return-request.ts';

/** UTF-8 bytes of comments (as JSON) a request item may carry: hundreds of ordinary comments, a few dozen of the longest. */
export const COMMENT_COPY_BUDGET = 64 * 1024;

/**
 * What a request item says of its copy. `bytes` counts every comment written
 * on it (a request is created with an empty copy and a count of 0). `copied`:
 * the copy is on the item and complete.
 */
export interface CommentCopyState {
  readonly copied: boolean;
  readonly bytes: number;
}

/**
 * - `append`: add to a complete copy, if the count is still at most `room`
 *   (a comment that raced in first may have used the room);
 * - `drop`: over budget, the item stops carrying a copy (it still counts).
 */
export type CommentCopyWrite =
  | { readonly kind: 'append'; readonly comments: readonly ReturnComment[]; readonly bytes: number; readonly room: number }
  | { readonly kind: 'drop'; readonly bytes: number };

const bytesOf = (comments: readonly ReturnComment[]): number => {
  const utf8 = new TextEncoder();
  return comments.reduce((sum, c) => sum + utf8.encode(JSON.stringify(c)).length, 0);
};

/** What adding `added` to a request writes on the request item. */
export const planCommentCopy = (state: CommentCopyState, added: readonly ReturnComment[]): CommentCopyWrite => {
  const bytes = bytesOf(added);
  return state.copied && state.bytes + bytes <= COMMENT_COPY_BUDGET
    ? { kind: 'append', comments: added, bytes, room: COMMENT_COPY_BUDGET - bytes }
    : { kind: 'drop', bytes };
};
