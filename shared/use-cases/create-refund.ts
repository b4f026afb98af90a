// A manual refund (and `calculateRefund`, the same path writing nothing). Two
// round trips: one BatchGetItem for the order, its refund counters and the
// settings; one transaction for the order, the refund, its pointer and rows,
// the restock and the idempotency record. The plan (shared/domain/refund-write.ts)
// is pure; on a lost version race this use case reads and plans again.

import { transact } from '#shared/adapters/dynamo';
import { type IdempotencyKey, idempotencyRecord } from '#shared/adapters/idempotency';
import { checkIfMatch } from '#shared/domain/if-match';
import type { Order } from '#shared/domain/order';
import type { Refund } from '#shared/domain/refund';
import { planRefundWrite, type RefundAsk } from '#shared/domain/refund-write';
import { refundCreditItems } from './steps/credit-refund.ts';
import { planIds, readOrderForRefund, refundWriteItems } from './steps/refund-write.ts';
import { retryOnChange } from './steps/retry-on-change.ts';

/** What a caller asks for: the domain's request, for one order, restock and the shipping deduction defaulting to the settings. */
export type RefundInput = RefundAsk & { readonly orderId: string };

export interface RefundContext {
  readonly actor: string;
  readonly now: string;
  /** Records the route's answer (the refund) under the key, in the same transaction. */
  readonly idempotency?: IdempotencyKey | undefined;
  /** The order version an `If-Match` demands: a 412, never a re-plan, once the order moved past it. */
  readonly expectedVersion?: number | undefined;
}

/** The refund that `createRefund` would record now; writes nothing, issues no voucher. */
export const calculateRefund = async (input: RefundInput, ctx: RefundContext): Promise<Refund> => {
  const { state, settings } = await readOrderForRefund(input.orderId);
  checkIfMatch(state.order, ctx.expectedVersion);
  return planRefundWrite(state, input, { settings, ids: planIds(false), now: ctx.now, actor: ctx.actor }).refund;
};

/** Records a refund, the order's counters and the restock: one transaction. */
export const createRefund = (input: RefundInput, ctx: RefundContext): Promise<{ refund: Refund; order: Order }> =>
  retryOnChange(async () => {
    const { state, settings } = await readOrderForRefund(input.orderId);
    checkIfMatch(state.order, ctx.expectedVersion);
    const write = planRefundWrite(state, input, { settings, ids: planIds(true), now: ctx.now, actor: ctx.actor });
    const credited = await refundCreditItems({
      refund: write.refund,
      customer: state.order.customer,
      settings,
      withBonus: false,
      now: ctx.now,
      by: ctx.actor,
    });
    await transact([
      // First, so a same-key twin that committed first is reported as a replay, not as a lost race.
      ...idempotencyRecord(ctx.idempotency, write.refund, ctx.now),
      ...refundWriteItems(write),
      ...credited,
    ]);
    return { refund: write.refund, order: write.order };
  });
