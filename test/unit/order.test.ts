import { describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '#shared/domain/errors';
import { buildOrder, CreateOrderBody, type Order, unitValues } from '#shared/domain/order';
import { transitionOrder } from '#shared/domain/order-lifecycle';
import { ORDER_STATUSES, ORDER_TRANSITIONS } from '#shared/domain/order-status';
import { orderBody } from '../support/orders.ts';

const ids = { id: 'ord_1', number: 'N1', lineIds: ['li_1', 'li_2'], now: '2026-11-21T10:00:00.000Z', by: 'storefront:shop' };

describe('order', () => {
  it('computes totals per API.md', () => {
    const order = buildOrder(orderBody(), ids);
    // subtotal 3×1000 + 2500; discount 300; tax 300 + shipping tax 50; shipping 500
    expect(order.totals).toEqual({ subtotal: 5500, discount: 300, tax: 350, shipping: 500, total: 6050, refunded: 0 });
    expect(order.status).toBe('pending');
    expect(order.timeline).toEqual([{ status: 'pending', at: ids.now, by: ids.by, note: null }]);
    expect(order.lineItems.map((l) => l.id)).toEqual(['li_1', 'li_2']);
  });

  it('splits a line into per-unit values that add up to the line', () => {
    const [mug] = buildOrder(orderBody(), ids).lineItems;
    // 3 × 1000 − 300 + 300 = 3000 → 1000 each
    expect(unitValues(mug!)).toEqual([1000, 1000, 1000]);
    expect(unitValues({ quantity: 3, unitPrice: 333, discount: 0, tax: 1 })).toEqual([334, 333, 333]);
  });

  it('refuses floats, bad currencies and a discount above the line', () => {
    const float = CreateOrderBody.safeParse(orderBody({ lineItems: [{ sku: 'A', title: 'A', quantity: 1, unitPrice: 19.99 }] }));
    expect(float.success).toBe(false);
    expect(CreateOrderBody.safeParse(orderBody({ currency: 'ABC' })).success).toBe(false);
    expect(() => buildOrder(orderBody({ lineItems: [{ sku: 'A', title: 'A', quantity: 1, unitPrice: 100, discount: 101 }] }), ids)).toThrow(ValidationError);
  });

  it('allows exactly the transitions of the table', () => {
    const base = buildOrder(orderBody(), ids);
    for (const from of ORDER_STATUSES) {
      for (const to of ORDER_STATUSES) {
        const order: Order = { ...base, status: from };
        const legal = (ORDER_TRANSITIONS[from] as readonly string[]).includes(to);
        const attempt = () => transitionOrder(order, { to, at: ids.now, by: 'admin:a' });
        if (legal) expect(attempt().status).toBe(to);
        else expect(attempt).toThrow(ConflictError);
      }
    }
  });

  it('lists the allowed transitions on an illegal one', () => {
    const order = buildOrder(orderBody(), ids);
    try {
      transitionOrder(order, { to: 'delivered', at: ids.now, by: 'admin:a' });
      expect.unreachable();
    } catch (error) {
      expect((error as ConflictError).details.allowedTransitions).toEqual(['confirmed', 'cancelled']);
    }
  });

  it('stamps the timeline, sets deliveredAt, and marks COD paid when collected', () => {
    const cod = { ...buildOrder(orderBody({ paymentMethod: 'cod', paymentStatus: 'unpaid' }), ids), status: 'shipped' as const };
    const later = '2026-11-22T10:00:00.000Z';
    const delivered = transitionOrder(cod, { to: 'delivered', at: later, by: 'storefront:s', note: 'left at door', paymentCollected: true });
    expect(delivered).toMatchObject({ status: 'delivered', deliveredAt: later, paymentStatus: 'paid', version: 2, updatedAt: later });
    expect(delivered.timeline.at(-1)).toEqual({ status: 'delivered', at: later, by: 'storefront:s', note: 'left at door' });
    const notCollected = transitionOrder(cod, { to: 'delivered', at: later, by: 'storefront:s' });
    expect(notCollected.paymentStatus).toBe('unpaid');
  });
});
