// What a refund owes and new attempts after a failure, end to end over real
// HTTP and DynamoDB Local: retries by another gateway, the cancellation and
// the return a refund pays for, replays, and racing settle/retry calls.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cancellation } from '#shared/domain/cancellation';
import { sum } from '#shared/domain/money';
import type { Order } from '#shared/domain/order';
import type { Refund } from '#shared/domain/refund';
import type { ReturnRequest } from '#shared/domain/return-request';
import { admin, call, createOrder, customer } from '../support/api.ts';
import { approve, createReturn, deliveredOrderFor, returnOf, setStatus } from '../support/returns-api.ts';

type Problem = { errors: { path: string }[] };
const IBAN = 'DE89370400440532013000';
const attempts = (refundId: string) => `/admin/refunds/${refundId}/transactions`;
const settle = (refundId: string, txnId: string, body: { status: 'success' | 'failure'; errorCode?: string }) =>
  call<Refund>(admin, 'POST', `${attempts(refundId)}/${txnId}`, body);
const retry = (refundId: string, body: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  call<Refund & Problem>(admin, 'POST', attempts(refundId), body, headers);
const getRefund = async (orderId: string, refundId: string) => (await call<Refund>(admin, 'GET', `/admin/orders/${orderId}/refunds/${refundId}`)).body;

/** Whether the cancellation is listed under `status` (there is no single-cancellation route on this branch's base). */
const listedAs = async (cancellationId: string, status: string): Promise<boolean> => {
  let cursor: string | null = null;
  do {
    const page: { items: Cancellation[]; nextCursor: string | null } = (
      await call<{ items: Cancellation[]; nextCursor: string | null }>(
        admin,
        'GET',
        `/admin/cancellations?status=${status}&limit=100${cursor ? `&cursor=${cursor}` : ''}`,
      )
    ).body;
    if (page.items.some((c) => c.id === cancellationId)) return true;
    cursor = page.nextCursor;
  } while (cursor);
  return false;
};

/** Σ successful transactions ≤ total; owed = total − that, never negative; at most one pending. */
const expectConsistent = (refund: Refund) => {
  const paid = sum(refund.transactions.filter((t) => t.status === 'success').map((t) => t.amount));
  expect(paid).toBeLessThanOrEqual(refund.total);
  expect(refund.owed).toBe(refund.total - paid);
  expect(refund.owed).toBeGreaterThanOrEqual(0);
  expect(refund.transactions.filter((t) => t.status === 'pending').length).toBeLessThanOrEqual(1);
};

/** A card refund of `amount` on a new order, its transaction failed. */
const failedRefund = async (amount = 6050): Promise<Refund> => {
  const order = await createOrder(customer());
  const created = await call<Refund>(admin, 'POST', `/admin/orders/${order.id}/refunds`, { amount });
  expect(created.status).toBe(201);
  const failed = await settle(created.body.id, created.body.transactions[0]!.id, { status: 'failure', errorCode: 'expired_card' });
  expect(failed.status).toBe(200);
  return failed.body;
};

describe('refund attempts', () => {
  it('retries what is owed by bank transfer (an account required), 409 while pending and once nothing is owed', async () => {
    const refund = await failedRefund();
    const order = await call<Order>(admin, 'GET', `/admin/orders/${refund.orderId}`);
    const noAccount = await retry(refund.id, { gateway: 'bank_transfer' });
    expect(noAccount.status).toBe(400);
    expect(noAccount.body.errors.map((e) => e.path).sort()).toEqual(['iban', 'refundAccount']);
    expect((await retry(refund.id, { gateway: 'bank_transfer', iban: 'DE00123' })).status).toBe(400);

    const opened = await retry(refund.id, { gateway: 'bank_transfer', iban: IBAN });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ id: refund.id, owed: 6050, version: refund.version + 1 });
    expect(opened.body.transactions[1]).toMatchObject({ amount: 6050, gateway: 'bank_transfer', status: 'pending', iban: IBAN });
    expect(opened.headers.get('etag')).toBe(`"${refund.version + 1}"`);
    expect((await retry(refund.id, { gateway: 'voucher' })).status).toBe(409);

    const paid = await settle(refund.id, opened.body.transactions[1]!.id, { status: 'success' });
    expect(paid.body.owed).toBe(0);
    expect((await retry(refund.id, { gateway: 'voucher' })).status).toBe(409);
    expectConsistent(await getRefund(refund.orderId, refund.id));
    // The order counted the refund once, and a retry never moved it.
    expect((await call<Order>(admin, 'GET', `/admin/orders/${refund.orderId}`)).body).toMatchObject({
      totals: { refunded: 6050 },
      version: order.body.version,
    });
    expect((await retry('rfd_01NOTHERE', { gateway: 'voucher' })).status).toBe(404);
  });

  it('replays an Idempotency-Key: one new attempt, the same answer', async () => {
    const refund = await failedRefund(700);
    const key = { 'idempotency-key': randomUUID() };
    const [a, b] = await Promise.all([retry(refund.id, { gateway: 'card' }, key), retry(refund.id, { gateway: 'card' }, key)]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body).toEqual(a.body);
    expect((await getRefund(refund.orderId, refund.id)).transactions).toHaveLength(2);
  });

  it('makes a cancellation refunded when a voucher pays what its failed card refund owed', async () => {
    const owner = customer();
    const order = await createOrder(owner);
    const requested = await call<Cancellation>(owner, 'POST', `/orders/${order.id}/cancellation`, { reasonId: 'rsn_cxlchangedmind' });
    expect(requested.status).toBe(201);
    const approved = await call<Cancellation>(admin, 'POST', `/admin/cancellations/${requested.body.id}/approve`);
    expect(approved.body.status).toBe('approved');
    const refund = await getRefund(order.id, approved.body.refundId!);
    await settle(refund.id, refund.transactions[0]!.id, { status: 'failure', errorCode: 'card_declined' });
    expect(await listedAs(requested.body.id, 'approved')).toBe(true);

    const voucher = await retry(refund.id, { gateway: 'voucher' });
    expect(voucher.status).toBe(201);
    expect(voucher.body.transactions[1]).toMatchObject({ gateway: 'voucher', status: 'success', voucherCode: expect.any(String) });
    expect(voucher.body.owed).toBe(0);
    expect(await listedAs(requested.body.id, 'refunded')).toBe(true);
  });

  it('shows a return its refund’s owed, while the return stays refunded', async () => {
    const owner = customer();
    const order = await deliveredOrderFor(owner);
    const request = await approve(await createReturn(owner, returnOf(order, { refundMethod: 'card' })));
    const refunded = await setStatus(request.id, { status: 'refunded' });
    expect(refunded.body).toMatchObject({ status: 'refunded', owed: 1000 });
    const refund = await getRefund(order.id, refunded.body.refundId!);
    await settle(refund.id, refund.transactions[0]!.id, { status: 'failure', errorCode: 'card_declined' });
    expect((await call<ReturnRequest>(owner, 'GET', `/returns/${request.id}`)).body).toMatchObject({ status: 'refunded', owed: 1000 });
    const opened = await retry(refund.id, { gateway: 'bank_transfer', refundAccount: { accountName: 'Ada', accountNumber: '12345678', bankName: 'Bank' } });
    await settle(refund.id, opened.body.transactions[1]!.id, { status: 'success' });
    expect((await call<ReturnRequest>(owner, 'GET', `/returns/${request.id}`)).body).toMatchObject({ status: 'refunded', owed: 0 });
  });

  it('racing settle and retry calls never pay out more than the total nor leave a negative owed (property)', async () => {
    const refund = await failedRefund(2500);
    const call = fc.oneof(
      fc.record({ op: fc.constant('retry' as const), gateway: fc.constantFrom('card', 'bank_transfer', 'voucher') }),
      fc.record({ op: fc.constant('settle' as const), status: fc.constantFrom('success' as const, 'failure' as const) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(call, { minLength: 2, maxLength: 6 }), async (calls) => {
        const current = await getRefund(refund.orderId, refund.id);
        const last = current.transactions.at(-1)!;
        const replies = await Promise.all(
          calls.map((c) => (c.op === 'retry' ? retry(refund.id, { gateway: c.gateway, iban: IBAN }) : settle(refund.id, last.id, { status: c.status }))),
        );
        for (const reply of replies) expect([200, 201, 409]).toContain(reply.status);
        // At most one new attempt per round: they all race for the same refund version.
        expect(replies.filter((r) => r.status === 201).length).toBeLessThanOrEqual(1);
        expectConsistent(await getRefund(refund.orderId, refund.id));
      }),
      { numRuns: 12, endOnFailure: true },
    );
  });
});
