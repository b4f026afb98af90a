// Refund invariants under concurrency: many admins (or a retrying client) at
// once, through the real API and DynamoDB Local's real transactions.
import { describe, expect, it } from 'vitest';
import type { Order } from '#shared/domain/order';
import type { Refund } from '#shared/domain/refund';
import { admin, call, createOrder, customer } from '../support/api.ts';

const refunds = (orderId: string) => `/admin/orders/${orderId}/refunds`;
const getOrder = async (id: string) => (await call<Order>(admin, 'GET', `/admin/orders/${id}`)).body;
const listAll = async (orderId: string) => (await call<{ items: Refund[] }>(admin, 'GET', `${refunds(orderId)}?limit=100`)).body.items;

describe('refund races', () => {
  it('10 racing refunds of a single unit: exactly one 201, the rest 409/422, never 5xx', async () => {
    const order = await createOrder(customer(), { lineItems: [{ sku: 'ONE', title: 'Only one', quantity: 1, unitPrice: 4000, tax: 400 }] });
    const body = { refundLineItems: [{ lineItemId: order.lineItems[0]!.id, quantity: 1 }], restock: false };
    const replies = await Promise.all(Array.from({ length: 10 }, () => call<Refund>(admin, 'POST', refunds(order.id), body)));
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.every((s) => s === 201 || s === 409 || s === 422)).toBe(true);
    const after = await getOrder(order.id);
    expect(after.lineItems[0]!.refundedQuantity).toBe(1);
    expect(after.totals.refunded).toBe(4400);
    expect(await listAll(order.id)).toHaveLength(1);
  });

  it('10 racing goodwill refunds never pay back more than was paid', async () => {
    const order = await createOrder(customer()); // total 6050
    const replies = await Promise.all(Array.from({ length: 10 }, () => call<Refund>(admin, 'POST', refunds(order.id), { amount: 1000 })));
    const statuses = replies.map((r) => r.status);
    expect(statuses.every((s) => s === 201 || s === 409 || s === 422)).toBe(true);
    const won = replies.filter((r) => r.status === 201);
    expect(won.length).toBeGreaterThanOrEqual(1);
    expect(won.length).toBeLessThanOrEqual(6);
    const after = await getOrder(order.id);
    expect(after.totals.refunded).toBe(won.length * 1000);
    expect(after.totals.refunded).toBeLessThanOrEqual(order.totals.total);
    const ledger = await listAll(order.id);
    expect(ledger.map((r) => r.id).sort()).toEqual(won.map((r) => r.body.id).sort());
  });

  it('racing partial refunds of a line never pass its quantity, and every unit is valued once', async () => {
    // 7 units worth 7000 − 1 (discount) → per-unit values add up to 6999 whatever the interleaving.
    const order = await createOrder(customer(), {
      lineItems: [{ sku: 'SEVEN', title: 'Seven', quantity: 7, unitPrice: 1000, discount: 1 }],
      shipping: { method: 's', amount: 0 },
    });
    const id = order.lineItems[0]!.id;
    const replies = await Promise.all(
      [1, 2, 3, 1, 2, 3, 1, 2].map((quantity) =>
        call<Refund>(admin, 'POST', refunds(order.id), { refundLineItems: [{ lineItemId: id, quantity }], restock: false }),
      ),
    );
    expect(replies.every((r) => [201, 409, 422].includes(r.status))).toBe(true);
    const after = await getOrder(order.id);
    const won = replies.filter((r) => r.status === 201).map((r) => r.body);
    expect(after.lineItems[0]!.refundedQuantity).toBe(won.reduce((s, r) => s + r.refundLineItems[0]!.quantity, 0));
    expect(after.lineItems[0]!.refundedQuantity).toBeLessThanOrEqual(7);
    expect(after.totals.refunded).toBe(won.reduce((s, r) => s + r.total, 0));
    // Top up to all seven units: the pieces then add up to the line exactly.
    const left = 7 - after.lineItems[0]!.refundedQuantity;
    if (left > 0) expect((await call(admin, 'POST', refunds(order.id), { refundLineItems: [{ lineItemId: id, quantity: left }] })).status).toBe(201);
    expect((await getOrder(order.id)).totals.refunded).toBe(6999);
  });

  it('a transaction settled twice at once (success and failure) ends one way only', async () => {
    const order = await createOrder(customer());
    const refund = (await call<Refund>(admin, 'POST', refunds(order.id), { amount: 3000 })).body;
    const path = `/admin/refunds/${refund.id}/transactions/${refund.transactions[0]!.id}`;
    const [ok, ko] = await Promise.all([call<Refund>(admin, 'POST', path, { status: 'success' }), call<Refund>(admin, 'POST', path, { status: 'failure' })]);
    expect([ok.status, ko.status].sort()).toEqual([200, 409]);
    const winner = ok.status === 200 ? 'success' : 'failure';
    // The order counts the refund either way (a failure leaves it owed); the refund says whether it was paid.
    expect((await getOrder(order.id)).totals.refunded).toBe(3000);
    const stored = (await call<Refund>(admin, 'GET', `${refunds(order.id)}/${refund.id}`)).body;
    expect(stored.transactions[0]!.status).toBe(winner);
    expect(stored.owed).toBe(winner === 'success' ? 0 : 3000);
  });
});
