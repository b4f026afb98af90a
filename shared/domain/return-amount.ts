// What a verified return refunds (API.md "Refund amount"): the good units at
// their paid value, plus refunded shipping, less the restocking fee (and the
// order's shipping amount, once per order, when the shop deducts it), never
// below 0 and never above what is still refundable on the order. Integer minor
// units throughout.
//
// The refund itself is planned by refund-plan.ts when the request reaches
// `refunded`; this module uses the same unit order, and `returnRefundRequest`
// maps the breakdown onto that planner's request (shipping without its tax,
// as the formula adds it), so the amount verify-package announces is the
// amount the refund records.
import { BusinessRuleError, ConflictError } from './errors.ts';
import { sum } from './money.ts';
import { type Order, unitValues } from './order.ts';
import { type RefundRequest, refundableRemaining, type ShippingRefunded, shippingDeduction } from './refund-plan.ts';
import type { RefundBreakdown, RefundMethod, ReturnRecord } from './return-request.ts';

export interface PackageFees {
  readonly restockFee: number;
  readonly refundedShipping: number;
}

export interface AmountContext {
  readonly order: Pick<Order, 'lineItems' | 'shipping' | 'paymentStatus' | 'totals'>;
  readonly deductShipping: boolean;
  /** Shipping (and its tax) already refunded on the order by earlier refunds, and shipping they kept back. */
  readonly shippingRefunded: ShippingRefunded;
}

/**
 * The paid values of the next `count` units of a line. A line's units are
 * split by largest remainder (3 units of 1000 → 334, 333, 333) and, as in the
 * refund planner, refunds take them from the end of that split: whatever the
 * sequence of partial refunds, all units together make exactly the line total.
 */
export const nextUnitValues = (line: Order['lineItems'][number], count: number): number[] => {
  const end = line.quantity - line.refundedQuantity;
  return unitValues(line).slice(Math.max(0, end - count), end);
};

const shippingNotYetRefunded = (ctx: AmountContext): number => Math.max(0, ctx.order.shipping.amount - ctx.shippingRefunded.amount);

/** The refund of a verified return, with every part of the sum. Refuses fees out of bounds. */
export const returnRefundBreakdown = (items: ReturnRecord['items'], fees: PackageFees, ctx: AmountContext): RefundBreakdown => {
  const lines = items.map((item) => {
    const line = ctx.order.lineItems.find((l) => l.id === item.lineItemId);
    const good = item.goodQuantity ?? 0;
    const values = line ? nextUnitValues(line, good) : [];
    return { lineItemId: item.lineItemId, goodQuantity: good, unitValues: values, amount: sum(values) };
  });
  const itemsTotal = sum(lines.map((l) => l.amount));
  if (fees.restockFee > itemsTotal) {
    throw new BusinessRuleError('restock_fee_exceeds_value', `The restocking fee cannot exceed the good items' value (${itemsTotal}).`, {
      errors: [{ path: 'restockFee', message: `must be at most ${itemsTotal}` }],
    });
  }
  const shippingLeft = shippingNotYetRefunded(ctx);
  if (fees.refundedShipping > shippingLeft) {
    throw new BusinessRuleError('refunded_shipping_exceeds_shipping', `Only ${shippingLeft} of shipping is left to refund.`, {
      errors: [{ path: 'refundedShipping', message: `must be at most ${shippingLeft}` }],
    });
  }
  // API.md's formula adds refundedShipping as entered: no share of the shipping tax goes with it.
  const beforeDeduction = itemsTotal + fees.refundedShipping - fees.restockFee;
  // The planner's rule exactly (a refund with goods keeps back what is left of the shipping amount).
  const withGoods = lines.some((l) => l.goodQuantity > 0);
  const deduction = ctx.deductShipping && withGoods ? shippingDeduction(ctx.order, ctx.shippingRefunded, beforeDeduction) : 0;
  const refundable = Math.max(0, refundableRemaining(ctx.order));
  const raw = beforeDeduction - deduction;
  return {
    items: lines,
    itemsTotal,
    refundedShipping: fees.refundedShipping,
    restockFee: fees.restockFee,
    shippingDeduction: deduction,
    refundable,
    refundAmount: Math.min(Math.max(0, raw), refundable),
  };
};

/**
 * The refund planner's request for a return reaching `refunded`: good units,
 * refunded shipping, the restocking fee, the shipping deduction and the cap at
 * "still refundable", each its own adjustment, planned by the same rules as
 * the breakdown so the refund's total is exactly `breakdown.refundAmount`
 * (the caller checks it: the ledger may have moved between the two).
 */
export const returnRefundRequest = (
  request: Pick<ReturnRecord, 'id' | 'items' | 'refundMethod'> & { readonly iban?: string | null },
  breakdown: RefundBreakdown,
  restock: boolean,
): RefundRequest & { gateway: RefundMethod } => {
  // An exchange's return is settled by its exchange (a replacement order, a difference), never refunded on its own.
  if (request.refundMethod === 'exchange') {
    throw new ConflictError(`Return ${request.id} is the inbound side of an exchange: its exchange settles it.`, { allowedTransitions: [] });
  }
  return {
    note: `Return ${request.id}`,
    restock,
    refundLineItems: breakdown.items.filter((l) => l.goodQuantity > 0).map((l) => ({ lineItemId: l.lineItemId, quantity: l.goodQuantity })),
    ...(breakdown.refundedShipping > 0 ? { shipping: { amount: breakdown.refundedShipping }, shippingWithoutTax: true } : {}),
    restockFee: breakdown.restockFee,
    deductShipping: breakdown.shippingDeduction > 0,
    capped: true,
    gateway: request.refundMethod,
    ...(request.iban ? { payee: { iban: request.iban } } : {}),
    source: { type: 'return', id: request.id },
  };
};
