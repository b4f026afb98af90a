// The orders slice end to end: real HTTP against the local API, real handlers,
// real DynamoDB Local.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Order } from '#shared/domain/order';
import { admin, call, createOrder, customer, storefront } from '../support/api.ts';
import { orderBody } from '../support/orders.ts';

describe('orders', () => {
  it('creates an order with totals, line ids, version and ETag', async () => {
    const owner = customer();
    const reply = await call<Order>(storefront, 'POST', '/orders', { ...orderBody(), customer: { customerId: owner.sub, name: 'Ada', email: owner.email } });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ status: 'pending', paymentStatus: 'paid', version: 1, totals: { total: 6050, refunded: 0 } });
    expect(reply.body.id).toMatch(/^ord_/);
    expect(reply.body.lineItems.every((l) => /^li_/.test(l.id) && l.refundedQuantity === 0)).toBe(true);
    expect(reply.headers.get('etag')).toBe('"1"');
  });

  it('lists every bad field, and refuses float money', async () => {
    const reply = await call<{ errors: { path: string }[] }>(storefront, 'POST', '/orders', {
      ...orderBody(),
      currency: 'XXQ',
      lineItems: [{ sku: 'A', title: 'A', quantity: 0, unitPrice: 19.99 }],
    });
    expect(reply.status).toBe(400);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
    expect(reply.body.errors.map((e) => e.path).sort()).toEqual(['currency', 'lineItems.0.quantity', 'lineItems.0.unitPrice']);
  });

  it('answers a replayed Idempotency-Key with the first order, and refuses it with another body', async () => {
    const owner = customer();
    const body = { ...orderBody(), customer: { customerId: owner.sub, name: 'Ada', email: owner.email } };
    const key = { 'idempotency-key': randomUUID() };
    const [first, second] = await Promise.all([call<Order>(storefront, 'POST', '/orders', body, key), call<Order>(storefront, 'POST', '/orders', body, key)]);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.id).toBe(first.body.id);
    const mine = await call<{ items: Order[] }>(owner, 'GET', '/orders');
    expect(mine.body.items).toHaveLength(1);
    const other = await call(storefront, 'POST', '/orders', { ...body, currency: 'EUR' }, key);
    expect(other.status).toBe(422);
  });

  it('shows customers their own orders only, newest first, with cursors', async () => {
    const owner = customer();
    const created: Order[] = [];
    for (let i = 0; i < 3; i++) created.push(await createOrder(owner));
    const page1 = await call<{ items: Order[]; nextCursor: string | null }>(owner, 'GET', '/orders?limit=2');
    expect(page1.status).toBe(200);
    expect(page1.body.items.map((o) => o.id)).toEqual([created[2]!.id, created[1]!.id]);
    const page2 = await call<{ items: Order[]; nextCursor: string | null }>(owner, 'GET', `/orders?limit=2&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items.map((o) => o.id)).toEqual([created[0]!.id]);

    const stranger = customer();
    expect((await call(stranger, 'GET', `/orders/${created[0]!.id}`)).status).toBe(404);
    expect((await call(stranger, 'GET', `/orders/${created[0]!.id}/tracking`)).status).toBe(404);
    // A cursor from someone else's list never opens it.
    expect((await call(stranger, 'GET', `/orders?cursor=${page1.body.nextCursor}`)).status).toBe(400);
  });

  it('enforces roles: 401 without a token, 403 for the wrong role', async () => {
    expect((await call({ role: 'public' }, 'GET', '/orders')).status).toBe(401);
    expect((await call(customer(), 'GET', '/admin/orders')).status).toBe(403);
    expect((await call(customer(), 'POST', '/orders', orderBody())).status).toBe(403);
    expect((await call(admin, 'GET', '/health')).status).toBe(200);
  });

  it('moves status along the table, stamps the timeline, and refuses illegal moves with the allowed ones', async () => {
    const order = await createOrder(customer());
    const confirmed = await call<Order>(admin, 'POST', `/admin/orders/${order.id}/status`, { status: 'confirmed', note: 'packed' });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.timeline.map((t) => t.status)).toEqual(['pending', 'confirmed']);
    expect(confirmed.body.timeline[1]).toMatchObject({ by: 'admin:admin-1', note: 'packed' });
    const illegal = await call<{ allowedTransitions: string[] }>(admin, 'POST', `/admin/orders/${order.id}/status`, { status: 'delivered' });
    expect(illegal.status).toBe(409);
    expect(illegal.body.allowedTransitions).toEqual(['picked_up', 'shipped', 'cancelled']);
  });

  it('marks a COD order paid when the storefront reports it delivered and collected', async () => {
    const owner = customer();
    const order = await createOrder(owner, { paymentMethod: 'cod', paymentStatus: 'unpaid' });
    for (const status of ['confirmed', 'shipped']) await call(storefront, 'POST', `/orders/${order.id}/status`, { status });
    const delivered = await call<Order>(storefront, 'POST', `/orders/${order.id}/status`, { status: 'delivered', paymentCollected: true });
    expect(delivered.body).toMatchObject({ status: 'delivered', paymentStatus: 'paid' });
    expect(delivered.body.deliveredAt).toBe(delivered.body.timeline.at(-1)?.at);
    const tracking = await call<{ status: string; timeline: unknown[] }>(owner, 'GET', `/orders/${order.id}/tracking`);
    expect(tracking.body.status).toBe('delivered');
    expect(tracking.body.timeline).toHaveLength(4);
  });

  it('cancels through the status route as the shop would: a cancellation record, and a paid order refunded', async () => {
    const order = await createOrder(customer());
    const cancelled = await call<Order>(admin, 'POST', `/admin/orders/${order.id}/status`, { status: 'cancelled', note: 'out of stock' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', paymentStatus: 'refunded', totals: { refunded: order.totals.total } });
    const refunds = await call<{ items: { total: number; source: { type: string } }[] }>(admin, 'GET', `/admin/orders/${order.id}/refunds`);
    expect(refunds.body.items).toEqual([expect.objectContaining({ total: order.totals.total, source: expect.objectContaining({ type: 'cancellation' }) })]);
    const listed = await call<{ items: { orderId: string; status: string; requestedBy: string }[] }>(admin, 'GET', '/admin/cancellations?limit=100');
    expect(listed.body.items.find((c) => c.orderId === order.id)).toMatchObject({ status: 'approved', requestedBy: 'admin' });
  });

  it("records a storefront's cancelled status update as the shop's cancellation, the storefront named in the timeline", async () => {
    const order = await createOrder(customer());
    const cancelled = await call<Order>(storefront, 'POST', `/orders/${order.id}/status`, { status: 'cancelled', note: 'warehouse out of stock' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    const listed = await call<{ items: { orderId: string; requestedBy: string }[] }>(admin, 'GET', '/admin/cancellations?status=approved&limit=100');
    expect(listed.body.items.find((c) => c.orderId === order.id)).toMatchObject({ requestedBy: 'admin' });
    expect(cancelled.body.timeline.at(-1)).toMatchObject({ status: 'cancelled', by: expect.stringMatching(/^storefront/) });
  });

  it('lets exactly one of two racing writers win; If-Match mismatches are 412', async () => {
    const order = await createOrder(customer());
    const results = await Promise.all([
      call(admin, 'POST', `/admin/orders/${order.id}/status`, { status: 'confirmed' }, { 'if-match': '"1"' }),
      call(admin, 'POST', `/admin/orders/${order.id}/status`, { status: 'cancelled' }, { 'if-match': '"1"' }),
    ]);
    // The loser read v1 and lost the conditional write (409), or read v2 after the winner wrote (412).
    const [winner, loser] = results.map((r) => r.status).sort();
    expect(winner).toBe(200);
    expect([409, 412]).toContain(loser);
    const stale = await call(admin, 'POST', `/admin/orders/${order.id}/status`, { status: 'shipped' }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
  });

  it('filters the admin list by status, customer and date, paging by cursor', async () => {
    const owner = customer();
    const a = await createOrder(owner);
    const b = await createOrder(owner);
    await call(admin, 'POST', `/admin/orders/${b.id}/status`, { status: 'confirmed' });
    const byCustomer = await call<{ items: Order[] }>(admin, 'GET', `/admin/orders?customerId=${owner.sub}`);
    expect(byCustomer.body.items.map((o) => o.id)).toEqual([b.id, a.id]);
    const byBoth = await call<{ items: Order[] }>(admin, 'GET', `/admin/orders?customerId=${owner.sub}&status=confirmed`);
    expect(byBoth.body.items.map((o) => o.id)).toEqual([b.id]);
    const today = a.createdAt.slice(0, 10);
    const byStatus = await call<{ items: Order[]; nextCursor: string | null }>(
      admin,
      'GET',
      `/admin/orders?status=confirmed&dateStart=${today}&dateEnd=${today}&limit=100`,
    );
    expect(byStatus.body.items.some((o) => o.id === b.id)).toBe(true);
    expect(byStatus.body.items.every((o) => o.status === 'confirmed')).toBe(true);
    const past = await call<{ items: Order[] }>(admin, 'GET', '/admin/orders?dateEnd=2000-01-01');
    expect(past.body.items).toEqual([]);
    const page = await call<{ items: Order[]; nextCursor: string }>(admin, 'GET', '/admin/orders?limit=1');
    expect(page.body.items).toHaveLength(1);
    expect((await call(admin, 'GET', `/admin/orders?limit=1&cursor=${page.body.nextCursor}`)).status).toBe(200);
    expect((await call(admin, 'GET', '/admin/orders?limit=101')).status).toBe(400);
  });

  it('selects fields on single GETs and names unknown ones', async () => {
    const order = await createOrder(customer());
    const some = await call(admin, 'GET', `/admin/orders/${order.id}?fields=id,status`);
    expect(some.body).toEqual({ id: order.id, status: 'pending' });
    const bad = await call<{ errors: { path: string; message: string }[] }>(admin, 'GET', `/admin/orders/${order.id}?fields=id,bogus`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]?.message).toContain('bogus');
  });
});
