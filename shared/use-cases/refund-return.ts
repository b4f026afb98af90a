// A return reaches `refunded`: the Refund (good units, refunded shipping, the
// restocking fee; restock per settings; a transaction by the refund method),
// the order's refund counters and the request itself, in ONE transaction
// through the refund writer.
import { getOrderOrThrow } from '#shared/adapters/orders-repo';
import { shippingRefunded } from '#shared/adapters/refunds-repo';
import { getReturn, returnPut } from '#shared/adapters/returns-repo';
import { getSettings } from '#shared/adapters/settings-repo';
import { ConflictError, DomainError } from '#shared/domain/errors';
import { returnRefundBreakdown, returnRefundRequest } from '#shared/domain/return-amount';
import type { ReturnRecord } from '#shared/domain/return-request';
import { createRefund } from './create-refund.ts';
import { ConcurrentChangeError, retryOnChange } from './retry-on-change.ts';

export interface RefundReturn {
  /** The request as read, and as moved to `refunded` (history stamped). */
  readonly before: ReturnRecord;
  readonly moved: ReturnRecord;
  readonly actor: string;
  readonly now: string;
}

/** The writer planned a different total than the breakdown (the order moved between the two reads). */
class AmountMovedError extends Error {}

const attempt = async ({ before, moved, actor, now }: RefundReturn): Promise<ReturnRecord> => {
  const order = await getOrderOrThrow(before.orderId, true);
  const [settings, shipping] = await Promise.all([getSettings(), shippingRefunded(order.id)]);
  const breakdown = returnRefundBreakdown(
    before.items,
    { restockFee: before.restockFee, refundedShipping: before.refundedShipping },
    { order, deductShipping: settings.refunds.deductShipping, shippingRefunded: shipping },
  );
  const input = { orderId: order.id, ...returnRefundRequest(before, breakdown, settings.refunds.restock) };
  let refunded: ReturnRecord | undefined;
  await createRefund(input, {
    actor,
    now,
    alongside: (refund) => {
      if (refund.total !== breakdown.refundAmount) throw new AmountMovedError();
      refunded = {
        ...moved,
        refundId: refund.id,
        refundAmount: refund.total,
        owed: refund.owed,
        voucherCode: refund.transactions.find((t) => t.voucherCode)?.voucherCode ?? null,
        breakdown,
      };
      return [returnPut(refunded, before.version)];
    },
  });
  return refunded as ReturnRecord;
};

/**
 * The amount is computed here from the order as read, and the writer plans
 * the refund again from the order it reads. If the order moved in between
 * (another refund), the totals could differ: the request's item then refuses
 * to be written and everything is read and computed again. (AmountMovedError
 * is not the writer's ConcurrentChangeError, so the writer does not retry it
 * with our stale input; we retry it with a fresh one.)
 */
export const refundReturn = ({ before, moved, actor, now }: RefundReturn): Promise<ReturnRecord> =>
  retryOnChange(() =>
    attempt({ before, moved, actor, now }).catch(async (error: unknown) => {
      if (error instanceof AmountMovedError) throw new ConcurrentChangeError('order');
      if (error instanceof DomainError && error.code === 'business_rule') await checkNotMoved(before);
      throw error;
    }),
  );

/**
 * A refusal may only be the loser's view of a race. Two admins refund the same
 * request (both read v5); A's refund commits the order and the request (v6)
 * together; B's writer then plans against the order A changed and finds the
 * units refunded (422). The request read after that refusal shows v6: B lost
 * the race for this transition, which is a 409, not a rule of the refund.
 */
const checkNotMoved = async (before: ReturnRecord): Promise<void> => {
  if ((await getReturn(before.id))?.version !== before.version) {
    throw new ConflictError('The return request was changed concurrently; reload it and retry.');
  }
};
