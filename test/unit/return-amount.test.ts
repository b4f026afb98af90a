import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DomainError } from '#shared/domain/errors';
import { sum } from '#shared/domain/money';
import type { Order } from '#shared/domain/order';
import { planRefund } from '#shared/domain/refund-plan';
import { type AmountContext, nextUnitValues, returnRefundBreakdown, returnRefundRequest } from '#shared/domain/return-amount';
import type { ReturnItem } from '#shared/domain/return-request';
import { deliveredOrder } from '../support/returns.ts';

const item = (lineItemId: string, quantity: number, goodQuantity: number | null): ReturnItem => ({
  lineItemId,
  sku: 'S',
  title: 'T',
  quantity,
  unitPrice: 0,
  reasonId: 'rsn_retdamaged',
  reasonText: null,
  condition: null,
  goodQuantity,
  status: 'new',
});

/** A line of 3 units worth 1000 in all (999 + 1 tax): units 334, 333, 333. */
const thirds = (): Order =>
  deliveredOrder(
    {},
    { lineItems: [{ sku: 'THIRDS', title: 'Thirds', quantity: 3, unitPrice: 400, discount: 201, tax: 1 }], shipping: { method: 's', amount: 500, tax: 50 } },
  );

const ctx = (order: Order, patch: Partial<AmountContext> = {}): AmountContext => ({
  order,
  deductShipping: false,
  shippingRefunded: { amount: 0, tax: 0, deducted: 0 },
  ...patch,
});
const none = { restockFee: 0, refundedShipping: 0 };

const ruleOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as DomainError).details.rule as string;
  }
};

describe('return refund amount', () => {
  it('values good units at their paid price, split by largest remainder (334, 333, 333)', () => {
    const order = thirds();
    const all = returnRefundBreakdown([item('li_mug', 3, 3)], none, ctx(order));
    expect(all.items[0]?.unitValues).toEqual([334, 333, 333]);
    expect(all).toMatchObject({ itemsTotal: 1000, refundAmount: 1000, refundable: 1550 });
    // Partial refunds take units from the end, so one by one they are 333, 333, 334 and still add up to 1000.
    const line = order.lineItems[0]!;
    const oneByOne = [0, 1, 2].map((refunded) => nextUnitValues({ ...line, refundedQuantity: refunded }, 1));
    expect(oneByOne).toEqual([[333], [333], [334]]);
    expect(sum(oneByOne.flat())).toBe(1000);
  });

  it('takes the discount off and the tax in (the fixture mug: 3 × 1000 − 300 + 300)', () => {
    const breakdown = returnRefundBreakdown([item('li_mug', 2, 2), item('li_tee', 1, 0)], none, ctx(deliveredOrder()));
    expect(breakdown.items).toEqual([
      { lineItemId: 'li_mug', goodQuantity: 2, unitValues: [1000, 1000], amount: 2000 },
      { lineItemId: 'li_tee', goodQuantity: 0, unitValues: [], amount: 0 },
    ]);
    expect(breakdown.refundAmount).toBe(2000);
  });

  it('adds refunded shipping as entered (API.md: no share of the shipping tax), and subtracts the restocking fee', () => {
    const breakdown = returnRefundBreakdown([item('li_mug', 3, 3)], { restockFee: 100, refundedShipping: 200 }, ctx(thirds()));
    expect(breakdown).toMatchObject({ itemsTotal: 1000, refundedShipping: 200, restockFee: 100, refundAmount: 1100 });
  });

  it('deducts the shipping amount when the shop says so, never going below zero', () => {
    const deducted = returnRefundBreakdown([item('li_mug', 3, 3)], none, ctx(thirds(), { deductShipping: true }));
    expect(deducted).toMatchObject({ shippingDeduction: 500, refundAmount: 500 });
    // 333 − 300 restocking fee leaves 33: that is all this refund can keep back; the 467 left waits for the next one.
    const one = returnRefundBreakdown([item('li_mug', 3, 1)], { restockFee: 300, refundedShipping: 0 }, ctx(thirds(), { deductShipping: true }));
    expect(one).toMatchObject({ shippingDeduction: 33, refundAmount: 0 });
    const next = ctx(thirds(), { deductShipping: true, shippingRefunded: { amount: 0, tax: 0, deducted: 33 } });
    expect(returnRefundBreakdown([item('li_mug', 3, 2)], none, next)).toMatchObject({ shippingDeduction: 467, refundAmount: 666 - 467 });
    // Nothing with goods, nothing kept back.
    expect(returnRefundBreakdown([item('li_mug', 3, 0)], none, ctx(thirds(), { deductShipping: true })).shippingDeduction).toBe(0);
  });

  it('keeps the shipping back once per order, not once per return (4 × 10.00 + 7.00 shipping, one unit at a time)', () => {
    const base = deliveredOrder({}, { lineItems: [{ sku: 'FOUR', title: 'Four', quantity: 4, unitPrice: 1000 }], shipping: { method: 's', amount: 700 } });
    let order = base;
    let deducted = 0;
    const amounts: number[] = [];
    for (let n = 0; n < 4; n++) {
      const breakdown = returnRefundBreakdown(
        [item(order.lineItems[0]!.id, 1, 1)],
        none,
        ctx(order, { deductShipping: true, shippingRefunded: { amount: 0, tax: 0, deducted } }),
      );
      amounts.push(breakdown.refundAmount);
      deducted += breakdown.shippingDeduction;
      const line = order.lineItems[0]!;
      order = {
        ...order,
        lineItems: [{ ...line, refundedQuantity: line.refundedQuantity + 1 }],
        totals: { ...order.totals, refunded: order.totals.refunded + breakdown.refundAmount },
      };
    }
    expect(amounts).toEqual([300, 1000, 1000, 1000]);
    expect(sum(amounts)).toBe(4000 - 700);
  });

  it('never refunds more than is still refundable on the order', () => {
    const order = { ...thirds(), totals: { ...thirds().totals, refunded: 1200 } };
    expect(returnRefundBreakdown([item('li_mug', 3, 3)], none, ctx(order))).toMatchObject({ refundable: 350, refundAmount: 350 });
    const unpaid = { ...thirds(), paymentStatus: 'unpaid' as const };
    expect(returnRefundBreakdown([item('li_mug', 3, 3)], none, ctx(unpaid)).refundAmount).toBe(0);
  });

  it('bounds the restocking fee by the good items and the shipping by what is left of it', () => {
    expect(ruleOf(() => returnRefundBreakdown([item('li_mug', 3, 1)], { restockFee: 334, refundedShipping: 0 }, ctx(thirds())))).toBe(
      'restock_fee_exceeds_value',
    );
    expect(ruleOf(() => returnRefundBreakdown([item('li_mug', 3, 1)], { restockFee: 333, refundedShipping: 0 }, ctx(thirds())))).toBeUndefined();
    expect(ruleOf(() => returnRefundBreakdown([item('li_mug', 3, 1)], { restockFee: 0, refundedShipping: 501 }, ctx(thirds())))).toBe(
      'refunded_shipping_exceeds_shipping',
    );
    const half = ctx(thirds(), { shippingRefunded: { amount: 300, tax: 30, deducted: 0 } });
    expect(ruleOf(() => returnRefundBreakdown([item('li_mug', 3, 1)], { restockFee: 0, refundedShipping: 201 }, half))).toBe(
      'refunded_shipping_exceeds_shipping',
    );
    expect(returnRefundBreakdown([item('li_mug', 3, 1)], { restockFee: 0, refundedShipping: 200 }, half).refundAmount).toBe(333 + 200);
  });

  it('maps onto a refund whose total is exactly the announced amount', () => {
    const order = thirds();
    const breakdown = returnRefundBreakdown([item('li_mug', 3, 2)], { restockFee: 50, refundedShipping: 100 }, ctx(order));
    const request = returnRefundRequest({ id: 'ret_1', items: [], refundMethod: 'voucher' }, breakdown, true);
    expect(request).toMatchObject({
      refundLineItems: [{ lineItemId: 'li_mug', quantity: 2 }],
      shipping: { amount: 100 },
      shippingWithoutTax: true,
      restockFee: 50,
      gateway: 'voucher',
      source: { type: 'return', id: 'ret_1' },
      restock: true,
    });
    const ids = { refundId: 'rfd_1', newId: (p: string) => `${p}_1`, voucherCode: () => 'CODE' };
    const refund = planRefund(order, request, { shippingRefunded: { amount: 0, tax: 0, deducted: 0 }, ids, now: 'now', actor: 'admin:a' });
    expect([refund.total, refund.shipping]).toEqual([breakdown.refundAmount, { amount: 100, tax: 0 }]);
  });

  it('always agrees with the refund planner, whatever was refunded before (property)', () => {
    const arbitraryLine = fc.record({
      quantity: fc.integer({ min: 1, max: 7 }),
      unitPrice: fc.integer({ min: 1, max: 5000 }),
      discountPct: fc.integer({ min: 0, max: 100 }),
      tax: fc.integer({ min: 0, max: 999 }),
    });
    fc.assert(
      fc.property(
        fc.array(arbitraryLine, { minLength: 1, maxLength: 3 }),
        fc.record({ amount: fc.integer({ min: 0, max: 900 }), tax: fc.integer({ min: 0, max: 99 }) }),
        fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
        fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
        fc.nat(),
        fc.nat(),
        fc.boolean(),
        fc.nat(),
        fc.nat(),
        (lines, shipping, refundedSeeds, goodSeeds, feeSeed, shipSeed, deductShipping, goodwill, deductedSeed) => {
          const base = deliveredOrder(
            {},
            {
              lineItems: lines.map((l, i) => ({
                sku: `S${i}`,
                title: 'x',
                quantity: l.quantity,
                unitPrice: l.unitPrice,
                discount: Math.floor((l.quantity * l.unitPrice * l.discountPct) / 100),
                tax: l.tax,
              })),
              shipping: { method: 's', amount: shipping.amount, tax: shipping.amount === 0 ? 0 : shipping.tax },
            },
          );
          // Earlier refunds: some units of each line, plus goodwill that eats into what is refundable.
          const lineItems = base.lineItems.map((l, i) => ({ ...l, refundedQuantity: (refundedSeeds[i] ?? 0) % (l.quantity + 1) }));
          const order: Order = { ...base, lineItems, totals: { ...base.totals, refunded: Math.min(goodwill % 3000, base.totals.total) } };
          const items = lineItems
            .filter((l) => l.quantity > l.refundedQuantity)
            .map((l, i) => {
              const left = l.quantity - l.refundedQuantity;
              return item(l.id, left, (goodSeeds[i] ?? 0) % (left + 1));
            });
          // Shipping kept back by earlier refunds: none, some or all of it.
          const before = { amount: 0, tax: 0, deducted: deductedSeed % (order.shipping.amount + 1) };
          const probe = returnRefundBreakdown(items, none, ctx(order, { deductShipping, shippingRefunded: before }));
          const fees = { restockFee: feeSeed % (probe.itemsTotal + 1), refundedShipping: shipSeed % (order.shipping.amount + 1) };
          const breakdown = returnRefundBreakdown(items, fees, ctx(order, { deductShipping, shippingRefunded: before }));
          expect(before.deducted + breakdown.shippingDeduction).toBeLessThanOrEqual(order.shipping.amount);
          expect(breakdown.refundAmount).toBeGreaterThanOrEqual(0);
          expect(breakdown.refundAmount).toBeLessThanOrEqual(breakdown.refundable);
          const request = returnRefundRequest({ id: 'ret_1', items, refundMethod: 'card' }, breakdown, false);
          const empty = (request.refundLineItems?.length ?? 0) === 0 && !request.shipping && request.restockFee === 0;
          if (empty) return;
          const ids = { refundId: 'rfd_1', newId: (p: string) => `${p}_1`, voucherCode: () => undefined };
          const refund = planRefund(order, request, { shippingRefunded: before, ids, now: 'now', actor: 'admin:a' });
          expect(refund.total).toBe(breakdown.refundAmount);
          const kept = refund.orderAdjustments.find((a) => a.kind === 'shipping_deduction')?.amount ?? 0;
          expect(0 - kept).toBe(breakdown.shippingDeduction);
        },
      ),
      { numRuns: 500 },
    );
  });
});
