// Cancellations end to end: real HTTP against the local API, real DynamoDB Local.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Cancellation } from '#shared/domain/cancellation';
import type { Order } from '#shared/domain/order';
import type { Refund } from '#shared/domain/refund';
import { admin, call, createOrder, customer, storefront } from '../support/api.ts';

const REASON = 'rsn_cxlchangedmind';
const account = { accountName: 'Ada Lovelace', accountNumber: '00123456', bankName: 'Analytical Bank', bankBranch: 'London' };
const sku = (name: string) => `${name}-${randomUUID().slice(0, 8)}`;
const getOrder = async (id: string) => (await call<Order>(admin, 'GET', `/admin/orders/${id}`)).body;
const stockOf = async (s: string) => (await call<{ quantity: number | null }>(admin, 'GET', `/admin/stock/${s}`)).body.quantity;
const refundsOf = async (orderId: string) => (await call<{ items: Refund[] }>(admin, 'GET', `/admin/orders/${orderId}/refunds`)).body.items;
const cancel = (
  who: ReturnType<typeof customer>,
  orderId: string,
  body: Record<string, unknown> = { reasonId: REASON },
  headers: Record<string, string> = {},
) =>
  call<Cancellation & { rule?: string; errors?: { path: string }[]; allowedTransitions?: string[] }>(
    who,
    'POST',
    `/orders/${orderId}/cancellation`,
    body,
    headers,
  );

/** A tracked SKU with `quantity` units, and an order for `owner` that takes `take` of them. */
const stockedOrder = async (owner: ReturnType<typeof customer>, overrides: Record<string, unknown> = {}, quantity = 10, take = 3) => {
  const s = sku('CXL');
  expect((await call(admin, 'PUT', `/admin/stock/${s}`, { quantity })).status).toBe(200);
  const order = await createOrder(owner, { lineItems: [{ sku: s, title: 'Lamp', quantity: take, unitPrice: 2000, tax: 200 }], ...overrides });
  return { sku: s, order };
};

describe('cancellations', () => {
  it('cancels an unpaid (COD) order at once: approved, order cancelled, stock back, no refund', async () => {
    const owner = customer();
    const { sku: s, order } = await stockedOrder(owner, { paymentMethod: 'cod', paymentStatus: 'unpaid' });
    expect(await stockOf(s)).toBe(7);
    const reply = await cancel(owner, order.id, { reasonId: REASON, reasonText: 'too late', comment: 'sorry' });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      orderId: order.id,
      orderNumber: order.number,
      customerId: owner.sub,
      requestedBy: 'customer',
      reasonId: REASON,
      reasonText: 'too late',
      comment: 'sorry',
      refundAccount: null,
      status: 'approved',
      refundAmount: 0,
      refundId: null,
      version: 1,
    });
    expect(reply.body.id).toMatch(/^can_/);
    const after = await getOrder(order.id);
    expect(after.status).toBe('cancelled');
    expect(after.timeline.at(-1)).toMatchObject({ status: 'cancelled', by: `customer:${owner.sub}` });
    expect(await stockOf(s)).toBe(10);
    expect(await refundsOf(order.id)).toEqual([]);
    // Once cancelled, never again.
    const again = await cancel(owner, order.id);
    expect(again.status).toBe(409);
    expect(again.body.allowedTransitions).toEqual([]);
  });

  it('takes a paid order through request → approve (refund, stock back) → refunded when the money is sent', async () => {
    const owner = customer();
    const { sku: s, order } = await stockedOrder(owner);
    const requested = await cancel(owner, order.id);
    expect(requested.status).toBe(201);
    expect(requested.body).toMatchObject({ status: 'requested', refundAmount: null, refundId: null });
    expect((await getOrder(order.id)).status).toBe('pending');
    expect(await stockOf(s)).toBe(7);
    // One open request per order.
    expect((await cancel(owner, order.id)).status).toBe(409);
    // The admin's direct cancel must not bypass it either.
    expect((await call(admin, 'POST', `/admin/orders/${order.id}/cancel`, { reasonId: REASON })).status).toBe(409);

    const listed = await call<{ items: Cancellation[] }>(admin, 'GET', '/admin/cancellations?status=requested&limit=100');
    expect(listed.body.items.map((c) => c.id)).toContain(requested.body.id);

    const approved = await call<Cancellation>(admin, 'POST', `/admin/cancellations/${requested.body.id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', refundAmount: order.totals.total, version: 2 });
    expect(approved.headers.get('etag')).toBe('"2"');
    const after = await getOrder(order.id);
    expect(after).toMatchObject({ status: 'cancelled', paymentStatus: 'refunded', totals: { refunded: order.totals.total } });
    expect(await stockOf(s)).toBe(10);
    const [refund] = await refundsOf(order.id);
    expect(refund).toMatchObject({ id: approved.body.refundId, source: { type: 'cancellation', id: requested.body.id }, total: order.totals.total });
    expect(refund!.transactions).toEqual([expect.objectContaining({ gateway: 'card', status: 'pending', amount: order.totals.total })]);
    expect((await call(admin, 'POST', `/admin/cancellations/${requested.body.id}/approve`)).status).toBe(409);

    const settled = await call(admin, 'POST', `/admin/refunds/${refund!.id}/transactions/${refund!.transactions[0]!.id}`, { status: 'success' });
    expect(settled.status).toBe(200);
    const done = await call<{ items: Cancellation[] }>(admin, 'GET', '/admin/cancellations?status=refunded&limit=100');
    expect(done.body.items.find((c) => c.id === requested.body.id)).toMatchObject({ status: 'refunded', version: 3 });
  });

  it('rejects a request with a reason, after which the customer may ask again', async () => {
    const owner = customer();
    const order = await createOrder(owner);
    const first = await cancel(owner, order.id);
    // An open request holds the order: no fulfillment move until it is decided.
    const held = await call<{ detail: string }>(storefront, 'POST', `/orders/${order.id}/status`, { status: 'confirmed' });
    expect(held.status).toBe(409);
    expect(held.body.detail).toContain('open cancellation request');
    expect((await call(admin, 'POST', `/admin/cancellations/${first.body.id}/reject`, {})).status).toBe(400);
    expect(
      (await call(admin, 'POST', `/admin/cancellations/${first.body.id}/reject`, { rejectionReason: 'already packed' }, { 'if-match': '"7"' })).status,
    ).toBe(412);
    const rejected = await call<Cancellation>(
      admin,
      'POST',
      `/admin/cancellations/${first.body.id}/reject`,
      { rejectionReason: 'already packed' },
      { 'if-match': '"1"' },
    );
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectionReason: 'already packed', version: 2 });
    const again = await call<{ allowedTransitions: string[] }>(admin, 'POST', `/admin/cancellations/${first.body.id}/approve`);
    expect(again.status).toBe(409);
    expect(again.body.allowedTransitions).toEqual([]);
    expect((await getOrder(order.id)).status).toBe('pending');
    expect((await call(storefront, 'POST', `/orders/${order.id}/status`, { status: 'confirmed' })).status).toBe(200);
    expect((await cancel(owner, order.id)).status).toBe(201);
  });

  it('wants a refund account (≥ 6 digits) when a paid order was not paid by card', async () => {
    const owner = customer();
    const order = await createOrder(owner, { paymentMethod: 'bank_transfer' });
    const missing = await cancel(owner, order.id);
    expect(missing.status).toBe(400);
    expect(missing.body.errors!.map((e) => e.path)).toEqual(['refundAccount']);
    const short = await cancel(owner, order.id, { reasonId: REASON, refundAccount: { ...account, accountNumber: '12345' } });
    expect(short.status).toBe(400);
    expect(short.body.errors!.map((e) => e.path)).toEqual(['refundAccount.accountNumber']);
    const ok = await cancel(owner, order.id, { reasonId: REASON, refundAccount: account });
    expect(ok.status).toBe(201);
    expect(ok.body.refundAccount).toEqual(account);
    const approved = await call<Cancellation>(admin, 'POST', `/admin/cancellations/${ok.body.id}/approve`);
    const [refund] = await refundsOf(order.id);
    expect(refund!.id).toBe(approved.body.refundId);
    // The payout queue says where to send it: the cancellation's account is on the transaction.
    expect(refund!.transactions[0]).toMatchObject({ gateway: 'bank_transfer', status: 'pending', refundAccount: account });
  });

  it('is refunded at approval when the refund is a voucher, issued at once', async () => {
    const owner = customer();
    const order = await createOrder(owner, { paymentMethod: 'voucher' });
    const requested = await cancel(owner, order.id, { reasonId: REASON, refundAccount: account });
    const approved = await call<Cancellation>(admin, 'POST', `/admin/cancellations/${requested.body.id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'refunded', refundAmount: order.totals.total, version: 2 });
    const [refund] = await refundsOf(order.id);
    expect(refund!.transactions[0]).toMatchObject({ gateway: 'voucher', status: 'success', voucherCode: expect.any(String) });
  });

  it('refuses strangers, final or shipped orders, the policy, and unusable reasons', async () => {
    const owner = customer();
    const order = await createOrder(owner);
    expect((await cancel(customer(), order.id)).status).toBe(404);
    expect((await cancel(owner, 'ord_01NOTHERE')).status).toBe(404);
    expect((await cancel(owner, order.id, { reasonId: 'rsn_01NOTHERE' })).body.rule).toBe('reason_unknown');
    expect((await cancel(owner, order.id, { reasonId: 'rsn_retdamaged' })).status).toBe(422);
    const inactive = await call<{ id: string }>(admin, 'POST', '/admin/reasons', { kind: 'cancellation', label: `Gone ${randomUUID()}`, active: false });
    expect(inactive.status).toBe(201);
    expect((await cancel(owner, order.id, { reasonId: inactive.body.id })).status).toBe(422);
    expect((await cancel(owner, order.id, { reasonId: 'nope' })).status).toBe(400);

    for (const status of ['confirmed', 'shipped']) expect((await call(storefront, 'POST', `/orders/${order.id}/status`, { status })).status).toBe(200);
    const shipped = await cancel(owner, order.id);
    expect(shipped.status).toBe(409);
    expect(shipped.body.allowedTransitions).toEqual(['out_for_delivery', 'delivered', 'delivery_failed']);
    expect((await call(storefront, 'POST', `/orders/${order.id}/status`, { status: 'delivery_failed' })).status).toBe(200);
    // delivery_failed → cancelled is legal, but not for customers by default: the shop's policy.
    const policy = await cancel(owner, order.id);
    expect([policy.status, policy.body.rule]).toEqual([422, 'not_cancellable']);
    // …while the admin may.
    const direct = await call<Cancellation>(admin, 'POST', `/admin/orders/${order.id}/cancel`, { reasonId: REASON, comment: 'lost parcel' });
    expect(direct.status).toBe(200);
    expect(direct.body).toMatchObject({ requestedBy: 'admin', status: 'approved', comment: 'lost parcel', refundAmount: order.totals.total });
    expect((await call(admin, 'POST', `/admin/orders/${order.id}/cancel`, { reasonId: REASON })).status).toBe(409);
  });

  it("refuses an admin cancel whose If-Match is not the order's version (412), changing nothing", async () => {
    const order = await createOrder(customer());
    expect((await call(admin, 'POST', `/admin/orders/${order.id}/status`, { status: 'confirmed' })).status).toBe(200);
    const stale = await call(admin, 'POST', `/admin/orders/${order.id}/cancel`, { reasonId: REASON }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect(await getOrder(order.id)).toMatchObject({ status: 'confirmed', version: 2 });
    const current = await call<Cancellation>(admin, 'POST', `/admin/orders/${order.id}/cancel`, { reasonId: REASON }, { 'if-match': '"2"' });
    expect([current.status, current.body.status]).toEqual([200, 'approved']);
  });

  it('lets an admin cancel an unpaid order without a refund, and replays an Idempotency-Key', async () => {
    const { sku: s, order } = await stockedOrder(customer(), { paymentMethod: 'cod', paymentStatus: 'unpaid' });
    const key = { 'idempotency-key': randomUUID() };
    const [a, b] = await Promise.all([
      call<Cancellation>(admin, 'POST', `/admin/orders/${order.id}/cancel`, { reasonId: REASON }, key),
      call<Cancellation>(admin, 'POST', `/admin/orders/${order.id}/cancel`, { reasonId: REASON }, key),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(b.body.id).toBe(a.body.id);
    expect(a.body).toMatchObject({ status: 'approved', refundAmount: 0, refundId: null, requestedBy: 'admin' });
    expect(await stockOf(s)).toBe(10);
    expect(await refundsOf(order.id)).toEqual([]);
    // A later replay answers the first response, though the order is now final.
    const later = await call<Cancellation>(admin, 'POST', `/admin/orders/${order.id}/cancel`, { reasonId: REASON }, key);
    expect([later.status, later.body.id]).toEqual([200, a.body.id]);
  });

  it('replays a customer Idempotency-Key and lists by status and date, newest first', async () => {
    const owner = customer();
    const order = await createOrder(owner);
    const key = { 'idempotency-key': randomUUID() };
    const first = await cancel(owner, order.id, { reasonId: REASON }, key);
    const replay = await cancel(owner, order.id, { reasonId: REASON }, key);
    expect([first.status, replay.status]).toEqual([201, 201]);
    expect(replay.body.id).toBe(first.body.id);
    const day = first.body.createdAt.slice(0, 10);
    const today = await call<{ items: Cancellation[] }>(admin, 'GET', `/admin/cancellations?dateStart=${day}&dateEnd=${day}&limit=100`);
    expect(today.body.items.map((c) => c.id)).toContain(first.body.id);
    const dates = today.body.items.map((c) => c.createdAt);
    expect(dates).toEqual([...dates].sort().reverse());
    const past = await call<{ items: Cancellation[] }>(admin, 'GET', '/admin/cancellations?dateEnd=2000-01-01');
    expect(past.body.items).toEqual([]);
    expect((await call(admin, 'GET', '/admin/cancellations?status=nope')).status).toBe(400);
    expect((await call(owner, 'GET', '/admin/cancellations')).status).toBe(403);
  });
});
