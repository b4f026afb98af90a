// An Idempotency-Key answers only for the route, the path (this order, this
// return) and the caller it was first used with, and only for the same body.
// One case per keyed route of infra/routes.ts: the key replays on its own
// resource; on another resource's path, by another caller or with another body
// it is a 422 naming the key, and the other resource gets nothing.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { routes } from '#infra/routes';
import { contract } from '#shared/api/index';
import type { Order } from '#shared/domain/order';
import type { Refund } from '#shared/domain/refund';
import type { RouteSpec } from '#shared/http/route-spec';
import { admin, type Caller, call, createOrder, customer, storefront } from '../support/api.ts';
import { exchangeOf, exchangeShop } from '../support/exchanges.ts';
import { orderBody } from '../support/orders.ts';
import { createReturn, deliveredOrderFor, returnOf } from '../support/returns-api.ts';
import { credit, rows } from '../support/store-credit.ts';
import { registerEndpoint } from '../support/webhook-receiver.ts';

type Problem = { id?: string; rule?: string; errors?: { path: string }[] };

interface Case {
  /** The caller who first uses the key. */
  readonly caller: Caller;
  /** Another caller of the same role. */
  readonly other: Caller;
  readonly path: string;
  /** Another resource of the same kind, when the route has one in its path. */
  readonly otherPath?: string;
  readonly body: unknown;
  /** Another body, when the route takes one. */
  readonly otherBody?: unknown;
  /** What exists on the other path (a count), to prove it got nothing. */
  readonly countOther?: () => Promise<number>;
}

const otherAdmin: Caller = { role: 'admin', sub: 'admin-2' };
const count = async (caller: Caller, path: string) => (await call<{ items: unknown[] }>(caller, 'GET', path)).body.items.length;

const twoOrders = async (owner: Caller & { sub: string }) => [await createOrder(owner), await createOrder(owner)] as const;

const twoReturns = async (owner: Caller & { sub: string }) => {
  const order = await deliveredOrderFor(owner);
  return [await createReturn(owner, returnOf(order)), await createReturn(owner, returnOf(order))] as const;
};

/** An admin route under `/admin/orders/{orderId}/<suffix>`, used on order A and then on order B. */
const onTwoOrders = async (suffix: string, body: unknown, otherBody: unknown, countOn: (b: Order) => Promise<number>): Promise<Case> => {
  const [a, b] = await twoOrders(customer());
  return {
    caller: admin,
    other: otherAdmin,
    path: `/admin/orders/${a.id}/${suffix}`,
    otherPath: `/admin/orders/${b.id}/${suffix}`,
    body,
    otherBody,
    countOther: () => countOn(b),
  };
};

/** A goodwill card refund on a new order whose transaction failed, so it owes its amount and takes a new attempt. */
const failedRefund = async (): Promise<Refund> => {
  const order = await createOrder(customer());
  const created = await call<Refund>(admin, 'POST', `/admin/orders/${order.id}/refunds`, { amount: 500 });
  const failed = await call<Refund>(admin, 'POST', `/admin/refunds/${created.body.id}/transactions/${created.body.transactions[0]?.id}`, { status: 'failure' });
  expect(failed.status).toBe(200);
  return failed.body;
};

/** A customer with 1,000 of USD credit. */
const withCredit = async () => {
  const owner = customer();
  await credit(owner.sub, 1000);
  return owner;
};

const debitOf = async (customerId: string) =>
  (await call<{ id: string }>(storefront, 'POST', '/store-credit/debits', { customerId, currency: 'USD', amount: 100 })).body.id;

const giftCard = async () => (await call<{ code: string }>(admin, 'POST', '/admin/gift-cards', { amount: 500, currency: 'USD' })).body.code;

/** An admin route under a customer's store credit, used on customer A and then on customer B. */
const onTwoAccounts = async (suffix: string, body: unknown, otherBody: unknown): Promise<Case> => {
  const [a, b] = [await withCredit(), await withCredit()];
  return {
    caller: admin,
    other: otherAdmin,
    path: `/admin/customers/${a.sub}/store-credit/${suffix}`,
    otherPath: `/admin/customers/${b.sub}/store-credit/${suffix}`,
    body,
    otherBody,
    countOther: async () => (await rows(b.sub)).length - 1,
  };
};

const CASES: Record<string, () => Promise<Case>> = {
  'credit.redeem': async () => ({
    caller: customer(),
    other: customer(),
    path: '/gift-cards/redeem',
    body: { code: await giftCard() },
    otherBody: { code: await giftCard() },
  }),
  'credit.debit': async () => {
    const owner = await withCredit();
    const body = (amount: number) => ({ customerId: owner.sub, currency: 'USD', amount });
    return { caller: storefront, other: { role: 'storefront', sub: 'storefront-2' }, path: '/store-credit/debits', body: body(100), otherBody: body(200) };
  },
  'credit.revert': async () => {
    const [a, b] = [await withCredit(), await withCredit()];
    const [debitA, debitB] = [await debitOf(a.sub), await debitOf(b.sub)];
    return {
      caller: storefront,
      other: { role: 'storefront', sub: 'storefront-2' },
      path: `/store-credit/debits/${debitA}/revert`,
      otherPath: `/store-credit/debits/${debitB}/revert`,
      body: undefined,
      countOther: async () => (await rows(b.sub)).filter((r) => r.kind === 'revert').length,
    };
  },
  'credit.adminCredit': () => onTwoAccounts('credits', { amount: 100, currency: 'USD', note: 'goodwill' }, { amount: 101, currency: 'USD', note: 'goodwill' }),
  'credit.adminDebit': () => onTwoAccounts('debits', { amount: 100, currency: 'USD', note: 'in error' }, { amount: 101, currency: 'USD', note: 'in error' }),
  'credit.issueGiftCard': async () => ({
    caller: admin,
    other: otherAdmin,
    path: '/admin/gift-cards',
    body: { amount: 500, currency: 'USD', note: 'a' },
    otherBody: { amount: 500, currency: 'USD', note: 'b' },
  }),
  'orders.create': async () => {
    const owner = customer();
    const body = (number: string) => {
      const base = orderBody({ number });
      return { ...base, customer: { ...base.customer, customerId: owner.sub } };
    };
    return {
      caller: storefront,
      other: { role: 'storefront', sub: 'storefront-2' },
      path: '/orders',
      body: body(`N-${randomUUID()}`),
      otherBody: body(`N-${randomUUID()}`),
    };
  },
  'notes.create': () =>
    onTwoOrders('notes', { body: 'Packed', visibility: 'private' }, { body: 'Packed twice', visibility: 'private' }, (b) =>
      count(admin, `/admin/orders/${b.id}/notes`),
    ),
  'cancellations.create': async () => {
    const owner = customer();
    const [a, b] = await twoOrders(owner);
    return {
      caller: owner,
      other: customer(),
      path: `/orders/${a.id}/cancellation`,
      otherPath: `/orders/${b.id}/cancellation`,
      body: { reasonId: 'rsn_cxlchangedmind' },
      otherBody: { reasonId: 'rsn_cxlchangedmind', comment: 'other' },
      // A cancellation request steps its order's version: B's has not moved.
      countOther: async () => (await call<{ version: number }>(owner, 'GET', `/orders/${b.id}`)).body.version - b.version,
    };
  },
  'cancellations.adminCancel': () =>
    onTwoOrders('cancel', { reasonId: 'rsn_cxlchangedmind', comment: 'out of stock' }, { reasonId: 'rsn_cxlchangedmind', comment: 'other' }, async (b) =>
      (await call<{ status: string }>(admin, 'GET', `/admin/orders/${b.id}`)).body.status === 'cancelled' ? 1 : 0,
    ),
  'refunds.create': () =>
    onTwoOrders('refunds', { amount: 100, note: 'goodwill' }, { amount: 101, note: 'goodwill' }, (b) => count(admin, `/admin/orders/${b.id}/refunds`)),
  'returns.create': async () => {
    const owner = customer();
    const order = await deliveredOrderFor(owner);
    return { caller: owner, other: customer(), path: '/returns', body: returnOf(order), otherBody: returnOf(order, { refundMethod: 'card' }) };
  },
  'exchanges.create': async () => {
    const { owner, order, sku } = await exchangeShop();
    return { caller: owner, other: customer(), path: '/exchanges', body: exchangeOf(order, [sku.large]), otherBody: exchangeOf(order, [sku.jacket]) };
  },
  'exchanges.adminCreate': async () => {
    const [a, b] = [await exchangeShop(), await exchangeShop()];
    const { orderId: _a, ...body } = exchangeOf(a.order, [a.sku.large]);
    const { orderId: _b, ...otherBody } = exchangeOf(a.order, [a.sku.jacket]);
    return {
      caller: admin,
      other: otherAdmin,
      path: `/admin/orders/${a.order.id}/exchanges`,
      // The same line ids name nothing on B's order: were the key to answer there, it would answer A's exchange, not create one.
      otherPath: `/admin/orders/${b.order.id}/exchanges`,
      body,
      otherBody,
      countOther: async () => (await call<{ items: unknown[] }>(b.owner, 'GET', '/exchanges')).body.items.length,
    };
  },
  'returns.comment': async () => {
    const owner = customer();
    const [a, b] = await twoReturns(owner);
    return {
      caller: owner,
      other: customer(),
      path: `/returns/${a.id}/comments`,
      otherPath: `/returns/${b.id}/comments`,
      body: { body: 'When is the pickup?' },
      otherBody: { body: 'Another question' },
      countOther: async () => (await call<{ comments: unknown[] }>(owner, 'GET', `/returns/${b.id}`)).body.comments.length,
    };
  },
  'returns.adminComment': async () => {
    const owner = customer();
    const [a, b] = await twoReturns(owner);
    return {
      caller: admin,
      other: otherAdmin,
      path: `/admin/returns/${a.id}/comments`,
      otherPath: `/admin/returns/${b.id}/comments`,
      body: { body: 'Pickup on Monday', visibleToCustomer: true },
      otherBody: { body: 'Pickup on Tuesday', visibleToCustomer: true },
      countOther: async () => (await call<{ comments: unknown[] }>(admin, 'GET', `/admin/returns/${b.id}`)).body.comments.length,
    };
  },
  'refunds.retryTransaction': async () => {
    const [a, b] = [await failedRefund(), await failedRefund()];
    return {
      caller: admin,
      other: otherAdmin,
      path: `/admin/refunds/${a.id}/transactions`,
      otherPath: `/admin/refunds/${b.id}/transactions`,
      body: { gateway: 'voucher' },
      otherBody: { gateway: 'cash' },
      // B keeps its one failed attempt.
      countOther: async () => (await call<Refund>(admin, 'GET', `/admin/orders/${b.orderId}/refunds/${b.id}`)).body.transactions.length - 1,
    };
  },
  'webhooks.create': async () => {
    // Disabled, so no event is ever delivered to these addresses.
    const body = (path: string) => ({ url: `http://127.0.0.1:9/${path}`, events: ['order.created'], enabled: false });
    return { caller: admin, other: otherAdmin, path: '/admin/webhooks', body: body('a'), otherBody: body('b') };
  },
  'webhooks.ping': async () => {
    // Disabled endpoints on an address nothing listens on: a ping is sent to them all the same, and fails harmlessly.
    const [a, b] = [
      await registerEndpoint('http://127.0.0.1:9/ping-a', ['order.created'], { enabled: false }),
      await registerEndpoint('http://127.0.0.1:9/ping-b', ['order.created'], { enabled: false }),
    ];
    return {
      caller: admin,
      other: otherAdmin,
      path: `/admin/webhooks/${a.id}/ping`,
      otherPath: `/admin/webhooks/${b.id}/ping`,
      body: undefined,
      countOther: async () => (await call<{ items: unknown[] }>(admin, 'GET', `/admin/webhooks/${b.id}/deliveries`)).body.items.length,
    };
  },
  'attachments.create': async () => ({
    caller: customer(),
    other: customer(),
    path: '/attachments',
    body: { fileName: 'a.jpg', contentType: 'image/jpeg', size: 10 },
    otherBody: { fileName: 'b.jpg', contentType: 'image/jpeg', size: 10 },
  }),
  'settings.createReason': async () => {
    // Inactive, so no other suite's customers are offered it.
    const code = `idem_${randomUUID().slice(0, 8)}`;
    return {
      caller: admin,
      other: otherAdmin,
      path: '/admin/reasons',
      body: { kind: 'return', code, label: 'Idempotency test', active: false },
      otherBody: { kind: 'return', code: `${code}_b`, label: 'Idempotency test', active: false },
    };
  },
};

const keyed = routes.filter((r) => (contract[r.id] as RouteSpec).idempotent === true);

describe('Idempotency-Key scope: route, path and caller', () => {
  it('has a case for every keyed route', () => {
    expect(keyed.map((r) => r.id).sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const [id, build] of Object.entries(CASES)) {
    it(`${id}: replays on its own path and refuses the key elsewhere`, async () => {
      const c = await build();
      const key = { 'idempotency-key': randomUUID() };
      const first = await call<Problem>(c.caller, 'POST', c.path, c.body, key);
      expect(first.status, JSON.stringify(first.body)).toBeLessThan(300);
      const replay = await call<Problem>(c.caller, 'POST', c.path, c.body, key);
      expect([replay.status, replay.body.id]).toEqual([first.status, first.body.id]);

      const refusals = [
        ...(c.otherPath ? [await call<Problem>(c.caller, 'POST', c.otherPath, c.body, key)] : []),
        await call<Problem>(c.other, 'POST', c.path, c.body, key),
        ...('otherBody' in c ? [await call<Problem>(c.caller, 'POST', c.path, c.otherBody, key)] : []),
      ];
      for (const refused of refusals) {
        expect(refused.status, JSON.stringify(refused.body)).toBe(422);
        expect(refused.body).toMatchObject({ rule: 'idempotency_key_reused', errors: [{ path: 'Idempotency-Key' }] });
      }
      if (c.countOther) expect(await c.countOther()).toBe(0);
    });
  }
});
