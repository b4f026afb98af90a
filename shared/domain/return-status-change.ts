// A return request's status move as one conditional write (status-write.ts),
// for the moves that give no units back: the table decides them, and a move
// out of pending_verification (only `approved` gives nothing back) also
// requires the verdict the request item stores beside its fields, so the
// write's condition is the check a read would have made. The others read the
// request first: a move that gives units back writes the order's lines by the
// request's units, and `refunded` goes through the refund writer.
import { ConflictError, NotFoundError } from './errors.ts';
import { checkIfMatch } from './if-match.ts';
import { mayReleaseUnits, type ReturnTransition, transitionReturn } from './return-lifecycle.ts';
import type { ReturnRecord } from './return-request.ts';
import { impliedReturnStatus, RETURN_STATUSES, RETURN_TRANSITIONS, type ReturnStatus } from './return-status.ts';
import { type StatusWrite, statusesMovingTo } from './status-write.ts';

/** The stored attribute a move out of pending_verification requires: the status the request's verification implies. */
export const VERDICT = 'verdict';

/** What the request item stores as its verdict (`null` until every item is verified); returns-repo.ts writes it with every write of the request. */
export const verdictOf = (request: Pick<ReturnRecord, 'items'>): ReturnStatus | null => impliedReturnStatus(request.items) ?? null;

/** The one write of a move that gives no units back, or `undefined` when the move needs the request read first. */
export const planReturnStatusWrite = (change: ReturnTransition, expectedVersion: number | undefined): StatusWrite<ReturnStatus> | undefined => {
  if (change.role !== 'admin' || change.to === 'refunded' || mayReleaseUnits(change.to)) return undefined;
  const from = statusesMovingTo(RETURN_STATUSES, (status) => RETURN_TRANSITIONS[status], change.to);
  return {
    to: change.to,
    from,
    at: change.at,
    set: {},
    append: { statusHistory: [{ status: change.to, at: change.at, submittedBy: change.by }] },
    // From pending_verification the table's targets collapse to the verdict (allowedReturnTransitions).
    require: from.includes('pending_verification') ? { [VERDICT]: change.to } : {},
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
