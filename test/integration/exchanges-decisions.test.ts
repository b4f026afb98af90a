// Running an exchange: approval takes the outbound stock all or nothing and
// goes on at once (awaiting_payment or awaiting_return) in the same write;
// deny and cancel give back what was taken and withdraw the return request,
// once; an admin records a payment once. Races and replays included.
import { describe, expect, it } from 'vitest';
import type { Exchange } from '#shared/domain/exchange';
import type { ReturnableItem, ReturnRequest } from '#shared/domain/return-request';
import { admin, type Caller, call } from '../support/api.ts';
import { createExchange, type ExchangeReply, exchangeOf, exchangeShop } from '../support/exchanges.ts';

const act = (caller: Caller, path: string, body: unknown = {}) => call<ExchangeReply>(caller, 'POST', path, body);
const approve = (e: Exchange) => act(admin, `/admin/exchanges/${e.id}/approve`);
const setStock = async (sku: string, quantity: number) => expect((await call(admin, 'PUT', `/admin/stock/${sku}`, { quantity })).status).toBe(200);
const stock = async (sku: string) => (await call<{ quantity: number | null }>(admin, 'GET', `/admin/stock/${sku}`)).body.quantity;
const current = async (e: Exchange) => (await call<Exchange>(admin, 'GET', `/admin/exchanges/${e.id}`)).body;
const returnOfExchange = async (e: Exchange) => (await call<ReturnRequest>(admin, 'GET', `/admin/returns/${e.returnId}`)).body;
const returnable = async (e: Exchange, owner: Caller) =>
  (await call<{ items: ReturnableItem[] }>(owner, 'GET', `/orders/${e.orderId}/returnable-items`)).body.items[0]?.returnable;

describe('exchanges: decisions', () => {
  it('approves a size swap at the same price straight to awaiting_return, taking its stock once', async () => {
    const { owner, order, sku } = await exchangeShop();
    await setStock(sku.large, 5);
    const exchange = await createExchange(owner, exchangeOf(order, [sku.large]));

    const approved = await approve(exchange);

    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'awaiting_return', version: 2, differenceDue: 0 });
    expect(approved.body.history.map((h) => h.status)).toEqual(['requested', 'approved', 'awaiting_return']);
    expect(await stock(sku.large)).toBe(4);
    const again = await approve(approved.body);
    expect([again.status, again.body.allowedTransitions]).toEqual([409, ['released', 'declined']]);
    expect(await stock(sku.large)).toBe(4);
  });

  it('approves an upgrade to awaiting_payment; an admin records the payment once, then it awaits the return', async () => {
    const { owner, order, sku } = await exchangeShop();
    const exchange = await createExchange(owner, exchangeOf(order, [sku.jacket]));
    expect((await approve(exchange)).body).toMatchObject({ status: 'awaiting_payment', settlement: { kind: 'charge', amount: 6000, status: 'pending' } });
    const early = await act(admin, `/admin/exchanges/${exchange.id}/payment`, { status: 'refunded', reference: 'x' });
    expect([early.status, early.body.errors?.map((e) => e.path)]).toEqual([400, ['status']]);

    const [first, second] = await Promise.all(
      ['till-1', 'till-2'].map((reference) => act(admin, `/admin/exchanges/${exchange.id}/payment`, { status: 'paid', reference })),
    );

    expect([first?.status, second?.status].sort()).toEqual([200, 409]);
    const paid = await current(exchange);
    expect(paid).toMatchObject({ status: 'awaiting_return', version: 3, settlement: { kind: 'charge', amount: 6000, status: 'succeeded' } });
    expect(['till-1', 'till-2']).toContain(paid.settlement.reference);
    expect((await act(admin, `/admin/exchanges/${exchange.id}/payment`, { status: 'paid', reference: 'till-3' })).status).toBe(409);
  });

  it('refuses an approval short of stock with a 409 naming the short SKUs, and changes nothing', async () => {
    const { owner, order, sku } = await exchangeShop();
    await setStock(sku.large, 1);
    await setStock(sku.jacket, 0);
    await setStock(sku.socks, 0);
    const exchange = await createExchange(owner, exchangeOf(order, [sku.large, sku.jacket, sku.socks]));

    const refused = await approve(exchange);

    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ skus: [sku.jacket, sku.socks], allowedTransitions: ['denied'] });
    expect(refused.body.errors.map((e) => e.path)).toEqual(['outbound.1.sku', 'outbound.2.sku']);
    expect((await call<Exchange>(owner, 'GET', `/exchanges/${exchange.id}`)).body).toEqual(exchange);
    expect([await stock(sku.large), await stock(sku.jacket), await stock(sku.socks)]).toEqual([1, 0, 0]);
  });

  it('lets one of two approvals at once through (200 and 409) and takes the stock once', async () => {
    const { owner, order, sku } = await exchangeShop();
    await setStock(sku.large, 3);
    const exchange = await createExchange(owner, exchangeOf(order, [sku.large]));

    const replies = await Promise.all([approve(exchange), approve(exchange)]);

    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await stock(sku.large)).toBe(2);
    expect((await current(exchange)).version).toBe(2);
  });

  it('settles an approval racing a customer cancel one way, with the stock consistent with the winner', async () => {
    const { owner, order, sku } = await exchangeShop();
    await setStock(sku.large, 2);
    const exchange = await createExchange(owner, exchangeOf(order, [sku.large]));

    const [approval, cancel] = await Promise.all([approve(exchange), act(owner, `/exchanges/${exchange.id}/cancel`)]);

    expect([approval.status, cancel.status].sort()).toEqual([200, 409]);
    const after = await current(exchange);
    if (approval.status === 200) {
      expect([after.status, await stock(sku.large), (await returnOfExchange(exchange)).status]).toEqual(['awaiting_return', 1, 'new']);
    } else {
      expect([after.status, await stock(sku.large), (await returnOfExchange(exchange)).status]).toEqual(['cancelled', 2, 'cancelled']);
    }
  });

  it('denies with a reason: its return withdrawn and its units returnable again; once', async () => {
    const { owner, order, sku } = await exchangeShop();
    const exchange = await createExchange(owner, exchangeOf(order, [sku.large]));
    expect(await returnable(exchange, owner)).toBe(1);
    expect((await act(admin, `/admin/exchanges/${exchange.id}/deny`, {})).status).toBe(400);

    const denied = await act(admin, `/admin/exchanges/${exchange.id}/deny`, { reason: 'Out of season' });

    expect(denied.status).toBe(200);
    expect(denied.body).toMatchObject({ status: 'denied', denialReason: 'Out of season', version: 2 });
    expect((await returnOfExchange(exchange)).status).toBe('cancelled');
    expect(await returnable(exchange, owner)).toBe(2);
    expect((await act(admin, `/admin/exchanges/${exchange.id}/deny`, { reason: 'Again' })).status).toBe(409);
    expect(await returnable(exchange, owner)).toBe(2);
  });

  it('cancels awaiting payment (customer) giving the stock back once; an admin cannot cancel a requested one', async () => {
    const { owner, order, sku } = await exchangeShop();
    await setStock(sku.jacket, 4);
    const exchange = await createExchange(owner, exchangeOf(order, [sku.jacket]));
    const early = await act(admin, `/admin/exchanges/${exchange.id}/cancel`);
    expect([early.status, early.body.allowedTransitions]).toEqual([409, ['approved', 'denied']]);
    await approve(exchange);
    expect(await stock(sku.jacket)).toBe(3);

    const cancels = await Promise.all([act(owner, `/exchanges/${exchange.id}/cancel`), act(admin, `/admin/exchanges/${exchange.id}/cancel`)]);

    expect(cancels.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await stock(sku.jacket)).toBe(4);
    expect((await current(exchange)).history.map((h) => h.status)).toEqual(['requested', 'approved', 'awaiting_payment', 'cancelled']);
    expect((await returnOfExchange(exchange)).status).toBe('cancelled');
    expect((await act(owner, `/exchanges/${exchange.id}/cancel`)).status).toBe(409);
    expect(await stock(sku.jacket)).toBe(4);
  });

  it('refuses to cancel once the items are on their way back (return picked up)', async () => {
    const { owner, order, sku } = await exchangeShop();
    const exchange = await createExchange(owner, exchangeOf(order, [sku.jacket]));
    await approve(exchange);
    expect((await call(admin, 'POST', `/admin/returns/${exchange.returnId}/status`, { status: 'picked_up' })).status).toBe(200);

    const refused = await act(owner, `/exchanges/${exchange.id}/cancel`);

    expect([refused.status, refused.body.detail]).toEqual([409, expect.stringContaining(exchange.returnId)]);
    expect((await current(exchange)).status).toBe('awaiting_payment');
  });
});
