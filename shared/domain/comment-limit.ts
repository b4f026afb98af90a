// How often a customer may comment on one return (API.md "Comment": 429 past
// a few a minute), so no one floods the admins' inboxes: each customer comment
// is emailed to every admin. Admins are not limited. Pure: time is passed in.
import { ThrottledError } from './errors.ts';

/** Comments one customer may post on one return per window. */
export const CUSTOMER_COMMENTS_PER_WINDOW = 5;
/** Fixed windows (aligned to the minute): one counter item per customer, return and window. */
export const COMMENT_WINDOW_SECONDS = 60;
/** A window's counter stays this long after the window ends (its TTL), then the table drops it. */
const KEPT_AFTER_SECONDS = 60 * 60;

export interface CommentWindow {
  /** Epoch seconds the window starts at: part of the counter's key. */
  readonly start: number;
  /** Whole seconds until the next window (1…60): what a refusal's Retry-After says. */
  readonly retryAfter: number;
  /** The counter's TTL (epoch seconds). */
  readonly expiresAt: number;
}

export const commentWindowAt = (now: string): CommentWindow => {
  const seconds = Math.floor(Date.parse(now) / 1000);
  const start = seconds - (seconds % COMMENT_WINDOW_SECONDS);
  return { start, retryAfter: start + COMMENT_WINDOW_SECONDS - seconds, expiresAt: start + COMMENT_WINDOW_SECONDS + KEPT_AFTER_SECONDS };
};

export const commentLimitError = (window: CommentWindow): ThrottledError =>
  new ThrottledError(`At most ${CUSTOMER_COMMENTS_PER_WINDOW} comments a minute on one return; try again in ${window.retryAfter} s.`, window.retryAfter);
