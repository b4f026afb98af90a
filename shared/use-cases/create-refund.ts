// The one refund writer: manual refunds, returns and cancellations all create
// their refunds here. `calculateRefund` runs the same path and writes nothing.
//
// Why a version-conditioned write of the order (not counter increments):
// the refund changes several fields of one order item that must agree with
// each other: per-line `refundedQuantity`, `totals.refunded` and the
// `paymentStatus` derived from it (and, for a cancellation, `status` and the
// timeline). Counter increments guarded by `<=` conditions would keep the sums
// in bounds but could leave `paymentStatus` stale when two refunds land at
// once. So the plan is made against the order at version v, and the order is
// written (once per transaction) with `version = v`, in the SAME transaction
// as the refund, its pointer, the restock and the idempotency record.
//
// Race, 10 admins refunding the last unit of a line at once:
//   all read v3 (refundedQuantity 0 of 1) and plan a refund of 1 unit;
//   one transaction commits v4; nine fail `version = 3` and nothing of theirs
//   is written; they re-read v4, re-plan, and get 422 quantity_exceeds_refundable
//   (or 409 after repeated lost races). Σ refunded can never pass what was
//   bought or paid, because every committed plan was checked against the exact
//   state it replaced.
import type { GuardedItem } from '#shared/adapters/dynamo';
import { transact } from '#shared/adapters/dynamo';
import { type IdempotencyKey, idempotencyRecord } from '#shared/adapters/idempotency';
import { newId, newSecretCode } from '#shared/adapters/ids';
import { checkIfMatch, getOrderOrThrow, orderPut } from '#shared/adapters/orders-repo';
import { refundInserts, shippingRefunded } from '#shared/adapters/refunds-repo';
import { getSettings } from '#shared/adapters/settings-repo';
import { returnStock, unitsBySku } from '#shared/adapters/stock-repo';
import { type Order, transitionOrder } from '#shared/domain/order';
import type { OrderStatus } from '#shared/domain/order-status';
import type { Refund } from '#shared/domain/refund';
import { applyRefund, planRefund, type RefundRequest } from '#shared/domain/refund-plan';
import { ConcurrentChangeError, retryOnChange } from './retry-on-change.ts';

/** What a caller asks for: the domain's request, for one order, restock and the shipping deduction defaulting to the settings. */
export type RefundInput = Omit<RefundRequest, 'restock'> & {
  readonly orderId: string;
  /** Default: the setting `refunds.restock`. */
  readonly restock?: boolean | undefined;
};

/** Also move the order's fulfillment status in the same single order write (cancellations). */
export interface OrderChange {
  readonly to: OrderStatus;
  readonly note?: string | undefined;
}

export interface RefundContext {
  readonly actor: string;
  readonly now: string;
  /** Records the route's answer (the refund) under the key, in the same transaction. */
  readonly idempotency?: IdempotencyKey | undefined;
  /**
   * Extra items written in the SAME transaction (the return or cancellation
   * item). A function receives the refund and order being written, for items
   * that carry the refund's id or amount. Never the order itself, and never a
   * stock item of a refunded SKU when restocking (one item, one operation).
   */
  readonly alongside?: readonly GuardedItem[] | ((refund: Refund, order: Order) => readonly GuardedItem[]) | undefined;
  readonly orderChange?: OrderChange | undefined;
  /** The order version an `If-Match` demands: a 412, never a re-plan, once the order moved past it. */
  readonly expectedVersion?: number | undefined;
  /** The order as the caller just read it (strongly consistent): the first attempt plans on it; a retry re-reads. */
  readonly order?: Order | undefined;
}

interface Prepared {
  readonly before: Order;
  readonly refund: Refund;
  readonly order: Order;
}

const prepare = async (input: RefundInput, ctx: RefundContext, issue: boolean, known?: Order): Promise<Prepared> => {
  const before = known ?? (await getOrderOrThrow(input.orderId, true));
  checkIfMatch(before, ctx.expectedVersion);
  // The status change is checked first: an order another writer already
  // cancelled is a 409 (illegal transition), not a refund rule's 422.
  const moved = ctx.orderChange
    ? transitionOrder(before, { to: ctx.orderChange.to, at: ctx.now, by: ctx.actor, note: ctx.orderChange.note })
    : { ...before, version: before.version + 1, updatedAt: ctx.now };
  // Read after the order: see shippingRefunded's comment.
  const [settings, shipping] = await Promise.all([getSettings(), shippingRefunded(before.id)]);
  const refund = planRefund(
    before,
    { ...input, restock: input.restock ?? settings.refunds.restock, deductShipping: input.deductShipping ?? settings.refunds.deductShipping },
    {
      shippingRefunded: shipping,
      now: ctx.now,
      actor: ctx.actor,
      ids: { refundId: newId('rfd'), newId, voucherCode: () => (issue ? newSecretCode() : undefined) },
    },
  );
  return { before, refund, order: applyRefund(moved, refund) };
};

const restockItems = (refund: Refund): GuardedItem[] =>
  refund.restock
    ? [...unitsBySku(refund.refundLineItems.map((l) => ({ sku: l.lineItem.sku, quantity: l.quantity })))].map(([sku, units]) => returnStock(sku, units))
    : [];

/** The refund that `createRefund` would record now; writes nothing, issues no voucher. */
export const calculateRefund = async (input: RefundInput, ctx: RefundContext): Promise<Refund> => (await prepare(input, ctx, false)).refund;

/** Records a refund, the order's counters, the restock and the caller's items: one transaction. */
export const createRefund = (input: RefundInput, ctx: RefundContext): Promise<{ refund: Refund; order: Order }> => {
  let known = ctx.order;
  return retryOnChange(async () => {
    const { before, refund, order } = await prepare(input, ctx, true, known);
    known = undefined;
    const alongside = typeof ctx.alongside === 'function' ? ctx.alongside(refund, order) : (ctx.alongside ?? []);
    await transact([
      // First, so a same-key twin that committed first is reported as a replay, not as a lost race.
      ...idempotencyRecord(ctx.idempotency, refund, ctx.now),
      ...alongside,
      { ...orderPut(order, before.version), onConditionFailed: () => new ConcurrentChangeError('order') },
      ...refundInserts(refund),
      ...restockItems(refund),
    ]);
    return { refund, order };
  });
};
