// A return request end to end over real HTTP: the customer's request, the
// admin's walk from new to refunded with per-item verification and the
// package check, the Refund it creates, and the order counters it moves.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '#shared/domain/order';
import type { Refund } from '#shared/domain/refund';
import type { NextStatuses, ReturnRequest } from '#shared/domain/return-request';
import { admin, call, customer } from '../support/api.ts';
import { inbox } from '../support/notify.ts';
import { DAMAGED } from '../support/returns.ts';
import { approve, createReturn, deliveredOrderFor, postReturn, returnable, returnOf, setStatus, verifyItem, walk } from '../support/returns-api.ts';

beforeAll(() => {
  if (!process.env.API_URL) throw new Error('API_URL is not set: run through vitest with the global setup');
});

const adminOrder = async (orderId: string) => (await call<Order>(admin, 'GET', `/admin/orders/${orderId}`)).body;

/** Polls the local SES inbox until `count` emails arrived (the stream consumer is asynchronous). */
const waitForMail = async (to: string, count: number, timeoutMs = 15_000) => {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const mails = await inbox(to);
    if (mails.length >= count || Date.now() > until) return mails;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
};

describe('a return from new to refunded', () => {
  it('walks new → picked_up → pending_verification → verified → package → partially_approved → refunded', async () => {
    // Arrange: mug 3 × 1000 − 300 + 300 (1000 a unit), T-shirt 2500; shipping 500 + 50 tax; paid by card.
    const owner = customer();
    const order = await deliveredOrderFor(owner);
    const [mug, tee] = order.lineItems as [Order['lineItems'][number], Order['lineItems'][number]];
    const before = await returnable(owner, order);
    expect(before.map((l) => [l.lineItemId, l.purchased, l.refunded, l.inOpenReturns, l.returnable, l.excluded])).toEqual([
      [mug.id, 3, 0, 0, 3, false],
      [tee.id, 1, 0, 0, 1, false],
    ]);
    expect(Date.parse(before[0]!.deadline!) - Date.parse(order.deliveredAt!)).toBeGreaterThanOrEqual(30 * 86_400_000);

    // Act 1: the customer asks, with an Idempotency-Key.
    const key = { 'idempotency-key': randomUUID() };
    const body = returnOf(order, {
      items: [
        { lineItemId: mug.id, quantity: 2, reasonId: DAMAGED.id, reasonText: 'chipped', condition: 'used' },
        { lineItemId: tee.id, quantity: 1, reasonId: 'rsn_retdoesntfit' },
      ],
      refundMethod: 'voucher',
      extraComment: 'Please pick up after 5pm',
    });
    const created = await postReturn(owner, body, key);
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    const request = created.body;
    expect(request).toMatchObject({
      orderId: order.id,
      customerId: owner.sub,
      status: 'new',
      refundMethod: 'voucher',
      customer: { name: order.customer.name, email: owner.email, phone: null },
      pickupAddress: order.shippingAddress,
      extraComment: 'Please pick up after 5pm',
      refundAmount: null,
      refundId: null,
      voucherCode: null,
      comments: [],
      version: 1,
    });
    expect(request.id).toMatch(/^ret_/);
    // Customers read who acted as customer, shop or carrier, never an id.
    expect(request.statusHistory).toEqual([{ status: 'new', at: request.createdAt, submittedBy: 'customer' }]);
    expect(request.items.map((i) => [i.lineItemId, i.quantity, i.unitPrice, i.goodQuantity, i.status])).toEqual([
      [mug.id, 2, 1000, null, 'new'],
      [tee.id, 1, 2500, null, 'new'],
    ]);
    // The same key and body answers the first response; another body with it is a 422.
    const replay = await postReturn(owner, body, key);
    expect([replay.status, replay.body.id]).toEqual([201, request.id]);
    expect((await postReturn(owner, { ...body, extraComment: 'other' }, key)).status).toBe(422);
    // The units are claimed on the order.
    const claimed = await returnable(owner, order);
    expect(claimed.map((l) => [l.inOpenReturns, l.returnable])).toEqual([
      [2, 1],
      [1, 0],
    ]);
    expect((await adminOrder(order.id)).lineItems.map((l) => l.returnedQuantity)).toEqual([2, 1]);
    expect((await call<{ items: ReturnRequest[] }>(owner, 'GET', '/returns')).body.items.map((r) => r.id)).toEqual([request.id]);

    // Act 2: the admin walks it; If-Match is honoured.
    const stale = await setStatus(request.id, { status: 'picked_up' }, { 'if-match': '"7"' });
    expect(stale.status).toBe(412);
    const picked = await setStatus(request.id, { status: 'picked_up' }, { 'if-match': '"1"' });
    expect([picked.status, picked.body.status, picked.headers.get('etag')]).toEqual([200, 'picked_up', '"2"']);
    expect((await verifyItem(request.id, mug.id, { goodQuantity: 1 })).status).toBe(409);
    const skip = await setStatus(request.id, { status: 'approved' });
    expect([skip.status, skip.body.allowedTransitions]).toEqual([409, ['pending_verification']]);
    await walk(request.id, 'pending_verification');
    const checking = await call<NextStatuses>(admin, 'GET', `/admin/returns/${request.id}/next-statuses`);
    expect(checking.body).toEqual({
      status: 'pending_verification',
      nextStatuses: [],
      requiredSteps: [
        { lineItemId: mug.id, sku: mug.sku, title: mug.title, info: 'Verification required', status: 'new' },
        { lineItemId: tee.id, sku: tee.sku, title: tee.title, info: 'Verification required', status: 'new' },
      ],
    });
    const early = await setStatus(request.id, { status: 'approved' });
    expect([early.status, early.body.allowedTransitions]).toEqual([409, []]);
    const earlyPackage = await call<{ rule: string }>(admin, 'POST', `/admin/returns/${request.id}/verify-package`, { restockFee: 0 });
    expect([earlyPackage.status, earlyPackage.body.rule]).toEqual([422, 'items_not_verified']);

    // Act 3: per-item verification; the item status follows goodQuantity.
    const tooMany = await verifyItem(request.id, mug.id, { goodQuantity: 3 });
    expect([tooMany.status, tooMany.body.rule]).toEqual([422, 'good_quantity_exceeds_quantity']);
    expect((await verifyItem(request.id, mug.id, { goodQuantity: -1 })).status).toBe(400);
    expect((await verifyItem(request.id, 'li_NOTINRETURN', { goodQuantity: 1 })).status).toBe(404);
    const mugOk = await verifyItem(request.id, mug.id, { goodQuantity: 2, condition: 'as new' });
    expect(mugOk.body.items[0]).toMatchObject({ goodQuantity: 2, condition: 'as new', status: 'approved' });
    const teeBad = await verifyItem(request.id, tee.id, { goodQuantity: 0, condition: 'torn' });
    expect(teeBad.body.items[1]).toMatchObject({ goodQuantity: 0, condition: 'torn', status: 'denied' });
    const implied = await call<NextStatuses>(admin, 'GET', `/admin/returns/${request.id}/next-statuses`);
    expect(implied.body).toMatchObject({ nextStatuses: ['partially_approved'], requiredSteps: [] });

    // Act 4: the package: fee bounded by the good items (2000), shipping by what is left (500).
    const path = `/admin/returns/${request.id}/verify-package`;
    expect((await call<{ rule: string }>(admin, 'POST', path, { restockFee: 2001 })).body.rule).toBe('restock_fee_exceeds_value');
    expect((await call<{ rule: string }>(admin, 'POST', path, { refundedShipping: 501 })).body.rule).toBe('refunded_shipping_exceeds_shipping');
    expect((await call(admin, 'POST', path, { restockFee: 1.5 })).status).toBe(400);
    const pkg = await call<ReturnRequest>(admin, 'POST', path, { restockFee: 100, refundedShipping: 500 });
    expect(pkg.status).toBe(200);
    // API.md: Σ good units at their paid value + refundedShipping − restockFee: 2 × 1000 + 500 − 100 (the shipping's 50 tax stays out)
    expect(pkg.body).toMatchObject({ restockFee: 100, refundedShipping: 500, refundAmount: 2400 });
    expect(pkg.body.breakdown).toMatchObject({
      items: [
        { lineItemId: mug.id, goodQuantity: 2, unitValues: [1000, 1000], amount: 2000 },
        { lineItemId: tee.id, goodQuantity: 0, unitValues: [], amount: 0 },
      ],
      itemsTotal: 2000,
      refundedShipping: 500,
      restockFee: 100,
      shippingDeduction: 0,
      refundAmount: 2400,
    });

    // Act 5: only the implied status; approval gives the bad T-shirt back to its line.
    const wrong = await setStatus(request.id, { status: 'approved' });
    expect([wrong.status, wrong.body.allowedTransitions]).toEqual([409, ['partially_approved']]);
    await walk(request.id, 'partially_approved');
    expect((await adminOrder(order.id)).lineItems.map((l) => l.returnedQuantity)).toEqual([2, 0]);
    const refunded = await setStatus(request.id, { status: 'refunded' });

    // Assert: the request, the Refund it created, and the order.
    expect(refunded.status).toBe(200);
    expect(refunded.body).toMatchObject({ status: 'refunded', refundAmount: 2400 });
    expect(refunded.body.refundId).toMatch(/^rfd_/);
    expect(refunded.body.voucherCode).toMatch(/^[0-9A-Z]{20}$/);
    expect(refunded.body.statusHistory.map((h) => [h.status, h.submittedBy])).toEqual([
      ['new', `customer:${owner.sub}`],
      ['picked_up', 'admin:admin-1'],
      ['pending_verification', 'admin:admin-1'],
      ['partially_approved', 'admin:admin-1'],
      ['refunded', 'admin:admin-1'],
    ]);
    const refund = (await call<Refund>(admin, 'GET', `/admin/orders/${order.id}/refunds/${refunded.body.refundId}`)).body;
    expect(refund).toMatchObject({
      total: 2400,
      source: { type: 'return', id: request.id },
      shipping: { amount: 500, tax: 0 },
      refundLineItems: [{ lineItemId: mug.id, quantity: 2 }],
      orderAdjustments: [{ kind: 'restock_fee', amount: -100 }],
      transactions: [{ amount: 2400, gateway: 'voucher', status: 'success', voucherCode: refunded.body.voucherCode }],
    });
    const after = await adminOrder(order.id);
    expect(after.lineItems.map((l) => [l.refundedQuantity, l.returnedQuantity])).toEqual([
      [2, 2],
      [0, 0],
    ]);
    expect([after.totals.refunded, after.paymentStatus]).toEqual([2400, 'partially_refunded']);
    // The refunded mugs are neither returnable again nor "in open returns"; the T-shirt is free again.
    expect((await returnable(owner, order)).map((l) => [l.refunded, l.inOpenReturns, l.returnable])).toEqual([
      [2, 0, 1],
      [0, 0, 1],
    ]);
    const final = await setStatus(request.id, { status: 'cancelled' });
    expect([final.status, final.body.allowedTransitions]).toEqual([409, []]);
    // Every status change emailed the customer (4 changes after creation).
    const mails = await waitForMail(owner.email, 4);
    expect(mails.length).toBeGreaterThanOrEqual(4);
    // ~30 sequential requests and an email wait: a busy 2-core machine needs more than the default 30 s.
  }, 90_000);

  it('refunds 3 units of a line worth 1000 as 334 + 333 + 333, with a card transaction pending', async () => {
    const owner = customer();
    const order = await deliveredOrderFor(owner, {
      lineItems: [{ sku: `THIRDS-${randomUUID()}`, title: 'Thirds', quantity: 3, unitPrice: 400, discount: 201, tax: 1 }],
      shipping: { method: 'standard', amount: 0 },
    });
    const request = await createReturn(owner, returnOf(order, { refundMethod: 'card' }, 3));
    await approve(request);
    const pkg = await call<ReturnRequest>(admin, 'POST', `/admin/returns/${request.id}/verify-package`, {});
    expect(pkg.body.breakdown?.items[0]?.unitValues).toEqual([334, 333, 333]);
    expect(pkg.body.refundAmount).toBe(1000);
    const refunded = await setStatus(request.id, { status: 'refunded' });
    expect(refunded.body).toMatchObject({ status: 'refunded', refundAmount: 1000, voucherCode: null });
    const refund = (await call<Refund>(admin, 'GET', `/admin/orders/${order.id}/refunds/${refunded.body.refundId}`)).body;
    expect(refund.refundLineItems[0]!.subtotal + refund.refundLineItems[0]!.tax).toBe(1000);
    expect(refund.transactions).toMatchObject([{ gateway: 'card', status: 'pending', amount: 1000 }]);
    expect((await adminOrder(order.id)).paymentStatus).toBe('refunded');
  });

  it('refunds without a package check (no fee, no shipping), to a bank account', async () => {
    const owner = customer();
    const order = await deliveredOrderFor(owner);
    const request = await createReturn(
      owner,
      returnOf(order, { refundMethod: 'bank_transfer', iban: 'GB82 WEST 1234 5698 7654 32', accountHolder: 'Ada Lovelace' }, 1),
    );
    expect([request.iban, request.accountHolder]).toEqual(['GB82WEST12345698765432', 'Ada Lovelace']);
    await approve(request);
    const refunded = await setStatus(request.id, { status: 'refunded' });
    expect(refunded.body).toMatchObject({ status: 'refunded', refundAmount: 1000, breakdown: { restockFee: 0, refundedShipping: 0, refundAmount: 1000 } });
    const refund = (await call<Refund>(admin, 'GET', `/admin/orders/${order.id}/refunds/${refunded.body.refundId}`)).body;
    // The payout queue says where to send it: the request's IBAN is on the transaction.
    expect(refund.transactions).toMatchObject([{ gateway: 'bank_transfer', status: 'pending', amount: 1000, iban: 'GB82WEST12345698765432' }]);
  });

  it('takes a refund-only request straight from new to pending_verification', async () => {
    const owner = customer();
    const order = await deliveredOrderFor(owner);
    const request = await createReturn(owner, returnOf(order));
    const moved = await setStatus(request.id, { status: 'pending_verification' });
    expect(moved.status).toBe(200);
    expect(moved.body.statusHistory.map((h) => h.status)).toEqual(['new', 'pending_verification']);
  });

  it('denies with a reason, and gives the units back', async () => {
    const owner = customer();
    const order = await deliveredOrderFor(owner);
    const request = await createReturn(owner, returnOf(order, {}, 3));
    expect((await returnable(owner, order))[0]?.returnable).toBe(0);
    const noReason = await setStatus(request.id, { status: 'denied' });
    expect([noReason.status, noReason.body.errors]).toEqual([400, [{ path: 'rejectionReason', message: expect.any(String) }]]);
    const denied = await setStatus(request.id, { status: 'denied', rejectionReason: 'Outside the policy' });
    expect(denied.status).toBe(200);
    expect(denied.body).toMatchObject({ status: 'denied', rejectionReason: 'Outside the policy' });
    expect((await returnable(owner, order))[0]).toMatchObject({ inOpenReturns: 0, returnable: 3 });
    expect((await setStatus(request.id, { status: 'picked_up' })).body.allowedTransitions).toEqual([]);
  });

  it('denies after verifying nothing good, the only status then allowed', async () => {
    const owner = customer();
    const order = await deliveredOrderFor(owner);
    const request = await createReturn(owner, returnOf(order, {}, 2));
    await walk(request.id, 'picked_up', 'pending_verification');
    await verifyItem(request.id, order.lineItems[0]!.id, { goodQuantity: 0 });
    expect((await setStatus(request.id, { status: 'partially_approved' })).body.allowedTransitions).toEqual(['denied']);
    const denied = await setStatus(request.id, { status: 'denied', rejectionReason: 'Both broken by the customer' });
    expect(denied.body.status).toBe('denied');
    expect((await adminOrder(order.id)).lineItems[0]?.returnedQuantity).toBe(0);
  });
});
