// Refund planning: properties over random orders and random sequences of
// partial refunds (refund-plan.test.ts: worked examples for every rule).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BusinessRuleError } from '#shared/domain/errors';
import { amountPaid, buildOrder, lineTotal, type Order } from '#shared/domain/order';
import type { Refund } from '#shared/domain/refund';
import { applyRefund, planRefund, refundableRemaining, unitsValue } from '#shared/domain/refund-plan';
import { orderBody } from '../support/orders.ts';
import { ctx, NOW, req } from '../support/refund-plan.ts';

const lineArb = fc
  .record({
    quantity: fc.integer({ min: 1, max: 12 }),
    unitPrice: fc.integer({ min: 0, max: 200_000 }),
    tax: fc.integer({ min: 0, max: 90_000 }),
    d: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ quantity, unitPrice, tax, d }) => ({ sku: 'S', title: 'T', quantity, unitPrice, tax, discount: Math.floor(quantity * unitPrice * d) }));

const orderArb = fc
  .record({
    currency: fc.constantFrom('USD', 'JPY', 'KWD', 'EUR'),
    lines: fc.array(lineArb, { minLength: 1, maxLength: 5 }),
    shipping: fc.record({ method: fc.constant('s'), amount: fc.integer({ min: 0, max: 9_999 }), tax: fc.integer({ min: 0, max: 2_000 }) }),
    paymentMethod: fc.constantFrom('card', 'cod', 'bank_transfer', 'voucher') as fc.Arbitrary<Order['paymentMethod']>,
  })
  .map(({ currency, lines, shipping, paymentMethod }) =>
    buildOrder(orderBody({ currency, lineItems: lines.map((l, i) => ({ ...l, sku: `S${i}` })), shipping, paymentMethod, paymentStatus: 'paid' }), {
      id: 'ord_p',
      number: 'P',
      lineIds: lines.map((_, i) => `li_${i}`),
      now: NOW,
      by: 's',
    }),
  );

const stepArb = fc.record({
  lines: fc.array(fc.record({ index: fc.nat(), quantity: fc.integer({ min: 1, max: 6 }) }), { maxLength: 3 }),
  shipping: fc.option(fc.integer({ min: 0, max: 6_000 }), { nil: undefined }),
  amount: fc.option(fc.integer({ min: 0, max: 50_000 }), { nil: undefined }),
  restockFee: fc.option(fc.integer({ min: 0, max: 5_000 }), { nil: undefined }),
  everything: fc.integer({ min: 0, max: 6 }).map((n) => n === 0),
  capped: fc.boolean(),
});

describe('refund planning: properties', () => {
  it('never refunds more than bought or paid, and units add up to their line exactly', () => {
    fc.assert(
      fc.property(orderArb, fc.array(stepArb, { minLength: 1, maxLength: 14 }), fc.boolean(), (start, steps, deductShipping) => {
        let order = start;
        const recorded: Refund[] = [];
        const shipping = { amount: 0, tax: 0, deducted: 0 };
        for (const step of steps) {
          const ids = new Set<string>();
          const refundLineItems = step.lines
            .map((l) => ({ lineItemId: order.lineItems[l.index % order.lineItems.length]!.id, quantity: l.quantity }))
            .filter((l) => !ids.has(l.lineItemId) && ids.add(l.lineItemId));
          let refund: Refund;
          try {
            refund = planRefund(
              order,
              req({
                refundLineItems,
                shipping: step.shipping === undefined ? undefined : { amount: step.shipping },
                amount: step.amount,
                restockFee: step.restockFee,
                everything: step.everything,
                capped: step.capped,
                deductShipping,
              }),
              ctx({ ...shipping }),
            );
          } catch (error) {
            // Refusals are business rules, never anything else, and refuse only what is really over.
            expect(error).toBeInstanceOf(BusinessRuleError);
            const { rule, total, refundable } = (error as BusinessRuleError).details as { rule: string; total?: number; refundable: number };
            const left = (id: string) => order.lineItems.find((l) => l.id === id)!;
            if (rule === 'quantity_exceeds_refundable') {
              expect(refundLineItems.some((l) => l.quantity > left(l.lineItemId).quantity - left(l.lineItemId).refundedQuantity)).toBe(true);
            } else if (rule === 'over_refund' && total === undefined) {
              expect(step.shipping).toBeGreaterThan(order.shipping.amount - shipping.amount);
            } else if (rule === 'over_refund') {
              expect(total).toBeGreaterThan(refundable);
              expect(refundable).toBe(refundableRemaining(order));
            } else {
              expect(rule).toBe('empty_refund');
            }
            continue;
          }
          expect(Number.isInteger(refund.total)).toBe(true);
          // The total is exactly its parts, and never negative.
          const parts = refund.refundLineItems.reduce((s, l) => s + l.subtotal + l.tax, 0) + refund.shipping.amount + refund.shipping.tax;
          expect(refund.total).toBe(parts + refund.orderAdjustments.reduce((s, a) => s + a.amount + a.tax, 0));
          expect(refund.total).toBeGreaterThanOrEqual(0);
          for (const l of refund.refundLineItems) expect(l.subtotal >= 0 && l.tax >= 0).toBe(true);
          expect(refund.transactions.reduce((s, t) => s + t.amount, 0)).toBe(refund.total);
          order = applyRefund(order, refund);
          recorded.push(refund);
          shipping.amount += refund.shipping.amount;
          shipping.tax += refund.shipping.tax;
          const kept = 0 - refund.orderAdjustments.filter((a) => a.kind === 'shipping_deduction').reduce((s, a) => s + a.amount, 0);
          // Shipping is kept back only by a refund with goods, and never more than the order's shipping amount in all.
          if (kept > 0) expect(refund.refundLineItems.length).toBeGreaterThan(0);
          if (!deductShipping) expect(kept).toBe(0);
          shipping.deducted += kept;
          expect(shipping.deducted).toBeLessThanOrEqual(order.shipping.amount);
          // Invariants after every step.
          expect(order.totals.refunded).toBeGreaterThanOrEqual(0);
          expect(order.totals.refunded).toBeLessThanOrEqual(amountPaid(order));
          expect(order.totals.refunded).toBe(recorded.reduce((s, r) => s + r.total, 0));
          expect(shipping.amount).toBeLessThanOrEqual(order.shipping.amount);
          expect(shipping.tax).toBeLessThanOrEqual(order.shipping.tax);
          for (const line of order.lineItems) {
            expect(line.refundedQuantity).toBeLessThanOrEqual(line.quantity);
            const value = recorded.flatMap((r) => r.refundLineItems.filter((l) => l.lineItemId === line.id)).reduce((s, l) => s + l.subtotal + l.tax, 0);
            const tax = recorded.flatMap((r) => r.refundLineItems.filter((l) => l.lineItemId === line.id)).reduce((s, l) => s + l.tax, 0);
            expect(value).toBeLessThanOrEqual(lineTotal(line));
            expect(tax).toBeLessThanOrEqual(line.tax);
            // Every unit refunded: the pieces add up to the whole line, to the minor unit.
            if (line.refundedQuantity === line.quantity) {
              expect(value).toBe(lineTotal(line));
              expect(tax).toBe(line.tax);
            }
          }
          if (shipping.amount === order.shipping.amount && order.shipping.amount > 0) expect(shipping.tax).toBe(order.shipping.tax);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('values k more units as the matching slice of the per-unit split, whatever was refunded before', () => {
    fc.assert(
      fc.property(lineArb, fc.nat(), fc.nat(), (l, a, b) => {
        const line = { ...l, refundedQuantity: 0 };
        const r = a % (line.quantity + 1);
        const k = b % (line.quantity - r + 1);
        const before = unitsValue(line, r);
        const next = unitsValue({ ...line, refundedQuantity: r }, k);
        const after = unitsValue(line, r + k);
        expect(before.subtotal + next.subtotal).toBe(after.subtotal);
        expect(before.tax + next.tax).toBe(after.tax);
      }),
    );
  });
});
