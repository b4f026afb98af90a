// Tracked stock end to end: admin levels, orders taking units in their own
// transaction, cancellation putting them back, and the race for the last units.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Order } from '#shared/domain/order';
import { admin, call, createOrder, customer, storefront } from '../support/api.ts';
import { orderBody } from '../support/orders.ts';

type Stock = { sku: string; tracked: boolean; quantity: number | null; updatedAt: string | null };
type Problem = { rule?: string; sku?: string; detail: string; errors: { path: string; message: string }[] };

const sku = () => `SKU-${randomUUID().slice(0, 13)}`;

const stockOf = async (id: string): Promise<Stock> => {
  const reply = await call<Stock>(admin, 'GET', `/admin/stock/${encodeURIComponent(id)}`);
  expect(reply.status).toBe(200);
  return reply.body;
};

const setStock = async (id: string, quantity: number): Promise<Stock> => {
  const reply = await call<Stock>(admin, 'PUT', `/admin/stock/${encodeURIComponent(id)}`, { quantity });
  expect(reply.status).toBe(200);
  return reply.body;
};

const oneLine = (id: string, quantity: number) => ({ lineItems: [{ sku: id, title: 'Lamp', quantity, unitPrice: 4000 }] });

describe('stock', () => {
  it('reports an untouched SKU as untracked (unlimited)', async () => {
    expect(await stockOf(sku())).toMatchObject({ tracked: false, quantity: null });
  });

  it('sets a level that starts tracking the SKU', async () => {
    const id = sku();
    const set = await setStock(id, 5);
    expect(set).toMatchObject({ sku: id, tracked: true, quantity: 5 });
    expect(await stockOf(id)).toEqual(set);
    expect(await setStock(id, 0)).toMatchObject({ quantity: 0 });
  });

  it('refuses negative or fractional levels and non-admins', async () => {
    const id = sku();
    for (const quantity of [-1, 1.5, '3']) {
      const reply = await call<Problem>(admin, 'PUT', `/admin/stock/${id}`, { quantity });
      expect(reply.status).toBe(400);
      expect(reply.body.errors.map((e) => e.path)).toEqual(['quantity']);
    }
    expect((await call(customer(), 'GET', `/admin/stock/${id}`)).status).toBe(403);
    expect((await call(storefront, 'PUT', `/admin/stock/${id}`, { quantity: 1 })).status).toBe(403);
    expect((await stockOf(id)).tracked).toBe(false);
  });

  it('decrements tracked stock when an order is created, summing lines of the same SKU', async () => {
    const id = sku();
    await setStock(id, 10);
    await createOrder(customer(), {
      lineItems: [
        { sku: id, title: 'Lamp', quantity: 2, unitPrice: 4000 },
        { sku: id, title: 'Lamp (gift)', quantity: 3, unitPrice: 4000 },
      ],
    });
    expect((await stockOf(id)).quantity).toBe(5);
  });

  it('refuses an order larger than the stock with a 422 naming the SKU, writing nothing', async () => {
    const id = sku();
    const other = sku();
    await setStock(id, 1);
    await setStock(other, 4);
    const owner = customer();
    const base = orderBody();
    const reply = await call<Problem>(storefront, 'POST', '/orders', {
      ...base,
      customer: { ...base.customer, customerId: owner.sub },
      lineItems: [
        { sku: other, title: 'Shade', quantity: 2, unitPrice: 1000 },
        { sku: id, title: 'Lamp', quantity: 2, unitPrice: 4000 },
      ],
    });
    expect(reply.status).toBe(422);
    expect(reply.body.rule).toBe('out_of_stock');
    expect(reply.body.sku).toBe(id);
    expect(reply.body.detail).toContain(id);
    // All or nothing: the other SKU kept its units and no order exists.
    expect((await stockOf(other)).quantity).toBe(4);
    expect((await stockOf(id)).quantity).toBe(1);
    expect((await call<{ items: Order[] }>(owner, 'GET', '/orders')).body.items).toHaveLength(0);
  });

  it('puts the units back when the order is cancelled', async () => {
    const id = sku();
    await setStock(id, 3);
    const order = await createOrder(customer(), oneLine(id, 2));
    expect((await stockOf(id)).quantity).toBe(1);
    const cancelled = await call<Order>(admin, 'POST', `/admin/orders/${order.id}/status`, { status: 'cancelled', note: 'customer called' });
    expect(cancelled.status).toBe(200);
    expect((await stockOf(id)).quantity).toBe(3);
    // A second cancellation is refused and restores nothing twice.
    expect((await call(admin, 'POST', `/admin/orders/${order.id}/status`, { status: 'cancelled' })).status).toBe(409);
    expect((await stockOf(id)).quantity).toBe(3);
  });

  it('lets exactly 5 of 20 racing orders take the last 5 units; the rest get 422 naming the SKU', async () => {
    const id = sku();
    await setStock(id, 5);
    const owners = Array.from({ length: 20 }, () => customer());
    const replies = await Promise.all(
      owners.map((owner) => {
        const base = orderBody(oneLine(id, 1));
        return call<Problem & Order>(storefront, 'POST', '/orders', { ...base, customer: { ...base.customer, customerId: owner.sub } });
      }),
    );
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.filter((s) => s === 422)).toHaveLength(15);
    for (const refused of replies.filter((r) => r.status === 422)) {
      expect(refused.body).toMatchObject({ rule: 'out_of_stock', sku: id });
      expect(refused.body.errors[0]?.message).toContain(id);
    }
    const stock = await stockOf(id);
    expect(stock.quantity).toBe(0);
    // Exactly the winners own an order.
    const counts = await Promise.all(owners.map(async (owner) => (await call<{ items: Order[] }>(owner, 'GET', '/orders')).body.items.length));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(5);
  });

  it('leaves an untracked SKU unlimited', async () => {
    const id = sku();
    const order = await createOrder(customer(), oneLine(id, 1000));
    expect(order.status).toBe('pending');
    expect(await stockOf(id)).toMatchObject({ tracked: false, quantity: null });
  });
});
