// How often a customer may comment on one return (API.md "Comment": 429 past
// a few a minute), so no one floods the admins' inboxes: each customer comment
// is emailed to every admin. Admins are not limited. Pure: time is passed in.
import { ThrottledError } from './errors.ts';
import { type RateWindow, rateWindowAt } from './rate-window.ts';

/** Comments one customer may post on one return per window. */
export const CUSTOMER_COMMENTS_PER_WINDOW = 5;
/** A window's counter stays this long after the window ends (its TTL), then the table drops it. */
const KEPT_AFTER_SECONDS = 60 * 60;

export type CommentWindow = RateWindow;

export const commentWindowAt = (now: string): CommentWindow => rateWindowAt(now, KEPT_AFTER_SECONDS);

export const commentLimitError = (window: CommentWindow): ThrottledError =>
  new ThrottledError(`At most ${CUSTOMER_COMMENTS_PER_WINDOW} comments a minute on one return; try again in ${window.retryAfter} s.`, window.retryAfter);
