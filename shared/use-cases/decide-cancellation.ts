// An admin decides a customer's cancellation request: approve (order cancelled,
// stock back, everything still refundable refunded) or reject with a reason.
import { cancellationPut, getCancellation, releaseOpenCancellation } from '#shared/adapters/cancellations-repo';
import { transact } from '#shared/adapters/dynamo';
import { checkIfMatch, getOrderOrThrow } from '#shared/adapters/orders-repo';
import { type Cancellation, checkOrderCancellable, transitionCancellation } from '#shared/domain/cancellation';
import { cancelOrderNow } from './cancel-order.ts';

export interface DecideCancellation {
  readonly cancellationId: string;
  readonly actor: string;
  readonly now: string;
  readonly ifMatch: number | undefined;
}

/**
 * Race: two admins approve the same request at once. Both read it at v1 and
 * plan a refund; each transaction carries the cancellation `version = 1`
 * condition, so one commits (one refund, one restock) and the other is a 409.
 */
export const approveCancellation = async ({ cancellationId, actor, now, ifMatch }: DecideCancellation): Promise<Cancellation> => {
  const current = await getCancellation(cancellationId);
  checkIfMatch(current, ifMatch);
  const approved = transitionCancellation(current, 'approved', now);
  const order = await getOrderOrThrow(current.orderId, true);
  checkOrderCancellable(order);
  return cancelOrderNow({
    order,
    cancellation: approved,
    actor,
    now,
    note: `Cancellation ${current.id} approved`,
    items: (final) => [cancellationPut(final, current.version), releaseOpenCancellation(current.orderId, current.id)],
  });
};

export const rejectCancellation = async ({
  cancellationId,
  actor: _actor,
  now,
  ifMatch,
  rejectionReason,
}: DecideCancellation & { rejectionReason: string }): Promise<Cancellation> => {
  const current = await getCancellation(cancellationId);
  checkIfMatch(current, ifMatch);
  const rejected = transitionCancellation(current, 'rejected', now, { rejectionReason });
  await transact([cancellationPut(rejected, current.version), releaseOpenCancellation(current.orderId, current.id)]);
  return rejected;
};
