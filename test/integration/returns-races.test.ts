// Concurrency of returns over real HTTP: callers racing for the same units or
// the same transition. Each race is several real requests at once; the
// invariants must hold whichever wins.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '#shared/domain/order';
import type { Refund } from '#shared/domain/refund';
import type { ReturnRequest } from '#shared/domain/return-request';
import { admin, call, customer } from '../support/api.ts';
import { approve, createReturn, deliveredOrderFor, postReturn, returnOf, setStatus } from '../support/returns-api.ts';

beforeAll(() => {
  if (!process.env.API_URL) throw new Error('API_URL is not set: run through vitest with the global setup');
});

const adminOrder = async (orderId: string) => (await call<Order>(admin, 'GET', `/admin/orders/${orderId}`)).body;
const refundsOf = async (orderId: string) => (await call<{ items: Refund[] }>(admin, 'GET', `/admin/orders/${orderId}/refunds?limit=100`)).body.items;

describe('returns under concurrency', () => {
  it('lets only as many returns as there are units through, however many race', async () => {
    const owner = customer();
    const order = await deliveredOrderFor(owner);
    const replies = await Promise.all(Array.from({ length: 6 }, () => postReturn(owner, returnOf(order, {}, 1))));
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 201, 201, 422, 422, 422]);
    expect(replies.filter((r) => r.status === 422).every((r) => r.body.rule === 'quantity_exceeds_returnable')).toBe(true);
    expect((await adminOrder(order.id)).lineItems[0]?.returnedQuantity).toBe(3);
    expect((await call<{ items: ReturnRequest[] }>(owner, 'GET', '/returns')).body.items).toHaveLength(3);
  });

  it('creates one return for two requests racing with the same Idempotency-Key', async () => {
    const owner = customer();
    const order = await deliveredOrderFor(owner);
    const key = { 'idempotency-key': randomUUID() };
    const replies = await Promise.all([postReturn(owner, returnOf(order, {}, 2), key), postReturn(owner, returnOf(order, {}, 2), key)]);
    expect(replies.map((r) => r.status)).toEqual([201, 201]);
    expect(replies[1]?.body.id).toBe(replies[0]?.body.id);
    expect((await call<{ items: ReturnRequest[] }>(owner, 'GET', '/returns')).body.items).toHaveLength(1);
    expect((await adminOrder(order.id)).lineItems[0]?.returnedQuantity).toBe(2);
  });

  it('never lets a return and a refund for the same units take out more than was bought', async () => {
    for (let round = 0; round < 4; round++) {
      const owner = customer();
      const order = await deliveredOrderFor(owner, { lineItems: [{ sku: 'RACE-1', title: 'Racer', quantity: 2, unitPrice: 1500 }] });
      const line = order.lineItems[0]!;
      const [ret, refund] = await Promise.all([
        postReturn(owner, returnOf(order, { refundMethod: 'card' }, 2)),
        call<Refund & { rule?: string }>(admin, 'POST', `/admin/orders/${order.id}/refunds`, { refundLineItems: [{ lineItemId: line.id, quantity: 2 }] }),
      ]);
      expect(refund.status).toBe(201);
      expect([201, 422]).toContain(ret.status);
      if (ret.status === 422) expect(ret.body.rule).toBe('quantity_exceeds_returnable');
      if (ret.status === 201) {
        // The refund took the units while the return held them: the return can never be refunded on top.
        await approve(ret.body);
        const late = await setStatus(ret.body.id, { status: 'refunded' });
        expect([late.status, (late.body as { rule?: string }).rule]).toEqual([422, 'quantity_exceeds_refundable']);
        expect((await call<ReturnRequest>(admin, 'GET', `/admin/returns/${ret.body.id}`)).body.status).toBe('approved');
      }
      const after = await adminOrder(order.id);
      expect(after.lineItems[0]?.refundedQuantity).toBe(2);
      expect(after.totals.refunded).toBe(3000);
      expect(await refundsOf(order.id)).toHaveLength(1);
      const lines = (await call<{ items: { returnable: number }[] }>(owner, 'GET', `/orders/${order.id}/returnable-items`)).body.items;
      expect(lines[0]?.returnable).toBe(0);
    }
  });

  it('refunds a return once when it races a manual refund of the same units', async () => {
    const owner = customer();
    const order = await deliveredOrderFor(owner, { lineItems: [{ sku: 'RACE-2', title: 'Racer', quantity: 2, unitPrice: 1500 }] });
    const request = await createReturn(owner, returnOf(order, { refundMethod: 'card' }, 2));
    await approve(request);
    const [byReturn, manual] = await Promise.all([
      setStatus(request.id, { status: 'refunded' }),
      call<{ rule?: string }>(admin, 'POST', `/admin/orders/${order.id}/refunds`, { refundLineItems: [{ lineItemId: order.lineItems[0]!.id, quantity: 2 }] }),
    ]);
    // Exactly one of them refunds the two units; the other is refused by the quantity rule.
    const outcome = [byReturn.status, manual.status];
    expect([
      [200, 422],
      [422, 201],
    ]).toContainEqual(outcome);
    const loser = byReturn.status === 200 ? manual : byReturn;
    expect((loser.body as { rule?: string }).rule).toBe('quantity_exceeds_refundable');
    expect((await call<ReturnRequest>(admin, 'GET', `/admin/returns/${request.id}`)).body.status).toBe(byReturn.status === 200 ? 'refunded' : 'approved');
    const after = await adminOrder(order.id);
    expect(after.lineItems[0]?.refundedQuantity).toBe(2);
    expect(after.totals.refunded).toBe(3000);
    expect(await refundsOf(order.id)).toHaveLength(1);
  });

  it('lets one of two admins racing the same transition win; the other gets a 409', async () => {
    const owner = customer();
    const order = await deliveredOrderFor(owner);
    const request = await createReturn(owner, returnOf(order, {}, 2));
    const replies = await Promise.all([setStatus(request.id, { status: 'picked_up' }), setStatus(request.id, { status: 'picked_up' })]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
    const current = (await call<ReturnRequest>(admin, 'GET', `/admin/returns/${request.id}`)).body;
    expect(current.statusHistory.map((h) => h.status)).toEqual(['new', 'picked_up']);
    expect(current.version).toBe(2);
  });

  it('refunds once when two admins mark the same return refunded at once', async () => {
    const owner = customer();
    for (let round = 0; round < 3; round++) {
      const order = await deliveredOrderFor(owner);
      const request = await createReturn(owner, returnOf(order, {}, 2));
      await approve(request);
      const replies = await Promise.all([setStatus(request.id, { status: 'refunded' }), setStatus(request.id, { status: 'refunded' })]);
      expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(await refundsOf(order.id)).toHaveLength(1);
      const after = await adminOrder(order.id);
      expect([after.lineItems[0]?.refundedQuantity, after.totals.refunded]).toEqual([2, 2000]);
    }
  });

  it('cancels once when the customer withdraws while an admin picks it up', async () => {
    const owner = customer();
    const order = await deliveredOrderFor(owner);
    const request = await createReturn(owner, returnOf(order, {}, 3));
    const [withdrawn, picked] = await Promise.all([call(owner, 'POST', `/returns/${request.id}/cancel`), setStatus(request.id, { status: 'picked_up' })]);
    expect([withdrawn.status, picked.status].sort()).toEqual([200, 409]);
    const line = (await adminOrder(order.id)).lineItems[0]!;
    // Released exactly when (and only when) the withdrawal won.
    expect(line.returnedQuantity).toBe(withdrawn.status === 200 ? 0 : 3);
  });
});
