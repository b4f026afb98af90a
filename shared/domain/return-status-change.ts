// A return request's status move as one conditional write (status-write.ts),
// for the moves that only stamp the status: the table alone decides them and
// they give no units back. The others read the request first: a move out of
// pending_verification depends on the verified items, a move that gives units
// back writes the order's lines too, and `refunded` goes through the refund writer.
import { ConflictError, NotFoundError } from './errors.ts';
import { checkIfMatch } from './if-match.ts';
import { mayReleaseUnits, type ReturnTransition, transitionReturn } from './return-lifecycle.ts';
import type { ReturnRecord } from './return-request.ts';
import { RETURN_STATUSES, RETURN_TRANSITIONS, type ReturnStatus } from './return-status.ts';
import { type StatusWrite, statusesMovingTo } from './status-write.ts';

/** The one write of a move that only stamps the status, or `undefined` when the move needs the request (and maybe the order) read first. */
export const planReturnStatusWrite = (change: ReturnTransition, expectedVersion: number | undefined): StatusWrite<ReturnStatus> | undefined => {
  if (change.role !== 'admin' || change.to === 'refunded' || mayReleaseUnits(change.to)) return undefined;
  const from = statusesMovingTo(RETURN_STATUSES, (status) => RETURN_TRANSITIONS[status], change.to);
  if (from.includes('pending_verification')) return undefined;
  return {
    to: change.to,
    from,
    at: change.at,
    set: {},
    append: { statusHistory: [{ status: change.to, at: change.at, submittedBy: change.by }] },
    require: {},
    expectedVersion,
  };
};

/** Why the write was refused, from the request as it was (`undefined`: none): 404, If-Match (412), the table (409 with allowedTransitions). */
export const explainReturnStatusRefusal = (old: ReturnRecord | undefined, change: ReturnTransition, ifMatch: number | undefined): never => {
  if (!old) throw new NotFoundError('The return request');
  checkIfMatch(old, ifMatch);
  transitionReturn(old, change);
  // Every condition holds on this request: it changed between the refusal and its image, which a single item cannot do.
  throw new ConflictError('The return request was changed concurrently; reload it and retry.');
};
