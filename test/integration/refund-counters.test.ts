// The refund counters on the order item (shared/domain/refund-counters.ts)
// under attack: refunds, returns, return refunds and a cancellation racing on
// one order must leave counters equal to what the ledger counts; a
// cancellation approved after its order moved must not plan on the copy the
// request kept. The shipping deduction is switched on (a global setting), so
// this file runs on a table of its own (test/support/own-table.ts).
import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db, TABLE_NAME } from '#shared/adapters/dynamo';
import { KEY } from '#shared/adapters/keys';
import type { Cancellation } from '#shared/domain/cancellation';
import { sum } from '#shared/domain/money';
import type { Order } from '#shared/domain/order';
import type { Refund } from '#shared/domain/refund';
import { countRefunds, type RefundCounters } from '#shared/domain/refund-counters';
import type { Settings } from '#shared/domain/settings';
import { admin, call, createOrder, customer, storefront } from '../support/api.ts';
import { useOwnTable } from '../support/own-table.ts';
import { approve, createReturn, deliveredOrderFor, postReturn, returnOf, setStatus } from '../support/returns-api.ts';

vi.hoisted(() => {
  process.env.TABLE_NAME = `own-${crypto.randomUUID()}`;
});

beforeAll(async () => {
  await useOwnTable();
  const { version: _v, updatedAt: _u, ...settings } = (await call<Settings>(admin, 'GET', '/admin/settings')).body;
  expect((await call(admin, 'PUT', '/admin/settings', { ...settings, refunds: { ...settings.refunds, deductShipping: true } })).status).toBe(200);
});

const refundsOf = async (orderId: string) => (await call<{ items: Refund[] }>(admin, 'GET', `/admin/orders/${orderId}/refunds?limit=100`)).body.items;
const getOrder = async (id: string) => (await call<Order>(admin, 'GET', `/admin/orders/${id}`)).body;
const storedCounters = async (orderId: string): Promise<RefundCounters | undefined> =>
  (await db.send(new GetCommand({ TableName: TABLE_NAME, Key: KEY.order(orderId), ConsistentRead: true }))).Item?.refundCounters;
const kept = (refunds: readonly Refund[]) =>
  -sum(refunds.flatMap((r) => r.orderAdjustments.filter((a) => a.kind === 'shipping_deduction').map((a) => a.amount)));

/** What the order item says equals what its ledger counts, and no unit or cent left twice. */
const expectCountersMatchLedger = async (order: Order) => {
  const refunds = await refundsOf(order.id);
  expect(await storedCounters(order.id)).toEqual(countRefunds(refunds));
  const after = await getOrder(order.id);
  expect(after.totals.refunded).toBe(sum(refunds.map((r) => r.total)));
  expect(after.totals.refunded).toBeLessThanOrEqual(order.totals.total);
  expect(kept(refunds)).toBeLessThanOrEqual(order.shipping.amount);
  for (const line of after.lineItems) {
    const refunded = sum(refunds.flatMap((r) => r.refundLineItems.filter((l) => l.lineItemId === line.id).map((l) => l.quantity)));
    expect(line.refundedQuantity).toBe(refunded);
    expect(refunded).toBeLessThanOrEqual(line.quantity);
  }
  return { refunds, after };
};

const sixByTen = { lineItems: [{ sku: 'SIX', title: 'Six', quantity: 6, unitPrice: 1000 }], shipping: { method: 's', amount: 700, tax: 70 } };

describe('refund counters on the order', () => {
  it('agree with the ledger after refunds, returns and return refunds race on one order', async () => {
    const owner = customer();
    const order = await deliveredOrderFor(owner, sixByTen);
    const line = order.lineItems[0]!.id;
    const refunded = await approve(await createReturn(owner, returnOf(order, { refundMethod: 'voucher' })));
    await Promise.all([
      setStatus(refunded.id, { status: 'refunded' }),
      ...Array.from({ length: 3 }, () => call(admin, 'POST', `/admin/orders/${order.id}/refunds`, { refundLineItems: [{ lineItemId: line, quantity: 1 }] })),
      call(admin, 'POST', `/admin/orders/${order.id}/refunds`, { shipping: { amount: 300 } }),
      ...Array.from({ length: 3 }, () => postReturn(owner, returnOf(order, { refundMethod: 'voucher' }))),
    ]);
    const { refunds, after } = await expectCountersMatchLedger(order);
    expect(refunds.some((r) => r.source.type === 'return')).toBe(true);
    // Units refunded through returns came back in those returns: they stay counted in returnedQuantity.
    const counters = (await storedCounters(order.id)) as RefundCounters;
    expect(counters.returnUnits[line]).toBe(1);
    expect(after.lineItems[0]!.returnedQuantity).toBeGreaterThanOrEqual(1);
    expect(kept(refunds)).toBe(refunds.some((r) => r.refundLineItems.length > 0) ? 700 : 0);
  });

  it('agree with the ledger when a cancellation is approved while manual refunds race it', async () => {
    const owner = customer();
    const sku = `CNT-${randomUUID().slice(0, 8)}`;
    expect((await call(admin, 'PUT', `/admin/stock/${sku}`, { quantity: 10 })).status).toBe(200);
    const order = await createOrder(owner, { lineItems: [{ sku, title: 'Lamp', quantity: 4, unitPrice: 2000 }], shipping: { method: 's', amount: 500 } });
    expect((await call(storefront, 'POST', `/orders/${order.id}/status`, { status: 'confirmed' })).status).toBe(200);
    const requested = await call<Cancellation>(owner, 'POST', `/orders/${order.id}/cancellation`, { reasonId: 'rsn_cxlchangedmind' });
    expect(requested.status).toBe(201);
    const line = order.lineItems[0]!.id;
    const [approved] = await Promise.all([
      call<Cancellation>(admin, 'POST', `/admin/cancellations/${requested.body.id}/approve`),
      ...Array.from({ length: 3 }, () =>
        call(admin, 'POST', `/admin/orders/${order.id}/refunds`, {
          refundLineItems: [{ lineItemId: line, quantity: 1 }],
          shipping: { amount: 100 },
          restock: true,
        }),
      ),
    ]);
    expect(approved.status).toBe(200);
    const { refunds, after } = await expectCountersMatchLedger(order);
    // The cancellation refunds everything the others left: together what was paid, less the shipping kept back once.
    expect(after.status).toBe('cancelled');
    expect(after.totals.refunded).toBe(order.totals.total - kept(refunds));
    expect(refunds.filter((r) => r.source.type === 'cancellation')).toHaveLength(1);
    expect((await storedCounters(order.id))?.shipping.amount).toBe(500);
    // Every unit is back in stock once: by a restocking refund or by the cancellation's.
    expect((await call<{ quantity: number }>(admin, 'GET', `/admin/stock/${sku}`)).body.quantity).toBe(10);
  });

  it('plans an approval on the order itself when the order moved after the request', async () => {
    const owner = customer();
    const order = await createOrder(owner, {
      lineItems: [{ sku: 'MOVE', title: 'Mug', quantity: 3, unitPrice: 1000 }],
      shipping: { method: 's', amount: 400 },
    });
    const requested = await call<Cancellation>(owner, 'POST', `/orders/${order.id}/cancellation`, { reasonId: 'rsn_cxlchangedmind' });
    expect(requested.status).toBe(201);
    // The copy kept with the request is now one version behind.
    const partial = await call<Refund>(admin, 'POST', `/admin/orders/${order.id}/refunds`, {
      refundLineItems: [{ lineItemId: order.lineItems[0]!.id, quantity: 1 }],
      shipping: { amount: 400 },
    });
    expect(partial.status).toBe(201);
    const approved = await call<Cancellation>(admin, 'POST', `/admin/cancellations/${requested.body.id}/approve`);
    expect(approved.status).toBe(200);
    const { refunds, after } = await expectCountersMatchLedger(order);
    expect(after.totals.refunded).toBe(order.totals.total - kept(refunds));
    expect(approved.body.refundAmount).toBe(after.totals.refunded - partial.body.total);
    expect(sum(refunds.map((r) => r.shipping.amount))).toBe(400);
    expect(refunds.find((r) => r.source.type === 'cancellation')?.refundLineItems.map((l) => l.quantity)).toEqual([2]);
  });

  it('never shows the counters in an answer', async () => {
    const owner = customer();
    const order = await createOrder(owner);
    expect(await storedCounters(order.id)).toEqual(countRefunds([]));
    expect(JSON.stringify((await call(owner, 'GET', `/orders/${order.id}`)).body)).not.toContain('refundCounters');
    expect(JSON.stringify((await call(admin, 'GET', `/admin/orders/${order.id}`)).body)).not.toContain('refundCounters');
  });
});
