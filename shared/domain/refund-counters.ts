// What the refund rules need to know about an order's earlier refunds, kept as
// counters on the order item: shipping handed back and kept back (for the
// shipping part and the once-per-order deduction), and units refunded through
// returns (for return eligibility). Every refund is written in the same
// transaction as the order, conditioned on the order's version, so counters
// read with the order at version v count exactly the refunds committed before
// v: they always equal what the ledger counts (`countRefunds`). Pure.
import { sum } from './money.ts';
import type { OrderAdjustment, Refund } from './refund.ts';
import type { ShippingRefunded } from './refund-plan.ts';

export interface RefundCounters {
  readonly shipping: ShippingRefunded;
  /** Per order line id: units refunded by the refunds of returns. */
  readonly returnUnits: Readonly<Record<string, number>>;
}

/** A new order's counters. */
export const NO_REFUNDS: RefundCounters = { shipping: { amount: 0, tax: 0, deducted: 0 }, returnUnits: {} };

/** The part of a refund the counters count (what a ledger Query projects). */
export type CountedRefund = Pick<Refund, 'shipping' | 'orderAdjustments' | 'source' | 'refundLineItems'>;

/** The counters once `refund` is recorded as well. */
export const countRefund = (counters: RefundCounters, refund: CountedRefund): RefundCounters => {
  const deducted = -sum(refund.orderAdjustments.filter((a: Pick<OrderAdjustment, 'kind'>) => a.kind === 'shipping_deduction').map((a) => a.amount));
  const returnUnits = { ...counters.returnUnits };
  if (refund.source.type === 'return') {
    for (const line of refund.refundLineItems) returnUnits[line.lineItemId] = (returnUnits[line.lineItemId] ?? 0) + line.quantity;
  }
  return {
    shipping: {
      amount: counters.shipping.amount + refund.shipping.amount,
      tax: counters.shipping.tax + refund.shipping.tax,
      deducted: counters.shipping.deducted + deducted,
    },
    returnUnits,
  };
};

/** The counters of a whole ledger: what an order's stored counters always equal. */
export const countRefunds = (refunds: readonly CountedRefund[]): RefundCounters => refunds.reduce(countRefund, NO_REFUNDS);

/** Units refunded through returns, per line, as return eligibility takes them. */
export const returnUnitsOf = (counters: RefundCounters): Map<string, number> => new Map(Object.entries(counters.returnUnits));
