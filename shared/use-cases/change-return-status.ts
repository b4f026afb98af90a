// Moves a return request along its status table (admins), or withdraws it
// (its customer, while `new`): the request and the units it gives back to the
// order in one transaction; `refunded` goes through the refund writer.
import { transact } from '#shared/adapters/dynamo';
import { checkIfMatch, getOrderOrThrow } from '#shared/adapters/orders-repo';
import { getOwnReturn, getReturnOrThrow, releaseReturnUnits, returnPut } from '#shared/adapters/returns-repo';
import { transitionReturn, unitsReleasedBy, withComments } from '#shared/domain/return-lifecycle';
import type { ReturnRequest, ReturnStatusBody } from '#shared/domain/return-request';
import { refundReturn } from './refund-return.ts';

export interface ChangeReturnStatus {
  readonly returnId: string;
  readonly body: ReturnStatusBody;
  readonly actor: string;
  readonly now: string;
  readonly ifMatch: number | undefined;
  /** A customer may only act on their own request, and only to cancel it. */
  readonly caller: { readonly role: 'admin' } | { readonly role: 'customer'; readonly customerId: string };
}

/**
 * Race: two admins move the same request (read at v3) at once; both writes
 * carry `version = 3`, one commits v4, the other gets a 409 and nothing of
 * its move (no second history entry, no second release, no second refund).
 */
export const changeReturnStatus = async ({ returnId, body, actor, now, ifMatch, caller }: ChangeReturnStatus): Promise<ReturnRequest> => {
  const { request, comments } = caller.role === 'customer' ? await getOwnReturn(returnId, caller.customerId) : await getReturnOrThrow(returnId);
  checkIfMatch(request, ifMatch);
  const moved = transitionReturn(request, { to: body.status, at: now, by: actor, rejectionReason: body.rejectionReason, role: caller.role });
  if (moved.status === 'refunded') {
    return withComments(await refundReturn({ before: request, moved, actor, now }), comments, caller.role);
  }
  const released = unitsReleasedBy(request, moved.status);
  const order = released.length > 0 ? await getOrderOrThrow(request.orderId) : undefined;
  await transact([returnPut(moved, request.version), ...(order ? [releaseReturnUnits(order, released, now)] : [])]);
  return withComments(moved, comments, caller.role);
};
