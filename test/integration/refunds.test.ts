// Refunds end to end: real HTTP against the local API, real DynamoDB Local.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Order } from '#shared/domain/order';
import type { Refund } from '#shared/domain/refund';
import { admin, call, createOrder, customer } from '../support/api.ts';

const sku = (name: string) => `${name}-${randomUUID().slice(0, 8)}`;
const refunds = (orderId: string) => `/admin/orders/${orderId}/refunds`;
const getOrder = async (id: string) => (await call<Order>(admin, 'GET', `/admin/orders/${id}`)).body;
const stockOf = async (s: string) => (await call<{ quantity: number | null }>(admin, 'GET', `/admin/stock/${s}`)).body.quantity;

/** What calculate and create must agree on: everything but generated ids and the voucher code. */
const comparable = (r: Refund) => ({
  ...r,
  id: 'x',
  createdAt: 'x',
  refundLineItems: r.refundLineItems.map((l) => ({ ...l, id: 'x' })),
  orderAdjustments: r.orderAdjustments.map((a) => ({ ...a, id: 'x' })),
  transactions: r.transactions.map(({ voucherCode: _v, ...t }) => ({ ...t, id: 'x', createdAt: 'x' })),
});

describe('refunds', () => {
  it('refunds units at their paid value, restocks them and updates the order', async () => {
    const mug = sku('MUG');
    expect((await call(admin, 'PUT', `/admin/stock/${mug}`, { quantity: 10 })).status).toBe(200);
    const order = await createOrder(customer(), { lineItems: [{ sku: mug, title: 'Mug', quantity: 3, unitPrice: 1000, discount: 300, tax: 300 }] });
    expect(await stockOf(mug)).toBe(7);

    const reply = await call<Refund>(admin, 'POST', refunds(order.id), {
      refundLineItems: [{ lineItemId: order.lineItems[0]!.id, quantity: 2 }],
      restock: true,
      note: 'broken',
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      orderId: order.id,
      total: 2000,
      restock: true,
      note: 'broken',
      userId: 'admin:admin-1',
      source: { type: 'manual', id: null },
    });
    expect(reply.body.id).toMatch(/^rfd_/);
    expect(reply.body.refundLineItems).toEqual([
      expect.objectContaining({ quantity: 2, subtotal: 1800, tax: 200, lineItem: expect.objectContaining({ sku: mug }) }),
    ]);
    expect(reply.body.transactions).toEqual([expect.objectContaining({ kind: 'refund', amount: 2000, currency: 'USD', gateway: 'card', status: 'pending' })]);
    expect(await stockOf(mug)).toBe(9);

    const after = await getOrder(order.id);
    expect(after).toMatchObject({ paymentStatus: 'partially_refunded', totals: { refunded: 2000 }, version: order.version + 1 });
    expect(after.lineItems[0]!.refundedQuantity).toBe(2);

    const one = await call<Refund>(admin, 'GET', `${refunds(order.id)}/${reply.body.id}`);
    expect(one.body).toEqual(reply.body);
    expect(one.headers.get('etag')).toBe('"1"');
    expect((await call(admin, 'GET', `${refunds(order.id)}/${reply.body.id}?fields=id,total`)).body).toEqual({ id: reply.body.id, total: 2000 });
    expect((await call(admin, 'GET', `${refunds(order.id)}/${reply.body.id}?fields=id,nope`)).status).toBe(400);
    expect((await call(admin, 'GET', `${refunds(order.id)}/rfd_01NOTHERE`)).status).toBe(404);

    // A restock-free refund leaves stock alone; the list pages oldest first.
    const second = await call<Refund>(admin, 'POST', refunds(order.id), {
      refundLineItems: [{ lineItemId: order.lineItems[0]!.id, quantity: 1 }],
      restock: false,
    });
    expect(second.status).toBe(201);
    expect(await stockOf(mug)).toBe(9);
    const page1 = await call<{ items: Refund[]; nextCursor: string | null }>(admin, 'GET', `${refunds(order.id)}?limit=1`);
    expect(page1.body.items.map((r) => r.id)).toEqual([reply.body.id]);
    const page2 = await call<{ items: Refund[]; nextCursor: string | null }>(admin, 'GET', `${refunds(order.id)}?limit=1&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items.map((r) => r.id)).toEqual([second.body.id]);
    const over = await call<{ rule: string; errors: { path: string }[] }>(admin, 'POST', refunds(order.id), {
      refundLineItems: [{ lineItemId: order.lineItems[0]!.id, quantity: 1 }],
    });
    expect(over.status).toBe(422);
    expect(over.body.rule).toBe('quantity_exceeds_refundable');
    expect(over.body.errors[0]!.path).toBe('refundLineItems.0.quantity');
  });

  it('calculates exactly what create then records, and writes nothing', async () => {
    const order = await createOrder(customer());
    const body = { refundLineItems: [{ lineItemId: order.lineItems[0]!.id, quantity: 1 }], shipping: { amount: 200 }, amount: 75, restock: false };
    const calculated = await call<Refund>(admin, 'POST', `${refunds(order.id)}/calculate`, body);
    expect(calculated.status).toBe(200);
    expect(calculated.body.total).toBe(1000 + 200 + 20 + 75);
    expect((await getOrder(order.id)).version).toBe(order.version);
    expect((await call<{ items: Refund[] }>(admin, 'GET', refunds(order.id))).body.items).toEqual([]);

    const created = await call<Refund>(admin, 'POST', refunds(order.id), body);
    expect(created.status).toBe(201);
    expect(comparable(created.body)).toEqual(comparable(calculated.body));
    // The same refused body is refused the same way by both.
    const tooMuch = { amount: 1_000_000 };
    const [c, r] = await Promise.all([call(admin, 'POST', `${refunds(order.id)}/calculate`, tooMuch), call(admin, 'POST', refunds(order.id), tooMuch)]);
    expect([c.status, r.status]).toEqual([422, 422]);
  });

  it('replays an Idempotency-Key and refuses it with another body', async () => {
    const order = await createOrder(customer());
    const key = { 'idempotency-key': randomUUID() };
    const [a, b] = await Promise.all([
      call<Refund>(admin, 'POST', refunds(order.id), { amount: 100 }, key),
      call<Refund>(admin, 'POST', refunds(order.id), { amount: 100 }, key),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.id).toBe(a.body.id);
    expect((await call<{ items: Refund[] }>(admin, 'GET', refunds(order.id))).body.items).toHaveLength(1);
    expect((await getOrder(order.id)).totals.refunded).toBe(100);
    expect((await call(admin, 'POST', refunds(order.id), { amount: 101 }, key)).status).toBe(422);
    // A replay after the first refund took the last unit is still the first answer, not a 422.
    const body = { refundLineItems: [{ lineItemId: order.lineItems[1]!.id, quantity: 1 }] };
    const last = { 'idempotency-key': randomUUID() };
    const first = await call<Refund>(admin, 'POST', refunds(order.id), body, last);
    const replay = await call<Refund>(admin, 'POST', refunds(order.id), body, last);
    expect([first.status, replay.status]).toEqual([201, 201]);
    expect(replay.body).toEqual(first.body);
  });

  it('leaves a failed transaction owed, settles each transaction once', async () => {
    const order = await createOrder(customer());
    const all = await call<Refund>(admin, 'POST', refunds(order.id), { amount: 6050 });
    expect(all.status).toBe(201);
    expect(all.body.owed).toBe(6050);
    expect((await getOrder(order.id)).paymentStatus).toBe('refunded');
    const more = await call<{ rule: string }>(admin, 'POST', refunds(order.id), { amount: 1 });
    expect(more.status).toBe(422);
    expect(more.body.rule).toBe('over_refund');

    const txn = all.body.transactions[0]!;
    const failed = await call<Refund>(admin, 'POST', `/admin/refunds/${all.body.id}/transactions/${txn.id}`, {
      status: 'failure',
      message: 'card expired',
      errorCode: 'expired_card',
    });
    expect(failed.status).toBe(200);
    expect(failed.body.transactions[0]).toMatchObject({ status: 'failure', message: 'card expired', errorCode: 'expired_card' });
    expect(failed.body).toMatchObject({ version: 2, owed: 6050 });
    // Still owed, so still counted: a second refund of the same money stays refused (a new attempt pays it).
    expect(await getOrder(order.id)).toMatchObject({ paymentStatus: 'refunded', totals: { refunded: 6050 }, version: order.version + 1 });
    expect((await call(admin, 'POST', refunds(order.id), { amount: 6050 })).status).toBe(422);
    const again = await call<{ allowedTransitions: string[] }>(admin, 'POST', `/admin/refunds/${all.body.id}/transactions/${txn.id}`, { status: 'success' });
    expect(again.status).toBe(409);
    expect(again.body.allowedTransitions).toEqual([]);

    expect((await call(admin, 'POST', `/admin/refunds/${all.body.id}/transactions/txn_01NOTHERE`, { status: 'success' })).status).toBe(404);
    expect((await call(admin, 'POST', `/admin/refunds/rfd_01NOTHERE/transactions/${txn.id}`, { status: 'success' })).status).toBe(404);
    expect((await call(admin, 'POST', `/admin/refunds/${all.body.id}/transactions/${txn.id}`, { status: 'pending' })).status).toBe(400);
  });

  it('issues a voucher at once, and refuses a card refund of a non-card order', async () => {
    const order = await createOrder(customer(), { paymentMethod: 'voucher' });
    const reply = await call<Refund>(admin, 'POST', refunds(order.id), { amount: 500 });
    expect(reply.status).toBe(201);
    expect(reply.body.transactions[0]).toMatchObject({ gateway: 'voucher', status: 'success', voucherCode: expect.stringMatching(/^[0-9A-Z]{20}$/) });
    const card = await call<{ rule: string }>(admin, 'POST', refunds(order.id), { amount: 500, gateway: 'card' });
    expect(card.status).toBe(422);
    expect(card.body.rule).toBe('gateway_unavailable');
  });

  it('keeps JPY (no minor unit) and KWD (three) exact', async () => {
    // JPY: 3 × 1000 − 1 = 2999 → units 1000, 1000, 999 (taken from the end).
    const yen = await createOrder(customer(), {
      currency: 'JPY',
      lineItems: [{ sku: sku('JP'), title: 'Tea', quantity: 3, unitPrice: 1000, discount: 1 }],
      shipping: { method: 's', amount: 700 },
    });
    const y1 = await call<Refund>(admin, 'POST', refunds(yen.id), { refundLineItems: [{ lineItemId: yen.lineItems[0]!.id, quantity: 1 }] });
    expect(y1.body).toMatchObject({ total: 999, currency: 'JPY' });
    const y2 = await call<Refund>(admin, 'POST', refunds(yen.id), {
      refundLineItems: [{ lineItemId: yen.lineItems[0]!.id, quantity: 2 }],
      shipping: { amount: 700 },
    });
    expect(y2.body.total).toBe(2000 + 700);
    expect(await getOrder(yen.id)).toMatchObject({ paymentStatus: 'refunded', totals: { total: 3699, refunded: 3699 } });

    // KWD: 3 × 1250 fils + 1 tax = 3751 → units 1251, 1250, 1250; tax 1, 0, 0.
    const dinar = await createOrder(customer(), {
      currency: 'KWD',
      lineItems: [{ sku: sku('KW'), title: 'Dates', quantity: 3, unitPrice: 1250, tax: 1 }],
      shipping: { method: 's', amount: 1000, tax: 1 },
    });
    const k1 = await call<Refund>(admin, 'POST', refunds(dinar.id), {
      refundLineItems: [{ lineItemId: dinar.lineItems[0]!.id, quantity: 2 }],
      shipping: { amount: 333 },
    });
    expect(k1.body.refundLineItems[0]).toMatchObject({ subtotal: 2500, tax: 0 });
    expect(k1.body.shipping).toEqual({ amount: 333, tax: 0 });
    const k2 = await call<Refund>(admin, 'POST', refunds(dinar.id), {
      refundLineItems: [{ lineItemId: dinar.lineItems[0]!.id, quantity: 1 }],
      shipping: { amount: 667 },
    });
    expect(k2.body.refundLineItems[0]).toMatchObject({ subtotal: 1250, tax: 1 });
    expect(k2.body.shipping).toEqual({ amount: 667, tax: 1 });
    expect(k1.body.total + k2.body.total).toBe(dinar.totals.total);
    expect((await getOrder(dinar.id)).paymentStatus).toBe('refunded');
  });

  it('validates input and hides nothing behind a 500', async () => {
    const order = await createOrder(customer());
    const bad = await call<{ errors: { path: string }[] }>(admin, 'POST', refunds(order.id), {
      amount: 1.5,
      gateway: 'paypal',
      refundLineItems: [{ lineItemId: 'x', quantity: 0 }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.path).sort()).toEqual(['amount', 'gateway', 'refundLineItems.0.lineItemId', 'refundLineItems.0.quantity']);
    expect((await call(admin, 'POST', refunds('ord_01NOTHERE'), { amount: 1 })).status).toBe(404);
    expect((await call(admin, 'GET', refunds('ord_01NOTHERE'))).status).toBe(404);
    expect((await call(admin, 'POST', refunds(order.id), {})).status).toBe(422);
    const unknown = await call<{ rule: string }>(admin, 'POST', refunds(order.id), { refundLineItems: [{ lineItemId: 'li_01NOTHERE', quantity: 1 }] });
    expect([unknown.status, unknown.body.rule]).toEqual([422, 'unknown_line_item']);
    expect((await call(customer(), 'POST', refunds(order.id), { amount: 1 })).status).toBe(403);
    // An unpaid (COD) order has nothing to refund yet.
    const cod = await createOrder(customer(), { paymentMethod: 'cod', paymentStatus: 'unpaid' });
    expect((await call(admin, 'POST', refunds(cod.id), { amount: 1 })).status).toBe(422);
  });
});
