// An admin decides a customer's cancellation request: approve (order cancelled,
// stock back, everything still refundable refunded) or reject with a reason.

import { cancellationPut, getCancellation, releaseOpenCancellation } from '#shared/adapters/cancellations-repo';
import { transact } from '#shared/adapters/dynamo';
import { releaseOrderHold } from '#shared/adapters/orders-repo';
import { readForRules } from '#shared/adapters/rule-reads';
import { type Cancellation, checkOrderCancellable, transitionCancellation } from '#shared/domain/cancellation';
import { NotFoundError } from '#shared/domain/errors';
import { checkIfMatch } from '#shared/domain/if-match';
import { cancelNowItems } from './steps/cancel-now.ts';
import { ConcurrentChangeError, retryOnChange } from './steps/retry-on-change.ts';

export interface DecideCancellation {
  readonly cancellationId: string;
  readonly actor: string;
  readonly now: string;
  readonly ifMatch: number | undefined;
}

/**
 * Two round trips: the request, the order as the request left it (kept beside
 * the request, see cancellationOrderInsert) and the settings in one
 * BatchGetItem, then one transaction whose order write is conditioned on that
 * copy's version. When the order moved since (a refund, a payment), that
 * condition fails and the retry reads the order itself beside the request.
 *
 * Race: two admins approve the same request at once. Both read it at v1 and
 * plan a refund; each transaction carries the cancellation `version = 1`
 * condition, so one commits (one refund, one restock) and the other is a 409.
 */
export const approveCancellation = ({ cancellationId, actor, now, ifMatch }: DecideCancellation): Promise<Cancellation> => {
  let orderId: string | undefined;
  return retryOnChange(async () => {
    const reads = await readForRules({ cancellationId, orderId });
    const current = reads.cancellation;
    if (!current) throw new NotFoundError('The cancellation');
    checkIfMatch(current, ifMatch);
    const approved = transitionCancellation(current, 'approved', now);
    // Only a lost race retries: the next attempt reads the order itself.
    orderId = current.orderId;
    const read = reads.order ?? reads.cancellationOrder ?? (await readForRules({ orderId })).order;
    if (!read) throw new NotFoundError('The order');
    checkOrderCancellable(read.order);
    const { final, items } = await cancelNowItems({
      read,
      settings: reads.settings,
      cancellation: approved,
      actor,
      now,
      note: `Cancellation ${current.id} approved`,
      // The open request holds the order's status: whatever moved it (a refund, a payment) is re-read and planned again.
      onOrderMoved: () => new ConcurrentChangeError('order'),
    });
    await transact([cancellationPut(final, current.version), releaseOpenCancellation(current.orderId, current.id), ...items]);
    return final;
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
  await transact([
    cancellationPut(rejected, current.version),
    releaseOpenCancellation(current.orderId, current.id),
    releaseOrderHold(current.orderId, current.id),
  ]);
  return rejected;
};
