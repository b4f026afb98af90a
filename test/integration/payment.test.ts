// POST /admin/orders/{orderId}/payment {status: paid}: a COD order's payment
// collected. One conditional write; a second call (or a racing one) is a 409.
import { describe, expect, it } from 'vitest';
import type { Order } from '#shared/domain/order';
import { admin, call, createOrder, customer, storefront } from '../support/api.ts';

type Problem = { allowedTransitions?: string[]; errors: { path: string }[] };

const codOrder = (owner = customer()) => createOrder(owner, { paymentMethod: 'cod', paymentStatus: 'unpaid' });

describe('payment', () => {
  it('marks an unpaid order paid: version and ETag move on, nothing else changes', async () => {
    const order = await codOrder();
    const reply = await call<Order>(admin, 'POST', `/admin/orders/${order.id}/payment`, { status: 'paid' });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('etag')).toBe('"2"');
    const { paymentStatus, version, updatedAt, ...rest } = reply.body;
    expect({ paymentStatus, version }).toEqual({ paymentStatus: 'paid', version: 2 });
    expect(Date.parse(updatedAt)).toBeGreaterThanOrEqual(Date.parse(order.updatedAt));
    const { paymentStatus: _p, version: _v, updatedAt: _u, ...before } = order;
    expect(rest).toEqual(before);
    const stored = await call<Order>(admin, 'GET', `/admin/orders/${order.id}`);
    expect(stored.body).toEqual(reply.body);
  });

  it('refuses to mark a paid order paid again (409)', async () => {
    const order = await codOrder();
    expect((await call(admin, 'POST', `/admin/orders/${order.id}/payment`, { status: 'paid' })).status).toBe(200);
    const again = await call<Problem>(admin, 'POST', `/admin/orders/${order.id}/payment`, { status: 'paid' });
    expect(again.status).toBe(409);
    expect(again.body.allowedTransitions).toEqual([]);
    const born = await createOrder(customer(), { paymentStatus: 'paid' });
    expect((await call(admin, 'POST', `/admin/orders/${born.id}/payment`, { status: 'paid' })).status).toBe(409);
  });

  it('lets exactly one of two racing payment calls win', async () => {
    const order = await codOrder();
    const replies = await Promise.all([1, 2].map(() => call<Order>(admin, 'POST', `/admin/orders/${order.id}/payment`, { status: 'paid' })));
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await call<Order>(admin, 'GET', `/admin/orders/${order.id}`)).body.version).toBe(2);
  });

  it('honours If-Match (412 on a stale version)', async () => {
    const order = await codOrder();
    expect((await call(admin, 'POST', `/admin/orders/${order.id}/payment`, { status: 'paid' }, { 'if-match': '"9"' })).status).toBe(412);
    expect((await call<Order>(admin, 'GET', `/admin/orders/${order.id}`)).body.paymentStatus).toBe('unpaid');
    expect((await call(admin, 'POST', `/admin/orders/${order.id}/payment`, { status: 'paid' }, { 'if-match': '"1"' })).status).toBe(200);
  });

  it('takes only {status: paid}', async () => {
    const order = await codOrder();
    for (const body of [{ status: 'refunded' }, { status: 'unpaid' }, {}]) {
      const reply = await call<Problem>(admin, 'POST', `/admin/orders/${order.id}/payment`, body);
      expect(reply.status).toBe(400);
      expect(reply.body.errors.map((e) => e.path)).toEqual(['status']);
    }
  });

  it('is for admins only, and 404 for unknown orders', async () => {
    const owner = customer();
    const order = await codOrder(owner);
    expect((await call(owner, 'POST', `/admin/orders/${order.id}/payment`, { status: 'paid' })).status).toBe(403);
    expect((await call(storefront, 'POST', `/admin/orders/${order.id}/payment`, { status: 'paid' })).status).toBe(403);
    expect((await call(admin, 'POST', '/admin/orders/ord_01NOSUCHORDER/payment', { status: 'paid' })).status).toBe(404);
    expect((await call(admin, 'POST', '/admin/orders/nope/payment', { status: 'paid' })).status).toBe(404);
    expect((await call<Order>(admin, 'GET', `/admin/orders/${order.id}`)).body.paymentStatus).toBe('unpaid');
  });
});
