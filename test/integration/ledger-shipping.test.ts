// The shipping deduction (setting refunds.deductShipping) through the real
// handlers and DynamoDB Local: kept back once per order, by its first refund
// with goods, never more than the shipping paid, also when returns are
// refunded at the same moment. The setting is global, so this file runs on a
// table of its own (test/support/own-table.ts), in this process.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { sum } from '#shared/domain/money';
import type { Order } from '#shared/domain/order';
import type { Refund } from '#shared/domain/refund';
import type { ReturnRequest } from '#shared/domain/return-request';
import type { Settings } from '#shared/domain/settings';
import { admin, call, createOrder, customer } from '../support/api.ts';
import { useOwnTable } from '../support/own-table.ts';
import { approve, createReturn, deliveredOrderFor, returnOf, setStatus } from '../support/returns-api.ts';

vi.hoisted(() => {
  process.env.TABLE_NAME = `own-${crypto.randomUUID()}`;
});

beforeAll(async () => {
  await useOwnTable();
  const { version: _v, updatedAt: _u, ...settings } = (await call<Settings>(admin, 'GET', '/admin/settings')).body;
  const reply = await call(admin, 'PUT', '/admin/settings', { ...settings, refunds: { ...settings.refunds, deductShipping: true } });
  expect(reply.status).toBe(200);
});

const refundsOf = async (orderId: string) => (await call<{ items: Refund[] }>(admin, 'GET', `/admin/orders/${orderId}/refunds?limit=100`)).body.items;
const kept = (refund: Refund) => 0 - sum(refund.orderAdjustments.filter((a) => a.kind === 'shipping_deduction').map((a) => a.amount));

/** total = lines + shipping + adjustments; owed = total − successful transactions. */
const expectLedgerAddsUp = (refund: Refund) => {
  const lines = sum(refund.refundLineItems.map((l) => l.subtotal + l.tax));
  expect(refund.total).toBe(lines + refund.shipping.amount + refund.shipping.tax + sum(refund.orderAdjustments.map((a) => a.amount + a.tax)));
  expect(refund.owed).toBe(refund.total - sum(refund.transactions.filter((t) => t.status === 'success').map((t) => t.amount)));
};

/** A return of one unit of the first line, walked to approved. */
const approvedReturn = async (owner: ReturnType<typeof customer>, order: Order): Promise<ReturnRequest> =>
  approve(await createReturn(owner, returnOf(order, { refundMethod: 'voucher' })));

const fourByTen = { lineItems: [{ sku: 'FOUR', title: 'Four', quantity: 4, unitPrice: 1000 }], shipping: { method: 's', amount: 700 } };

describe('shipping deduction', () => {
  it('keeps 7.00 back once when 4 × 10.00 come back one at a time: 33.00 in all, booked as shipping_deduction', async () => {
    const owner = customer();
    const order = await deliveredOrderFor(owner, fourByTen);
    const refunds: Refund[] = [];
    for (let n = 0; n < 4; n++) {
      const request = await approvedReturn(owner, order);
      const refunded = await setStatus(request.id, { status: 'refunded' });
      expect(refunded.status).toBe(200);
      const refund = (await refundsOf(order.id)).find((r) => r.id === refunded.body.refundId) as Refund;
      expect(refunded.body).toMatchObject({ refundAmount: refund.total, owed: 0, breakdown: { shippingDeduction: kept(refund) } });
      refunds.push(refund);
    }
    expect(refunds.map((r) => r.total)).toEqual([300, 1000, 1000, 1000]);
    expect(refunds.map(kept)).toEqual([700, 0, 0, 0]);
    expect(refunds.flatMap((r) => r.orderAdjustments.map((a) => a.kind))).toEqual(['shipping_deduction']);
    refunds.forEach(expectLedgerAddsUp);
    expect((await call<Order>(admin, 'GET', `/admin/orders/${order.id}`)).body.totals.refunded).toBe(3300);
  });

  it('carries what a small refund cannot keep back to the next refund with goods, never below zero', async () => {
    const owner = customer();
    const order = await deliveredOrderFor(owner, {
      lineItems: [
        { sku: 'SMALL', title: 'Small', quantity: 1, unitPrice: 500 },
        { sku: 'BIG', title: 'Big', quantity: 1, unitPrice: 2000 },
      ],
      shipping: { method: 's', amount: 700 },
    });
    const small = await approve(await createReturn(owner, returnOf(order, { refundMethod: 'voucher' })));
    expect((await setStatus(small.id, { status: 'refunded' })).body).toMatchObject({ refundAmount: 0, owed: 0 });
    const big = returnOf(order, { refundMethod: 'voucher', items: [{ lineItemId: order.lineItems[1]!.id, quantity: 1, reasonId: 'rsn_retdamaged' }] });
    const second = await approve(await createReturn(owner, big));
    expect((await setStatus(second.id, { status: 'refunded' })).body.refundAmount).toBe(1800);
    const refunds = await refundsOf(order.id);
    expect(refunds.map(kept)).toEqual([500, 200]);
    expect(refunds.map((r) => r.total)).toEqual([0, 1800]);
    refunds.forEach(expectLedgerAddsUp);
  });

  it('keeps it back once when three returns are refunded at the same moment (race)', async () => {
    const owner = customer();
    const order = await deliveredOrderFor(owner, fourByTen);
    const requests = [await approvedReturn(owner, order), await approvedReturn(owner, order), await approvedReturn(owner, order)];
    const replies = await Promise.all(requests.map((r) => setStatus(r.id, { status: 'refunded' })));
    for (const reply of replies) expect([200, 409]).toContain(reply.status);
    // A loser of every retry (409) refunds on a second try; the sum must not depend on who won.
    for (const [i, reply] of replies.entries()) if (reply.status === 409) expect((await setStatus(requests[i]!.id, { status: 'refunded' })).status).toBe(200);
    const refunds = await refundsOf(order.id);
    expect(refunds).toHaveLength(3);
    expect(sum(refunds.map(kept))).toBe(700);
    expect(sum(refunds.map((r) => r.total))).toBe(3000 - 700);
    refunds.forEach(expectLedgerAddsUp);
  });

  it('applies to a manual refund with goods, not to goodwill alone nor to a cancellation', async () => {
    const paid = await createOrder(customer(), fourByTen);
    const goodwill = await call<Refund>(admin, 'POST', `/admin/orders/${paid.id}/refunds`, { amount: 100 });
    expect(kept(goodwill.body)).toBe(0);
    const goods = await call<Refund>(admin, 'POST', `/admin/orders/${paid.id}/refunds`, {
      refundLineItems: [{ lineItemId: paid.lineItems[0]!.id, quantity: 1 }],
    });
    expect(goods.body).toMatchObject({ total: 300, orderAdjustments: [{ kind: 'shipping_deduction', amount: -700 }] });

    const cancelled = await createOrder(customer(), fourByTen);
    expect((await call(admin, 'POST', `/admin/orders/${cancelled.id}/cancel`, { reasonId: 'rsn_cxlchangedmind' })).status).toBe(200);
    const [refund] = await refundsOf(cancelled.id);
    expect(refund).toMatchObject({ total: 4700, orderAdjustments: [] });
  });
});
