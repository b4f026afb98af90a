// A manual refund (and `calculateRefund`, the same path writing nothing). Two
// round trips: one BatchGetItem for the order, its refund counters and the
// settings; one transaction for the order, the refund, its pointer and rows,
// the restock and the idempotency record. The plan (shared/domain/refund-write.ts)
// is pure; on a lost version race this use case reads and plans again.

import { type GuardedItem, transact } from '#shared/adapters/dynamo';
import { type IdempotencyKey, idempotencyRecord } from '#shared/adapters/idempotency';
import { newId, newSecretCode } from '#shared/adapters/ids';
import { orderPut } from '#shared/adapters/orders-repo';
import { refundInserts } from '#shared/adapters/refunds-repo';
import { readForRules, withCounters } from '#shared/adapters/rule-reads';
import { returnStock, unitsBySku } from '#shared/adapters/stock-repo';
import { NotFoundError } from '#shared/domain/errors';
import { checkIfMatch } from '#shared/domain/if-match';
import type { Order } from '#shared/domain/order';
import type { Refund } from '#shared/domain/refund';
import type { PlanIds } from '#shared/domain/refund-plan';
import { type OrderState, planRefundWrite, type RefundAsk, type RefundWrite } from '#shared/domain/refund-write';
import type { Settings } from '#shared/domain/settings';
import { ConcurrentChangeError, retryOnChange } from './retry-on-change.ts';

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

/** Fresh ids for a plan; `issue` false when only calculating: no voucher is issued for a refund nobody makes. */
export const planIds = (issue: boolean): PlanIds => ({
  refundId: newId('rfd'),
  newId,
  voucherCode: () => (issue ? newSecretCode() : undefined),
});

/**
 * The items of a planned refund. The order is written at the version the plan
 * was made against: when another writer moved it, the caller's retry loop
 * reads and plans again (ConcurrentChangeError). One stock item per SKU: a
 * transaction may touch an item once.
 */
export const refundWriteItems = (write: RefundWrite): GuardedItem[] => [
  { ...orderPut(write.order, write.previousVersion, write.counters), onConditionFailed: () => new ConcurrentChangeError('order') },
  ...refundInserts(write.refund),
  ...[...unitsBySku(write.restock)].map(([sku, units]) => returnStock(sku, units)),
];

/** The order with its counters, and the settings: one BatchGetItem (plus the ledger for an order stored before the counters). */
export const readOrderForRefund = async (orderId: string): Promise<{ state: OrderState; settings: Settings }> => {
  const { order, settings } = await readForRules({ orderId });
  if (!order) throw new NotFoundError('The order');
  return { state: await withCounters(order), settings };
};

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
    await transact([
      // First, so a same-key twin that committed first is reported as a replay, not as a lost race.
      ...idempotencyRecord(ctx.idempotency, write.refund, ctx.now),
      ...refundWriteItems(write),
    ]);
    return { refund: write.refund, order: write.order };
  });
