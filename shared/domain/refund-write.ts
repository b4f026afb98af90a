// The refund writer as a pure planner: from the order and its refund counters
// as read (one version), a refund request and the settings' defaults, what to
// write. The caller's use case turns the plan into items (the adapters build
// them) beside its own and writes them in ONE transaction, with the order
// conditioned on the version it was planned against; on a lost race it reads
// and plans again. Nothing here reads, writes or retries.
//
// Why the order is written whole at version v (not counter increments): the
// refund changes several fields that must agree with each other: per-line
// `refundedQuantity`, `totals.refunded`, the `paymentStatus` derived from it,
// the refund counters (and, for a cancellation, `status` and the timeline).
// Increments guarded by `<=` conditions would keep the sums in bounds but
// could leave `paymentStatus` stale when two refunds land at once.
//
// Race, 10 admins refunding the last unit of a line at once: all read v3
// (refundedQuantity 0 of 1) and plan a refund of 1 unit; one transaction
// commits v4; nine fail `version = 3` and nothing of theirs is written; they
// re-read v4, re-plan, and get 422 quantity_exceeds_refundable (or 409 after
// repeated lost races). Σ refunded can never pass what was bought or paid,
// because every committed plan was checked against the exact state it replaced.
import type { Order } from './order.ts';
import { transitionOrder } from './order-lifecycle.ts';
import type { OrderStatus } from './order-status.ts';
import type { Refund } from './refund.ts';
import { countRefund, type RefundCounters } from './refund-counters.ts';
import { applyRefund, type PlanIds, planRefund, type RefundRequest } from './refund-plan.ts';
import type { Settings } from './settings.ts';

/** What the rules read: the order and its counters at one version. */
export interface OrderState {
  readonly order: Order;
  readonly counters: RefundCounters;
}

/** A refund request whose restock and shipping deduction default to the settings. */
export type RefundAsk = Omit<RefundRequest, 'restock'> & { readonly restock?: boolean | undefined };

/** Also move the order's fulfillment status in the same single order write (cancellations). */
export interface OrderChange {
  readonly to: OrderStatus;
  readonly note?: string | undefined;
}

export interface RefundWriteContext {
  readonly settings: Pick<Settings, 'refunds'>;
  readonly ids: PlanIds;
  readonly now: string;
  readonly actor: string;
  readonly orderChange?: OrderChange | undefined;
}

/** Everything one refund writes; `previousVersion` is the order version the plan was made against. */
export interface RefundWrite {
  readonly refund: Refund;
  readonly order: Order;
  readonly counters: RefundCounters;
  readonly previousVersion: number;
  /** Units going back to stock (a restocking refund); one entry per refunded line. */
  readonly restock: readonly { readonly sku: string; readonly quantity: number }[];
}

/**
 * Plans a refund against `state`; throws the rule it breaks. The status change
 * is checked first: an order another writer already cancelled is a 409
 * (illegal transition), not a refund rule's 422.
 */
export const planRefundWrite = (state: OrderState, ask: RefundAsk, ctx: RefundWriteContext): RefundWrite => {
  const { order: before, counters } = state;
  const moved = ctx.orderChange
    ? transitionOrder(before, { to: ctx.orderChange.to, at: ctx.now, by: ctx.actor, note: ctx.orderChange.note })
    : { ...before, version: before.version + 1, updatedAt: ctx.now };
  const refund = planRefund(
    before,
    { ...ask, restock: ask.restock ?? ctx.settings.refunds.restock, deductShipping: ask.deductShipping ?? ctx.settings.refunds.deductShipping },
    { shippingRefunded: counters.shipping, now: ctx.now, actor: ctx.actor, ids: ctx.ids },
  );
  return {
    refund,
    order: applyRefund(moved, refund),
    counters: countRefund(counters, refund),
    previousVersion: before.version,
    restock: refund.restock ? refund.refundLineItems.map((l) => ({ sku: l.lineItem.sku, quantity: l.quantity })) : [],
  };
};
