// Asking for an exchange end to end: calculate (writes nothing) answers what
// create makes; create writes the exchange and its return request (refund
// method `exchange`) at once, its inbound units claimed on the order; every
// refusal names the item and writes nothing; customers see their own only.
import { describe, expect, it } from 'vitest';
import type { Exchange } from '#shared/domain/exchange';
import type { ReturnableItem, ReturnRequest } from '#shared/domain/return-request';
import { admin, call, customer } from '../support/api.ts';
import { createExchange, DOESNT_FIT, exchangeOf, exchangeShop, postExchange } from '../support/exchanges.ts';
import { createReturn, postReturn, returnOf } from '../support/returns-api.ts';

type Page = { items: Exchange[]; nextCursor: string | null };
const returnable = async (owner: ReturnType<typeof customer>, orderId: string) =>
  (await call<{ items: ReturnableItem[] }>(owner, 'GET', `/orders/${orderId}/returnable-items`)).body.items[0];

describe('exchanges: asking for one', () => {
  it('swaps a size at the price paid: calculate answers it, create writes it with its return request', async () => {
    const { owner, order, sku } = await exchangeShop();
    const body = exchangeOf(order, [sku.large]);

    const calculated = await call<Record<string, unknown>>(owner, 'POST', '/exchanges/calculate', body);
    expect(calculated.status).toBe(200);
    expect((await call<Page>(owner, 'GET', '/exchanges')).body.items).toEqual([]);
    const created = await postExchange(owner, body);

    expect(created.status).toBe(201);
    const exchange = created.body;
    expect(exchange).toMatchObject({ status: 'requested', orderId: order.id, customerId: owner.sub, currency: 'USD', negativeTo: 'card' });
    expect(exchange.inbound).toEqual([{ lineItemId: order.lineItems[0]?.id, quantity: 1, reasonId: DOESNT_FIT, value: 4800 }]);
    expect(exchange.outbound).toEqual([expect.objectContaining({ sku: sku.large, quantity: 1, unitPrice: 4000, tax: 800, priceKept: true })]);
    expect([exchange.inboundValue, exchange.outboundValue, exchange.differenceDue]).toEqual([4800, 4800, 0]);
    expect(exchange.settlement).toEqual({ kind: 'none', amount: 0, status: 'not_required', reference: null });
    expect(exchange.history).toEqual([{ status: 'requested', at: exchange.createdAt, by: 'customer' }]);
    const {
      id: _id,
      returnId: _r,
      history: _h,
      status: _s,
      version: _v,
      createdAt: _c,
      updatedAt: _u,
      payment: _p,
      replacementOrderId: _o,
      ...rest
    } = exchange;
    const { denialReason: _d, mode: _m, ...values } = rest;
    expect(calculated.body).toEqual(values);

    const request = await call<ReturnRequest & { exchangeId?: string }>(owner, 'GET', `/returns/${exchange.returnId}`);
    expect(request.body).toMatchObject({ status: 'new', refundMethod: 'exchange', exchangeId: exchange.id, orderId: order.id });
    expect(request.body.items).toEqual([expect.objectContaining({ lineItemId: order.lineItems[0]?.id, quantity: 1, reasonId: DOESNT_FIT })]);
    expect(await returnable(owner, order.id)).toMatchObject({ inOpenReturns: 1, returnable: 1 });
    expect((await call<Exchange>(owner, 'GET', `/exchanges/${exchange.id}`)).body).toEqual(exchange);
  });

  it('prices another product at its variant: an upgrade owes a charge, a downgrade is paid back as the customer chose', async () => {
    const { owner, order, sku } = await exchangeShop();
    const upgrade = await createExchange(owner, exchangeOf(order, [sku.jacket]));
    expect([upgrade.outboundValue, upgrade.differenceDue, upgrade.settlement.kind, upgrade.settlement.amount]).toEqual([10800, 6000, 'charge', 6000]);
    const downgrade = await createExchange(owner, exchangeOf(order, [sku.socks], { negativeTo: 'store_credit' }));
    expect([downgrade.differenceDue, downgrade.settlement.kind, downgrade.settlement.amount]).toEqual([-3600, 'store_credit', 3600]);
  });

  it('refuses each bad item with a 422 naming it, and writes nothing', async () => {
    const { owner, order, sku } = await exchangeShop();
    const refused = async (body: unknown) => {
      const reply = await postExchange(owner, body);
      const calc = await call<{ rule?: string }>(owner, 'POST', '/exchanges/calculate', body);
      expect(calc.status).toBe(reply.status);
      return { status: reply.status, rule: reply.body.rule, paths: (reply.body.errors ?? []).map((e) => e.path) };
    };
    expect(await refused(exchangeOf(order, ['NO-SUCH-SKU', sku.retired]))).toEqual({
      status: 422,
      rule: 'variant_unavailable',
      paths: ['outbound.0.sku', 'outbound.1.sku'],
    });
    expect(await refused(exchangeOf(order, [sku.large, sku.euroOnly]))).toEqual({ status: 422, rule: 'currency_mismatch', paths: ['outbound.1.sku'] });
    expect(await refused(exchangeOf(order, []))).toEqual({ status: 422, rule: 'empty_outbound', paths: ['outbound'] });
    const tooMany = exchangeOf(order, [sku.large], { inbound: [{ lineItemId: order.lineItems[0]?.id, quantity: 3, reasonId: DOESNT_FIT }] });
    expect(await refused(tooMany)).toEqual({ status: 422, rule: 'quantity_exceeds_returnable', paths: ['inbound.0.quantity'] });
    const unknownLine = exchangeOf(order, [sku.large], { inbound: [{ lineItemId: 'li_01JAAAAAAAAAAAAAAAAAAAAAAA', quantity: 1, reasonId: DOESNT_FIT }] });
    expect(await refused(unknownLine)).toEqual({ status: 422, rule: 'line_item_unknown', paths: ['inbound.0.lineItemId'] });
    const malformed = await refused({ orderId: order.id, inbound: [], outbound: [{ sku: sku.large, quantity: 0 }], negativeTo: 'cash' });
    expect(malformed.status).toBe(400);
    expect(malformed.paths).toEqual(expect.arrayContaining(['inbound', 'outbound.0.quantity', 'negativeTo']));

    expect((await call<Page>(owner, 'GET', '/exchanges')).body.items).toEqual([]);
    expect((await call<{ items: unknown[] }>(owner, 'GET', '/returns')).body.items).toEqual([]);
    expect(await returnable(owner, order.id)).toMatchObject({ inOpenReturns: 0, returnable: 2 });
  });

  it('counts inbound units against what is still returnable, and a return cannot take the exchange refund method', async () => {
    const { owner, order, sku } = await exchangeShop();
    await createReturn(owner, returnOf(order, {}, 1));
    await createExchange(owner, exchangeOf(order, [sku.large]));
    const third = await postExchange(owner, exchangeOf(order, [sku.large]));
    expect([third.status, third.body.rule]).toEqual([422, 'quantity_exceeds_returnable']);
    const byReturn = await postReturn(owner, returnOf(order, { refundMethod: 'exchange' as never }, 1));
    expect([byReturn.status, byReturn.body.errors.map((e) => e.path)]).toEqual([400, ['refundMethod']]);
  });

  it('lets exactly one of an exchange and a return racing for the last unit through', async () => {
    const { owner, order, sku } = await exchangeShop();
    await createExchange(owner, exchangeOf(order, [sku.large]));
    const [exchange, request] = await Promise.all([postExchange(owner, exchangeOf(order, [sku.large])), postReturn(owner, returnOf(order, {}, 1))]);
    expect([exchange.status, request.status].sort()).toEqual([201, 422]);
    expect(await returnable(owner, order.id)).toMatchObject({ inOpenReturns: 2, returnable: 0 });
  });

  it('creates on the customer’s behalf (admin), replays a retried Idempotency-Key, and shows customers only their own', async () => {
    const { owner, order, sku } = await exchangeShop();
    const { orderId: _o, ...onBehalf } = exchangeOf(order, [sku.jacket]);
    const key = { 'idempotency-key': `exc-${order.id}` };
    const first = await call<Exchange>(admin, 'POST', `/admin/orders/${order.id}/exchanges`, onBehalf, key);
    const again = await call<Exchange>(admin, 'POST', `/admin/orders/${order.id}/exchanges`, onBehalf, key);
    expect([first.status, again.status, again.body.id]).toEqual([201, 201, first.body.id]);
    expect(first.body.history[0]?.by).toBe('admin:admin-1');
    expect((await call<Exchange>(owner, 'GET', `/exchanges/${first.body.id}`)).body.history[0]?.by).toBe('shop');
    expect((await call<Page>(owner, 'GET', '/exchanges')).body.items.map((e) => e.id)).toEqual([first.body.id]);

    const stranger = customer();
    expect((await call(stranger, 'GET', `/exchanges/${first.body.id}`)).status).toBe(404);
    expect((await call<Page>(stranger, 'GET', '/exchanges')).body.items).toEqual([]);
    expect((await postExchange(stranger, exchangeOf(order, [sku.large]))).status).toBe(404);
    expect((await call<Exchange>(admin, 'GET', `/admin/exchanges/${first.body.id}`)).body.id).toBe(first.body.id);
  });

  it('lists the queue by status, paged, and refuses a forged cursor', async () => {
    const { owner, order, sku } = await exchangeShop();
    const [a, b] = [await createExchange(owner, exchangeOf(order, [sku.large])), await createExchange(owner, exchangeOf(order, [sku.socks]))];
    const page = await call<Page>(admin, 'GET', '/admin/exchanges?status=requested&limit=1');
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.items[0]?.id).toBe(b.id);
    const next = await call<Page>(admin, 'GET', `/admin/exchanges?status=requested&limit=1&cursor=${encodeURIComponent(page.body.nextCursor ?? '')}`);
    expect(next.body.items[0]?.id).toBe(a.id);
    const forged = Buffer.from(JSON.stringify({ PK: 'EXCHANGE#x', SK: 'EXCHANGE', GSI2PK: 'RETURN#new', GSI2SK: 'x' })).toString('base64url');
    expect((await call(admin, 'GET', `/admin/exchanges?status=requested&cursor=${forged}`)).status).toBe(400);
    expect((await call<Page>(admin, 'GET', '/admin/exchanges?status=approved&limit=100')).body.items.map((e) => e.id)).not.toContain(a.id);
  });
});
