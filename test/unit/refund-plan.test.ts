// Refund planning: worked examples for every rule (refund-plan-properties.test.ts:
// properties over random orders and random sequences of partial refunds).
import { describe, expect, it } from 'vitest';
import { BusinessRuleError, ValidationError } from '#shared/domain/errors';
import { lineTotal, type Order } from '#shared/domain/order';
import { applyRefund, planRefund, refundableRemaining } from '#shared/domain/refund-plan';
import { ctx, make, manual, NOW, req } from '../support/refund-plan.ts';

const ruleOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    if (error instanceof BusinessRuleError) return error.details.rule;
    throw error;
  }
  return undefined;
};

describe('refund planning: examples', () => {
  // orderBody: mug 3 × 1000 − 300 + 300 tax = 3000; tee 2500; shipping 500 + 50 tax; total 6050.
  it('refunds units at their paid value, tax split out', () => {
    const order = make();
    const refund = planRefund(order, req({ refundLineItems: [{ lineItemId: 'li_1', quantity: 1 }] }), ctx());
    expect(refund.refundLineItems).toEqual([expect.objectContaining({ lineItemId: 'li_1', quantity: 1, subtotal: 900, tax: 100 })]);
    expect(refund.refundLineItems[0]!.lineItem).toEqual(order.lineItems[0]);
    expect(refund.total).toBe(1000);
    expect(refund.transactions).toEqual([
      {
        id: expect.any(String),
        kind: 'refund',
        amount: 1000,
        currency: 'USD',
        gateway: 'card',
        status: 'pending',
        message: null,
        errorCode: null,
        createdAt: NOW,
      },
    ]);
    expect(refund).toMatchObject({ orderId: 'ord_1', userId: 'admin:a', note: null, restock: false, source: manual, currency: 'USD', version: 1 });
  });

  it('takes already refunded units from the end so a line adds up exactly', () => {
    let order = make({ lineItems: [{ sku: 'A', title: 'A', quantity: 3, unitPrice: 333, tax: 1 }] });
    // per-unit values [334, 333, 333], per-unit tax [1, 0, 0]
    const first = planRefund(order, req({ refundLineItems: [{ lineItemId: 'li_1', quantity: 1 }] }), ctx());
    expect(first.refundLineItems[0]).toMatchObject({ subtotal: 333, tax: 0 });
    order = applyRefund(order, first);
    const rest = planRefund(order, req({ refundLineItems: [{ lineItemId: 'li_1', quantity: 2 }] }), ctx());
    expect(rest.refundLineItems[0]).toMatchObject({ subtotal: 666, tax: 1 });
    expect(first.total + rest.total).toBe(lineTotal(order.lineItems[0]!));
  });

  it('refunds shipping up to what is left, its tax by share and the remainder last', () => {
    const order = make();
    const part = planRefund(order, req({ shipping: { amount: 200 } }), ctx());
    expect(part.shipping).toEqual({ amount: 200, tax: 20 });
    expect(part.total).toBe(220);
    const rest = planRefund(order, req({ shipping: { amount: 300 } }), ctx({ amount: 200, tax: 20, deducted: 0 }));
    expect(rest.shipping).toEqual({ amount: 300, tax: 30 });
    expect(ruleOf(() => planRefund(order, req({ shipping: { amount: 301 } }), ctx({ amount: 200, tax: 20, deducted: 0 })))).toBe('over_refund');
    // A zero shipping request adds nothing.
    expect(planRefund(order, req({ shipping: { amount: 0 }, amount: 1 }), ctx()).shipping).toEqual({ amount: 0, tax: 0 });
  });

  it('never gives more shipping tax than is left, even after odd splits', () => {
    const order = make({ shipping: { method: 's', amount: 3, tax: 2 } });
    const one = planRefund(order, req({ shipping: { amount: 1 } }), ctx());
    expect(one.shipping).toEqual({ amount: 1, tax: 0 });
    const two = planRefund(order, req({ shipping: { amount: 1 } }), ctx({ amount: 1, tax: 2, deducted: 0 }));
    expect(two.shipping).toEqual({ amount: 1, tax: 0 });
  });

  it('adds goodwill as a refund_discrepancy and subtracts a restock fee, never below zero', () => {
    const order = make();
    const goodwill = planRefund(order, req({ amount: 250, note: 'sorry' }), ctx());
    expect(goodwill.orderAdjustments).toEqual([{ id: expect.any(String), kind: 'refund_discrepancy', amount: 250, tax: 0, reason: 'goodwill' }]);
    expect(goodwill).toMatchObject({ total: 250, note: 'sorry', refundLineItems: [] });
    const fee = planRefund(order, req({ refundLineItems: [{ lineItemId: 'li_2', quantity: 1 }], restockFee: 300 }), ctx());
    expect(fee.orderAdjustments).toEqual([expect.objectContaining({ kind: 'restock_fee', amount: -300 })]);
    expect(fee.total).toBe(2200);
    const clamped = planRefund(order, req({ refundLineItems: [{ lineItemId: 'li_2', quantity: 1 }], restockFee: 9999 }), ctx());
    expect(clamped.orderAdjustments[0]!.amount).toBe(-2500);
    expect(clamped.total).toBe(0);
    expect(clamped.transactions).toEqual([]);
  });

  it('refuses what is over, unknown, duplicated or empty', () => {
    const order = make();
    expect(ruleOf(() => planRefund(order, req({ refundLineItems: [{ lineItemId: 'li_1', quantity: 4 }] }), ctx()))).toBe('quantity_exceeds_refundable');
    expect(ruleOf(() => planRefund(order, req({ refundLineItems: [{ lineItemId: 'li_9', quantity: 1 }] }), ctx()))).toBe('unknown_line_item');
    expect(() =>
      planRefund(
        order,
        req({
          refundLineItems: [
            { lineItemId: 'li_1', quantity: 1 },
            { lineItemId: 'li_1', quantity: 1 },
          ],
        }),
        ctx(),
      ),
    ).toThrow(ValidationError);
    expect(ruleOf(() => planRefund(order, req(), ctx()))).toBe('empty_refund');
    expect(ruleOf(() => planRefund(order, req({ amount: 6051 }), ctx()))).toBe('over_refund');
    expect(ruleOf(() => planRefund(order, req({ amount: 6050 }), ctx()))).toBeUndefined();
    const partly = applyRefund(order, planRefund(order, req({ amount: 6000 }), ctx()));
    expect(refundableRemaining(partly)).toBe(50);
    expect(ruleOf(() => planRefund(partly, req({ refundLineItems: [{ lineItemId: 'li_1', quantity: 1 }] }), ctx()))).toBe('over_refund');
    // Nothing was paid on an unpaid order, so no money can go back.
    expect(ruleOf(() => planRefund(make({ paymentMethod: 'cod', paymentStatus: 'unpaid' }), req({ amount: 1 }), ctx()))).toBe('over_refund');
  });

  it('defaults the gateway from the payment method and refuses a card for a non-card order', () => {
    const gatewayOf = (paymentMethod: Order['paymentMethod']) => planRefund(make({ paymentMethod }), req({ amount: 10 }), ctx()).transactions[0]!;
    expect(gatewayOf('card')).toMatchObject({ gateway: 'card', status: 'pending' });
    expect(gatewayOf('bank_transfer')).toMatchObject({ gateway: 'bank_transfer', status: 'pending' });
    expect(gatewayOf('cod')).toMatchObject({ gateway: 'cash', status: 'pending' });
    expect(gatewayOf('voucher')).toMatchObject({ gateway: 'voucher', status: 'success', voucherCode: 'VOUCHERCODE' });
    expect(planRefund(make(), req({ amount: 10, gateway: 'bank_transfer' }), ctx()).transactions[0]!.gateway).toBe('bank_transfer');
    expect(ruleOf(() => planRefund(make({ paymentMethod: 'bank_transfer' }), req({ amount: 10, gateway: 'card' }), ctx()))).toBe('gateway_unavailable');
    // Calculating issues no voucher.
    const calculated = planRefund(make({ paymentMethod: 'voucher' }), req({ amount: 10 }), ctx(undefined, null)).transactions[0]!;
    expect(calculated.status).toBe('success');
    expect(calculated).not.toHaveProperty('voucherCode');
  });

  it('refunds everything left, capped at what is still refundable', () => {
    const order = make();
    const all = planRefund(order, req({ everything: true, amount: 99, refundLineItems: [{ lineItemId: 'li_1', quantity: 1 }] }), ctx());
    expect(all.refundLineItems.map((l) => [l.lineItemId, l.quantity])).toEqual([
      ['li_1', 3],
      ['li_2', 1],
    ]);
    expect(all.shipping).toEqual({ amount: 500, tax: 50 });
    expect(all.orderAdjustments).toEqual([]);
    expect(all.total).toBe(6050);
    // After a goodwill refund of 1000, everything left is 5050: a negative discrepancy absorbs the difference.
    const after = applyRefund(order, planRefund(order, req({ amount: 1000 }), ctx()));
    const capped = planRefund(after, req({ everything: true }), ctx());
    expect(capped.orderAdjustments).toEqual([expect.objectContaining({ kind: 'refund_discrepancy', amount: -1000 })]);
    expect(capped.total).toBe(5050);
    // With nothing left at all, there is nothing to refund.
    const done = applyRefund(order, all);
    expect(ruleOf(() => planRefund(done, req({ everything: true }), ctx({ amount: 500, tax: 50, deducted: 0 })))).toBe('empty_refund');
  });

  it('keeps the order counters and payment status in step', () => {
    const order = make();
    const one = planRefund(order, req({ refundLineItems: [{ lineItemId: 'li_1', quantity: 2 }] }), ctx());
    const partly = applyRefund(order, one);
    expect(partly.lineItems.map((l) => l.refundedQuantity)).toEqual([2, 0]);
    expect(partly.totals.refunded).toBe(2000);
    expect(partly.paymentStatus).toBe('partially_refunded');
    expect(partly.version).toBe(order.version);
    const full = applyRefund(partly, planRefund(partly, req({ everything: true }), ctx()));
    expect(full.paymentStatus).toBe('refunded');
  });
});
