// The refund writer as a pure planner: what one refund writes (refund, order,
// counters, restock) from the order and counters as read, and the counters
// that a sequence of planned refunds leaves against a recount of its ledger.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BusinessRuleError, ConflictError } from '#shared/domain/errors';
import { buildOrder, type Order } from '#shared/domain/order';
import type { Refund } from '#shared/domain/refund';
import { countRefund, countRefunds, NO_REFUNDS, type RefundCounters, returnUnitsOf } from '#shared/domain/refund-counters';
import { type OrderState, planRefundWrite, type RefundWriteContext } from '#shared/domain/refund-write';
import { orderBody } from '../support/orders.ts';
import { settingsWith } from '../support/returns.ts';

const NOW = '2026-11-21T10:00:00.000Z';
let seq = 0;
const ctx = (patch: Partial<RefundWriteContext> = {}, refunds: { restock?: boolean; deductShipping?: boolean } = {}): RefundWriteContext => ({
  settings: settingsWith({ refunds }),
  now: NOW,
  actor: 'admin:a',
  ids: { refundId: `rfd_${++seq}`, newId: (p) => `${p}_${++seq}`, voucherCode: () => 'VOUCHER' },
  ...patch,
});
// orderBody: mug 3 × 1000 − 300 + 300 tax = 3000 (MUG-1); tee 2500; shipping 500 + 50 tax; total 6050.
const order = (): Order => buildOrder(orderBody(), { id: 'ord_1', number: 'N1', lineIds: ['li_1', 'li_2'], now: NOW, by: 'storefront:s' });
const fresh = (): OrderState => ({ order: order(), counters: NO_REFUNDS });
const manual = { type: 'manual', id: null } as const;

describe('planRefundWrite', () => {
  it('returns the refund, the order one version on with its counters, and the restock, against the version read', () => {
    const write = planRefundWrite(
      fresh(),
      { refundLineItems: [{ lineItemId: 'li_1', quantity: 2 }], shipping: { amount: 200 }, source: manual },
      ctx({}, { restock: true }),
    );
    expect(write.previousVersion).toBe(1);
    expect(write.order.version).toBe(2);
    expect(write.order.lineItems[0]!.refundedQuantity).toBe(2);
    expect(write.order.totals.refunded).toBe(write.refund.total);
    expect(write.counters).toEqual(countRefund(NO_REFUNDS, write.refund));
    expect(write.counters.shipping).toMatchObject({ amount: 200, tax: 20 });
    expect(write.restock).toEqual([{ sku: write.order.lineItems[0]!.sku, quantity: 2 }]);
  });

  it('takes restock and the shipping deduction from the settings unless asked', () => {
    const ask = { refundLineItems: [{ lineItemId: 'li_1', quantity: 1 }], source: manual };
    expect(planRefundWrite(fresh(), ask, ctx({}, { restock: false })).restock).toEqual([]);
    expect(planRefundWrite(fresh(), { ...ask, restock: true }, ctx({}, { restock: false })).restock).toHaveLength(1);
    const deducted = planRefundWrite(fresh(), ask, ctx({}, { deductShipping: true }));
    expect(deducted.counters.shipping.deducted).toBe(500);
    // Counters that say the deduction was taken: it is not taken again.
    const again = planRefundWrite({ order: deducted.order, counters: deducted.counters }, ask, ctx({}, { deductShipping: true }));
    expect(again.refund.orderAdjustments).toEqual([]);
  });

  it('plans on the counters it is given: shipping already refunded cannot go back twice', () => {
    const counters: RefundCounters = { shipping: { amount: 500, tax: 50, deducted: 0 }, returnUnits: {} };
    const rule = (() => {
      try {
        planRefundWrite({ order: order(), counters }, { shipping: { amount: 1 }, source: manual }, ctx());
      } catch (error) {
        return error instanceof BusinessRuleError ? error.details.rule : undefined;
      }
    })();
    expect(rule).toBe('over_refund');
  });

  it('moves the order in the same write when asked, and refuses an illegal move first', () => {
    const write = planRefundWrite(
      fresh(),
      { everything: true, restock: true, source: { type: 'cancellation', id: 'can_1' } },
      ctx({ orderChange: { to: 'cancelled' } }),
    );
    expect(write.order.status).toBe('cancelled');
    expect(write.order.paymentStatus).toBe('refunded');
    expect(write.order.version).toBe(2);
    const cancelled: OrderState = { order: write.order, counters: write.counters };
    expect(() => planRefundWrite(cancelled, { everything: true, restock: true, source: manual }, ctx({ orderChange: { to: 'cancelled' } }))).toThrow(
      ConflictError,
    );
  });
});

describe('refund counters', () => {
  it('count units refunded through returns per line, and nothing else as returned', () => {
    const ret = planRefundWrite(fresh(), { refundLineItems: [{ lineItemId: 'li_2', quantity: 1 }], source: { type: 'return', id: 'ret_1' } }, ctx());
    const man = planRefundWrite(
      { order: ret.order, counters: ret.counters },
      { refundLineItems: [{ lineItemId: 'li_1', quantity: 1 }], source: manual },
      ctx(),
    );
    expect(returnUnitsOf(man.counters)).toEqual(new Map([['li_2', 1]]));
  });

  it('kept with every write equal a recount of the ledger, whatever sequence of refunds (property)', () => {
    const step = fc.record({
      line: fc.constantFrom('li_1', 'li_2'),
      quantity: fc.integer({ min: 1, max: 2 }),
      shipping: fc.integer({ min: 0, max: 300 }),
      fromReturn: fc.boolean(),
      deduct: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 8 }), (steps) => {
        let state = fresh();
        const ledger: Refund[] = [];
        for (const s of steps) {
          try {
            const write = planRefundWrite(
              state,
              {
                refundLineItems: [{ lineItemId: s.line, quantity: s.quantity }],
                shipping: { amount: s.shipping },
                source: s.fromReturn ? { type: 'return', id: 'ret_x' } : manual,
                capped: true,
              },
              ctx({}, { deductShipping: s.deduct }),
            );
            ledger.push(write.refund);
            state = { order: write.order, counters: write.counters };
          } catch (error) {
            if (!(error instanceof BusinessRuleError)) throw error;
          }
        }
        expect(state.counters).toEqual(countRefunds(ledger));
        expect(state.counters.shipping.amount).toBeLessThanOrEqual(500);
        expect(state.counters.shipping.deducted).toBeLessThanOrEqual(500);
      }),
    );
  });
});
