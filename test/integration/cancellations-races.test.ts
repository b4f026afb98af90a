// Cancellations under concurrency, through the real API and DynamoDB Local's
// real transactions: exactly one writer wins, and stock is never lost or
// restored twice.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Cancellation } from '#shared/domain/cancellation';
import type { Order } from '#shared/domain/order';
import type { Refund } from '#shared/domain/refund';
import { admin, call, createOrder, customer, storefront } from '../support/api.ts';

const REASON = 'rsn_cxlchangedmind';
const getOrder = async (id: string) => (await call<Order>(admin, 'GET', `/admin/orders/${id}`)).body;
const stockOf = async (s: string) => (await call<{ quantity: number | null }>(admin, 'GET', `/admin/stock/${s}`)).body.quantity;

/** A confirmed order taking 3 of 10 tracked units. */
const confirmedOrder = async (owner: ReturnType<typeof customer>, overrides: Record<string, unknown> = {}) => {
  const sku = `RACE-${randomUUID().slice(0, 8)}`;
  expect((await call(admin, 'PUT', `/admin/stock/${sku}`, { quantity: 10 })).status).toBe(200);
  const order = await createOrder(owner, { lineItems: [{ sku, title: 'Lamp', quantity: 3, unitPrice: 2000 }], ...overrides });
  expect((await call(storefront, 'POST', `/orders/${order.id}/status`, { status: 'confirmed' })).status).toBe(200);
  return { sku, order };
};

describe('cancellation races', () => {
  it('a customer cancelling (COD) while the storefront ships: exactly one wins, the other 409, stock exact', async () => {
    for (let round = 0; round < 4; round++) {
      const owner = customer();
      const { sku, order } = await confirmedOrder(owner, { paymentMethod: 'cod', paymentStatus: 'unpaid' });
      const [cancelled, shipped] = await Promise.all([
        call<Cancellation>(owner, 'POST', `/orders/${order.id}/cancellation`, { reasonId: REASON }),
        call<Order>(storefront, 'POST', `/orders/${order.id}/status`, { status: 'shipped' }),
      ]);
      expect([cancelled.status === 201, shipped.status === 200].filter(Boolean)).toHaveLength(1);
      const after = await getOrder(order.id);
      if (cancelled.status === 201) {
        expect(shipped.status).toBe(409);
        expect(after.status).toBe('cancelled');
        expect(await stockOf(sku)).toBe(10);
      } else {
        expect([cancelled.status, shipped.status]).toEqual([409, 200]);
        expect(after.status).toBe('shipped');
        expect(await stockOf(sku)).toBe(7);
      }
    }
  });

  it('a customer requesting cancellation (paid) while the storefront ships: exactly one wins, the other 409', async () => {
    for (let round = 0; round < 4; round++) {
      const owner = customer();
      const { sku, order } = await confirmedOrder(owner);
      const [requested, shipped] = await Promise.all([
        call<Cancellation>(owner, 'POST', `/orders/${order.id}/cancellation`, { reasonId: REASON }),
        call<Order>(storefront, 'POST', `/orders/${order.id}/status`, { status: 'shipped' }),
      ]);
      // Overlapping, the order's version condition decides; one after the other,
      // the open request holds the order (or the shipped order refuses the request).
      expect([requested.status === 201, shipped.status === 200].filter(Boolean)).toHaveLength(1);
      expect(requested.status === 201 ? shipped.status : requested.status).toBe(409);
      expect((await getOrder(order.id)).status).toBe(requested.status === 201 ? 'confirmed' : 'shipped');
      expect(await stockOf(sku)).toBe(7);
    }
  });

  it('two requests for one order at once: one 201, one 409', async () => {
    const owner = customer();
    const order = await createOrder(owner);
    const replies = await Promise.all([1, 2].map(() => call(owner, 'POST', `/orders/${order.id}/cancellation`, { reasonId: REASON })));
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('the same cancellation approved twice at once: one refund, stock restored once', async () => {
    const owner = customer();
    const { sku, order } = await confirmedOrder(owner);
    const requested = await call<Cancellation>(owner, 'POST', `/orders/${order.id}/cancellation`, { reasonId: REASON });
    expect(requested.status).toBe(201);
    const replies = await Promise.all([1, 2, 3, 4, 5].map(() => call<Cancellation>(admin, 'POST', `/admin/cancellations/${requested.body.id}/approve`)));
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
    const refunds = (await call<{ items: Refund[] }>(admin, 'GET', `/admin/orders/${order.id}/refunds`)).body.items;
    expect(refunds).toHaveLength(1);
    expect(refunds[0]!.id).toBe(replies.find((r) => r.status === 200)!.body.refundId);
    expect(await stockOf(sku)).toBe(10);
    expect(await getOrder(order.id)).toMatchObject({ status: 'cancelled', totals: { refunded: order.totals.total } });
  });
});
