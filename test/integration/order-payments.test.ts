// Orders paid partly with store credit, through the real handlers and
// DynamoDB Local's transactions: `payments[]` must add up and name a live debit
// of the customer, a debit pays one order (and is then no longer revertible),
// and a refund goes back the way the order was paid: store credit first, up to
// what it paid, then the card, one transaction per gateway, under racing refunds too.
import { describe, expect, it } from 'vitest';
import type { Cancellation } from '#shared/domain/cancellation';
import type { Order } from '#shared/domain/order';
import type { Refund } from '#shared/domain/refund';
import type { ReturnRequest } from '#shared/domain/return-request';
import type { CreditTransaction } from '#shared/domain/store-credit';
import { admin, call, createOrder, customer, deliver, storefront } from '../support/api.ts';
import { orderBody } from '../support/orders.ts';
import { approve, createReturn, returnOf, setStatus } from '../support/returns-api.ts';
import { accountOf, credit, rows } from '../support/store-credit.ts';

/** orderBody's total: 3 × 1000 − 300 + 300, plus 2500, plus shipping 500 + 50. */
const TOTAL = 6050;

type Problem = { errors?: { path: string }[]; rule?: string };

const debit = async (customerId: string, amount: number): Promise<CreditTransaction> => {
  const reply = await call<CreditTransaction>(storefront, 'POST', '/store-credit/debits', { customerId, currency: 'USD', amount });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
};

const postOrder = (owner: { sub: string }, payments: unknown) => {
  const base = orderBody();
  return call<Order & Problem>(storefront, 'POST', '/orders', {
    ...base,
    customer: { ...base.customer, customerId: owner.sub },
    paymentReference: 'pi_split',
    payments,
  });
};

const split = (debitId: string, byCredit: number) => [
  { method: 'store_credit', amount: byCredit, reference: debitId },
  { method: 'card', amount: TOTAL - byCredit, reference: 'pi_split' },
];

/** A new customer's order paid `byCredit` with store credit (credited, then debited for it) and the rest by card. */
const paidWithCredit = async (byCredit: number) => {
  const owner = customer();
  await credit(owner.sub, byCredit);
  const paid = await debit(owner.sub, byCredit);
  const reply = await postOrder(owner, split(paid.id, byCredit));
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return { ada: owner, order: reply.body };
};

const ordersOf = async (customerId: string) =>
  (await call<{ items: Order[] }>(admin, 'GET', `/admin/orders?customerId=${encodeURIComponent(customerId)}`)).body.items;

const paidByGateway = (refunds: readonly Refund[]) => {
  const by: Record<string, number> = {};
  for (const txn of refunds.flatMap((r) => r.transactions)) by[txn.gateway] = (by[txn.gateway] ?? 0) + txn.amount;
  return by;
};

describe('orders paid partly with store credit', () => {
  it('refuses payments that do not add up, a credit payment without its debit, or a debit that cannot pay: nothing written', async () => {
    const ada = customer();
    const own = await (async () => {
      await credit(ada.sub, 1000);
      return debit(ada.sub, 400);
    })();
    const bob = customer();
    await credit(bob.sub, 1000);
    const bobs = await debit(bob.sub, 1000);

    const short = await postOrder(ada, [{ method: 'card', amount: TOTAL - 1 }]);
    expect([short.status, short.body.errors?.map((e) => e.path)]).toEqual([422, ['payments']]);
    const unnamed = await postOrder(ada, [
      { method: 'store_credit', amount: 400 },
      { method: 'card', amount: TOTAL - 400 },
    ]);
    expect([unnamed.status, unnamed.body.errors?.map((e) => e.path)]).toEqual([400, ['payments.0.reference']]);
    const twice = await postOrder(ada, [
      { method: 'store_credit', amount: 200, reference: own.id },
      { method: 'store_credit', amount: 200, reference: own.id },
      { method: 'card', amount: TOTAL - 400 },
    ]);
    expect([twice.status, twice.body.errors?.map((e) => e.path)]).toEqual([400, ['payments.1.reference']]);
    for (const [reference, amount] of [
      ['sct_01UNKNOWN', 400],
      [bobs.id, 400],
      [own.id, 401],
    ] as const) {
      const refused = await postOrder(ada, split(reference, amount));
      expect([refused.status, refused.body.rule, refused.body.errors?.map((e) => e.path)]).toEqual([422, 'debit_unusable', ['payments.0.reference']]);
    }
    const base = orderBody();
    const unpaid = await call<Problem>(storefront, 'POST', '/orders', {
      ...base,
      customer: { ...base.customer, customerId: ada.sub },
      paymentMethod: 'cod',
      paymentStatus: 'unpaid',
      payments: [
        { method: 'store_credit', amount: 400, reference: own.id },
        { method: 'cod', amount: TOTAL - 400 },
      ],
    });
    expect([unpaid.status, unpaid.body.rule, unpaid.body.errors?.map((e) => e.path)]).toEqual([422, 'credit_on_unpaid_order', ['payments']]);
    expect((await call(storefront, 'POST', `/store-credit/debits/${own.id}/revert`)).status).toBe(201);
    const reverted = await postOrder(ada, split(own.id, 400));
    expect([reverted.status, reverted.body.rule]).toEqual([422, 'debit_unusable']);
    expect(await ordersOf(ada.sub)).toEqual([]);
  });

  it('a debit pays one order: two racing orders, one wins; the debit can no longer be reverted', async () => {
    const ada = customer();
    await credit(ada.sub, 1000);
    const paid = await debit(ada.sub, 1000);
    const replies = await Promise.all(Array.from({ length: 5 }, () => postOrder(ada, split(paid.id, 1000))));
    expect(replies.map((r) => r.status).sort()).toEqual([201, 422, 422, 422, 422]);
    const order = replies.find((r) => r.status === 201)?.body as Order;
    expect(order.payments).toEqual([
      { method: 'store_credit', amount: 1000, reference: paid.id, refunded: 0 },
      { method: 'card', amount: TOTAL - 1000, reference: 'pi_split', refunded: 0 },
    ]);
    expect(await ordersOf(ada.sub)).toHaveLength(1);
    const revert = await call(storefront, 'POST', `/store-credit/debits/${paid.id}/revert`);
    expect(revert.status).toBe(409);
    expect((await accountOf(ada.sub)).balance).toBe(0);
  });

  it('refunds store credit first, up to what it paid, then the card: one transaction per gateway', async () => {
    const { ada, order } = await paidWithCredit(1000);

    const first = await call<Refund>(admin, 'POST', `/admin/orders/${order.id}/refunds`, { amount: 700 });
    expect(first.body.transactions.map((t) => [t.gateway, t.amount, t.status])).toEqual([['store_credit', 700, 'success']]);
    expect((await accountOf(ada.sub)).balance).toBe(700);

    const second = await call<Refund>(admin, 'POST', `/admin/orders/${order.id}/refunds`, { amount: 600 });
    expect(second.body.transactions.map((t) => [t.gateway, t.amount, t.status])).toEqual([
      ['store_credit', 300, 'success'],
      ['card', 300, 'pending'],
    ]);
    expect(second.body.owed).toBe(300);
    expect((await accountOf(ada.sub)).balance).toBe(1000);

    // The shop cancels: everything left goes to the card, none to credit (its share is back already).
    const cancelled = await call<Cancellation>(admin, 'POST', `/admin/orders/${order.id}/cancel`, { reasonId: 'rsn_cxlchangedmind' });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    const refunds = (await call<{ items: Refund[] }>(admin, 'GET', `/admin/orders/${order.id}/refunds`)).body.items;
    expect(paidByGateway(refunds)).toEqual({ store_credit: 1000, card: TOTAL - 1000 });
    const after = (await call<Order>(admin, 'GET', `/admin/orders/${order.id}`)).body;
    expect(after.payments?.[0]?.refunded).toBe(1000);
    expect((await accountOf(ada.sub)).balance).toBe(1000);
    expect((await rows(ada.sub)).map((r) => [r.kind, r.amount])).toEqual([
      ['credit', 1000],
      ['debit', 1000],
      ['credit', 700],
      ['credit', 300],
    ]);
  });

  it("a cancellation of an order paid partly with credit credits that part back in the cancellation's own write", async () => {
    const { ada, order } = await paidWithCredit(500);
    expect((await call(admin, 'POST', `/admin/orders/${order.id}/cancel`, { reasonId: 'rsn_cxlchangedmind' })).status).toBe(200);
    const refunds = (await call<{ items: Refund[] }>(admin, 'GET', `/admin/orders/${order.id}/refunds`)).body.items;
    expect(paidByGateway(refunds)).toEqual({ store_credit: 500, card: TOTAL - 500 });
    expect((await accountOf(ada.sub)).balance).toBe(500);
  });

  it('a return refunded to the card gives the credit part back as credit first (no bonus: the customer chose the card)', async () => {
    const { ada, order: placed } = await paidWithCredit(300);
    const order = await deliver(placed);
    const request = await createReturn(ada, returnOf(order, { refundMethod: 'card' }));
    await approve(request);
    const refunded = await setStatus(request.id, { status: 'refunded' });
    expect(refunded.status, JSON.stringify(refunded.body)).toBe(200);
    const refund = (await call<Refund>(admin, 'GET', `/admin/orders/${order.id}/refunds/${(refunded.body as ReturnRequest).refundId}`)).body;
    expect(refund.transactions.map((t) => [t.gateway, t.amount])).toEqual([
      ['store_credit', 300],
      ['card', refund.total - 300],
    ]);
    expect((await accountOf(ada.sub)).balance).toBe(300);
  });

  it('racing refunds never give back more store credit than it paid, nor more to the card than the card paid', async () => {
    const { ada, order } = await paidWithCredit(1000);
    const replies = await Promise.all(Array.from({ length: 12 }, () => call<Refund>(admin, 'POST', `/admin/orders/${order.id}/refunds`, { amount: 600 })));
    const made = replies.filter((r) => r.status === 201).map((r) => r.body);
    // 6050 holds ten refunds of 600; the rest are 422 over_refund (or 409 after losing every race).
    expect(made.length).toBeGreaterThanOrEqual(2);
    expect(made.length).toBeLessThanOrEqual(10);
    expect(replies.filter((r) => r.status !== 201).every((r) => [409, 422].includes(r.status))).toBe(true);
    const by = paidByGateway(made);
    expect(by.store_credit).toBe(1000);
    expect(by.card).toBe(made.length * 600 - 1000);
    expect((await accountOf(ada.sub)).balance).toBe(1000);
    const after = (await call<Order>(admin, 'GET', `/admin/orders/${order.id}`)).body;
    expect([after.totals.refunded, after.payments?.[0]?.refunded]).toEqual([made.length * 600, 1000]);
  });
});

describe('orders without payments[]', () => {
  it('answer as before, without payments', async () => {
    const order = await createOrder(customer());
    expect(order.payments).toBeUndefined();
  });
});
