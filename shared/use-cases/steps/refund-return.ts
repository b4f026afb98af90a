// A return reaches `refunded`: the Refund (good units, refunded shipping, the
// restocking fee; restock per settings; a transaction by the refund method),
// the order's refund counters and the request itself, in ONE transaction. The
// breakdown and the refund are planned from the same read of the order, so
// they always agree.
import { transact } from '#shared/adapters/dynamo';
import { getReturn, returnPut } from '#shared/adapters/returns-repo';
import { ConflictError, DomainError } from '#shared/domain/errors';
import { planRefundWrite } from '#shared/domain/refund-write';
import { returnRefundBreakdown, returnRefundRequest } from '#shared/domain/return-amount';
import type { ReturnRecord } from '#shared/domain/return-request';
import { refundCreditItems } from './credit-refund.ts';
import { planIds, readOrderForRefund, refundWriteItems } from './refund-write.ts';
import { retryOnChange } from './retry-on-change.ts';

export interface RefundReturn {
  /** The request as read, and as moved to `refunded` (history stamped). */
  readonly before: ReturnRecord;
  readonly moved: ReturnRecord;
  readonly actor: string;
  readonly now: string;
}

const attempt = async ({ before, moved, actor, now }: RefundReturn): Promise<ReturnRecord> => {
  const { state, settings } = await readOrderForRefund(before.orderId);
  const breakdown = returnRefundBreakdown(
    before.items,
    { restockFee: before.restockFee, refundedShipping: before.refundedShipping },
    { order: state.order, deductShipping: settings.refunds.deductShipping, shippingRefunded: state.counters.shipping },
  );
  const write = planRefundWrite(state, returnRefundRequest(before, breakdown, settings.refunds.restock), { settings, ids: planIds(true), now, actor });
  const refunded: ReturnRecord = {
    ...moved,
    refundId: write.refund.id,
    refundAmount: write.refund.total,
    owed: write.refund.owed,
    voucherCode: write.refund.transactions.find((t) => t.voucherCode)?.voucherCode ?? null,
    breakdown,
  };
  const credited = await refundCreditItems({
    refund: write.refund,
    customer: state.order.customer,
    settings,
    withBonus: before.refundMethod === 'store_credit',
    now,
    by: actor,
  });
  await transact([...refundWriteItems(write), returnPut(refunded, before.version), ...credited]);
  return refunded;
};

/**
 * A lost race on the order (another refund, a new return) reads and plans
 * again; a lost race on the request itself is the caller's 409.
 */
export const refundReturn = (input: RefundReturn): Promise<ReturnRecord> =>
  retryOnChange(() =>
    attempt(input).catch(async (error: unknown) => {
      if (error instanceof DomainError && error.code === 'business_rule') await checkNotMoved(input.before);
      throw error;
    }),
  );

/**
 * A refusal may only be the loser's view of a race. Two admins refund the same
 * request (both read v5); A's refund commits the order and the request (v6)
 * together; B then plans against the order A changed and finds the units
 * refunded (422). The request read after that refusal shows v6: B lost the
 * race for this transition, which is a 409, not a rule of the refund.
 */
const checkNotMoved = async (before: ReturnRecord): Promise<void> => {
  if ((await getReturn(before.id))?.version !== before.version) {
    throw new ConflictError('The return request was changed concurrently; reload it and retry.');
  }
};
