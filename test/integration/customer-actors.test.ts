// Customers never see staff or machine identities: on every customer route that
// answers a timeline, a history, comments or notes, who acted reads `customer`,
// `shop` or `carrier`; admins see the actor ids.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '#shared/domain/order';
import type { ReturnRequest } from '#shared/domain/return-request';
import { admin, call, createOrder, customer, storefront } from '../support/api.ts';
import { returnOf } from '../support/returns-api.ts';

const owner = customer();
const IDS = /(?:admin|storefront|customer):/;
let order: Order;

/** Every `by`/`submittedBy`/`author` in an answer. */
const actors = (body: unknown): string[] =>
  JSON.stringify(body)
    .match(/"(?:by|submittedBy|author)":"[^"]*"/g)
    ?.map((m) => m.split(':"')[1]!.slice(0, -1)) ?? [];

beforeAll(async () => {
  order = await createOrder(owner);
  const moves = [
    [admin, `/admin/orders/${order.id}/status`, { status: 'confirmed' }],
    [storefront, `/orders/${order.id}/status`, { status: 'shipped' }],
    [storefront, `/orders/${order.id}/status`, { status: 'delivered', paymentCollected: true }],
  ] as const;
  for (const [caller, path, body] of moves) expect((await call(caller, 'POST', path, body)).status).toBe(200);
  expect((await call(admin, 'POST', `/admin/orders/${order.id}/notes`, { body: 'Two boxes', visibility: 'customer' })).status).toBe(201);
});

describe('who acted, as a customer reads it', () => {
  it('orders.get, orders.tracking and orders.list: the shop placed and confirmed it, the carrier shipped and delivered it', async () => {
    const expected = ['shop', 'shop', 'carrier', 'carrier'];
    const one = await call<Order>(owner, 'GET', `/orders/${order.id}`);
    const tracking = await call<{ timeline: { by: string }[] }>(owner, 'GET', `/orders/${order.id}/tracking`);
    const list = await call<{ items: Order[] }>(owner, 'GET', '/orders');
    expect(one.body.timeline.map((t) => t.by)).toEqual(expected);
    expect(tracking.body.timeline.map((t) => t.by)).toEqual(expected);
    expect(list.body.items.find((o) => o.id === order.id)?.timeline.map((t) => t.by)).toEqual(expected);
    const fields = await call<Order>(owner, 'GET', `/orders/${order.id}?fields=timeline`);
    expect(fields.body.timeline.map((t) => t.by)).toEqual(expected);
    // Admins keep the ids.
    const asAdmin = await call<Order>(admin, 'GET', `/admin/orders/${order.id}`);
    expect(asAdmin.body.timeline.map((t) => t.by)).toEqual(['storefront:storefront', 'admin:admin-1', 'storefront:storefront', 'storefront:storefront']);
  });

  it('notes.list: a note reads as written by the shop', async () => {
    const notes = await call<{ items: { author: string }[] }>(owner, 'GET', `/orders/${order.id}/notes`);
    expect(notes.body.items.map((n) => n.author)).toEqual(['shop']);
    const asAdmin = await call<{ items: { author: string }[] }>(admin, 'GET', `/admin/orders/${order.id}/notes`);
    expect(asAdmin.body.items.map((n) => n.author)).toEqual(['admin:admin-1']);
  });

  it('returns.create, comment, get, list and cancel (and their replays): customer and shop, never an id', async () => {
    const key = { 'idempotency-key': randomUUID() };
    const created = await call<ReturnRequest>(owner, 'POST', '/returns', returnOf(order), key);
    expect(created.status).toBe(201);
    const replayed = await call<ReturnRequest>(owner, 'POST', '/returns', returnOf(order), key);
    expect([actors(created.body), actors(replayed.body)]).toEqual([['customer'], ['customer']]);
    const id = created.body.id;

    expect((await call(admin, 'POST', `/admin/returns/${id}/comments`, { body: 'We will pick it up', visibleToCustomer: true })).status).toBe(201);
    const commentKey = { 'idempotency-key': randomUUID() };
    const mine = await call<{ submittedBy: string }>(owner, 'POST', `/returns/${id}/comments`, { body: 'Thanks' }, commentKey);
    const mineAgain = await call<{ submittedBy: string }>(owner, 'POST', `/returns/${id}/comments`, { body: 'Thanks' }, commentKey);
    expect([mine.body.submittedBy, mineAgain.body.submittedBy]).toEqual(['customer', 'customer']);

    const one = await call<ReturnRequest>(owner, 'GET', `/returns/${id}`);
    expect(one.body.statusHistory.map((h) => h.submittedBy)).toEqual(['customer']);
    expect(one.body.comments.map((c) => c.submittedBy)).toEqual(['shop', 'customer']);

    const cancelled = await call<ReturnRequest>(owner, 'POST', `/returns/${id}/cancel`, {});
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.statusHistory.map((h) => h.submittedBy)).toEqual(['customer', 'customer']);

    const list = await call<{ items: ReturnRequest[] }>(owner, 'GET', '/returns');
    expect(list.body.items.find((r) => r.id === id)?.statusHistory.map((h) => h.submittedBy)).toEqual(['customer', 'customer']);
    for (const answer of [created, replayed, mine, mineAgain, one, cancelled, list]) expect(JSON.stringify(answer.body)).not.toMatch(IDS);

    const asAdmin = await call<ReturnRequest>(admin, 'GET', `/admin/returns/${id}`);
    expect(asAdmin.body.comments.map((c) => c.submittedBy)).toEqual(['admin:admin-1', `customer:${owner.sub}`]);
  });

  it('a return moved by the shop reads shop in the customer’s history', async () => {
    const created = await call<ReturnRequest>(owner, 'POST', '/returns', returnOf(order));
    expect((await call(admin, 'POST', `/admin/returns/${created.body.id}/status`, { status: 'picked_up' })).status).toBe(200);
    const one = await call<ReturnRequest>(owner, 'GET', `/returns/${created.body.id}`);
    expect(one.body.statusHistory.map((h) => h.submittedBy)).toEqual(['customer', 'shop']);
  });
});
