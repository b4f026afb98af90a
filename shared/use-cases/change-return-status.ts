// Moves a return request along its status table (admins), or withdraws it
// (its customer, while `new`). A move that gives no units back is ONE
// conditional write (its condition is the check: the table, and for
// `approved` the verdict the item stores), answered from the request as
// written: the item carries a copy of its comments (shared/domain/comment-copies.ts).
// A request without one (its comments outgrew the copy's budget) refuses that
// write; its comments are then read and the move written again, never read
// after a committed write (a failed read would answer an error for a change
// that happened). A move that gives units back reads the request (its units,
// and where its lines sit in the order), then writes it and the order's
// counters in one transaction: two trips, no read of the order. `refunded`
// goes through the refund writer.
import { transact } from '#shared/adapters/dynamo';
import { getReturnComments, getReturnWithComments, moveReturnStatus, releaseReturnUnits, returnPut } from '#shared/adapters/returns-repo';
import { type Caller, visibleTo } from '#shared/domain/caller';
import { checkIfMatch } from '#shared/domain/if-match';
import { transitionReturn, unitsReleasedBy, withComments } from '#shared/domain/return-lifecycle';
import type { ReturnRequest, ReturnStatusBody } from '#shared/domain/return-request';
import { explainReturnStatusRefusal, planReturnStatusWrite } from '#shared/domain/return-status-change';
import { refundReturn } from './steps/refund-return.ts';

export interface ChangeReturnStatus {
  readonly returnId: string;
  readonly body: ReturnStatusBody;
  readonly actor: string;
  readonly now: string;
  readonly ifMatch: number | undefined;
  /** A customer may only act on their own request, and only to cancel it. */
  readonly caller: Caller;
}

/**
 * Race: two admins move the same request (read at v3) at once; both writes
 * carry `version = 3`, one commits v4, the other gets a 409 and nothing of
 * its move (no second history entry, no second release, no second refund).
 */
export const changeReturnStatus = async ({ returnId, body, actor, now, ifMatch, caller }: ChangeReturnStatus): Promise<ReturnRequest> => {
  const change = { to: body.status, at: now, by: actor, rejectionReason: body.rejectionReason, role: caller.role };
  const write = planReturnStatusWrite(change, ifMatch);
  if (write) {
    const first = await moveReturnStatus(returnId, write);
    const moved = 'uncopied' in first ? await moveReturnStatus(returnId, write, await getReturnComments(returnId)) : first;
    if ('refused' in moved) return explainReturnStatusRefusal(moved.refused, change, ifMatch);
    return withComments(moved.request, moved.comments, caller.role);
  }
  const found = visibleTo(caller, await getReturnWithComments(returnId), (r) => r.request.customerId, 'The return request');
  const { request, comments } = found;
  checkIfMatch(request, ifMatch);
  const moved = transitionReturn(request, change);
  if (moved.status === 'refunded') {
    return withComments(await refundReturn({ before: request, moved, actor, now }), comments, caller.role);
  }
  const released = unitsReleasedBy(request, moved.status);
  await transact([returnPut(moved, request.version), ...(released.length > 0 ? [releaseReturnUnits(found, released, now)] : [])]);
  return withComments(moved, comments, caller.role);
};
