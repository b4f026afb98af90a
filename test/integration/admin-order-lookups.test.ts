// Finding orders the way a customer quotes them (number, email in any case) and
// everything filed against one order: real HTTP against the local API.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Cancellation } from '#shared/domain/cancellation';
import type { Order } from '#shared/domain/order';
import type { ReturnRecord } from '#shared/domain/return-request';
import { admin, call, createOrder, customer } from '../support/api.ts';
import { createReturn, deliveredOrderFor, returnOf, setStatus } from '../support/returns-api.ts';

type Page<T> = { items: T[]; nextCursor: string | null; errors?: { path: string; message: string }[] };
const list = <T = Order>(path: string) => call<Page<T>>(admin, 'GET', path);
const ids = (page: Page<{ id: string }>) => page.items.map((i) => i.id);

/** Every page of a list, following nextCursor. */
const everyPage = async <T extends { id: string }>(path: string, limit: number): Promise<{ ids: string[]; pages: number }> => {
  const seen: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const reply: { status: number; body: Page<T> } = await list<T>(`${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(reply.status).toBe(200);
    seen.push(...ids(reply.body));
    cursor = reply.body.nextCursor;
    pages++;
  } while (cursor);
  return { ids: seen, pages };
};

describe('GET /admin/orders?number=', () => {
  it('finds every order with that exact number, newest first, paged; a near miss finds none', async () => {
    const number = `N-${randomUUID().slice(0, 8)}`;
    const owner = customer();
    const first = await createOrder(owner, { number });
    const second = await createOrder(customer(), { number });
    await createOrder(owner, { number: `${number}0` });

    const found = await list(`/admin/orders?number=${encodeURIComponent(number)}`);
    expect(found.status).toBe(200);
    expect(ids(found.body)).toEqual([second.id, first.id]);
    expect(found.body.items[0]).toMatchObject({ id: second.id, number, lineItems: second.lineItems });

    expect(await everyPage(`/admin/orders?number=${encodeURIComponent(number)}`, 1)).toMatchObject({ ids: [second.id, first.id] });
    expect(ids((await list(`/admin/orders?number=${encodeURIComponent(number.slice(0, -1))}`)).body)).toEqual([]);
  });

  it('finds an order by the number the shop gave it when the storefront sent none, in any case', async () => {
    const order = await createOrder(customer());
    expect(ids((await list(`/admin/orders?number=${order.number}`)).body)).toEqual([order.id]);
    expect(ids((await list(`/admin/orders?number=${order.number.toLowerCase()}`)).body)).toEqual([order.id]);
  });

  it('combines with status and dates', async () => {
    const number = `N-${randomUUID().slice(0, 8)}`;
    const pending = await createOrder(customer(), { number });
    const confirmed = await createOrder(customer(), { number });
    expect((await call(admin, 'POST', `/admin/orders/${confirmed.id}/status`, { status: 'confirmed' })).status).toBe(200);
    expect(ids((await list(`/admin/orders?number=${number}&status=confirmed`)).body)).toEqual([confirmed.id]);
    expect(ids((await list(`/admin/orders?number=${number}&status=pending`)).body)).toEqual([pending.id]);
    const today = pending.createdAt.slice(0, 10);
    expect(ids((await list(`/admin/orders?number=${number}&dateStart=${today}&dateEnd=${today}`)).body).sort()).toEqual([pending.id, confirmed.id].sort());
    expect(ids((await list(`/admin/orders?number=${number}&dateEnd=2000-01-01`)).body)).toEqual([]);
  });
});

describe('GET /admin/orders?email=', () => {
  it("finds a customer's orders by email in any case, newest first, paged, and no one else's", async () => {
    const tag = randomUUID().slice(0, 8);
    const owner = { ...customer(), email: `Ada.${tag}@Example.com` };
    const orders = [await createOrder(owner), await createOrder(owner), await createOrder(owner)];
    await createOrder({ ...customer(), email: `ada.${tag}@example.org` });

    const found = await list(`/admin/orders?email=${encodeURIComponent(`ada.${tag}@EXAMPLE.com`)}`);
    expect(found.status).toBe(200);
    const newestFirst = orders.map((o) => o.id).reverse();
    expect(ids(found.body)).toEqual(newestFirst);
    expect(found.body.items[0]?.customer.email).toBe(owner.email);

    const paged = await everyPage(`/admin/orders?email=${encodeURIComponent(owner.email)}`, 2);
    expect(paged).toEqual({ ids: newestFirst, pages: 2 });
  });

  it('filters by status within the customer', async () => {
    const owner = customer();
    const [a, b] = [await createOrder(owner), await createOrder(owner)];
    expect((await call(admin, 'POST', `/admin/orders/${a.id}/status`, { status: 'confirmed' })).status).toBe(200);
    expect(ids((await list(`/admin/orders?email=${owner.email.toUpperCase()}&status=confirmed`)).body)).toEqual([a.id]);
    expect(ids((await list(`/admin/orders?email=${owner.email}&status=pending`)).body)).toEqual([b.id]);
  });

  it('refuses to combine finders (400 naming each) and refuses a cursor of another list', async () => {
    const both = await list(`/admin/orders?email=a@example.com&number=123&customerId=c1`);
    expect(both.status).toBe(400);
    expect(both.body.errors?.map((e) => e.path).sort()).toEqual(['customerId', 'email', 'number']);

    const owner = customer();
    await createOrder(owner);
    await createOrder(owner);
    const page = await list(`/admin/orders?email=${owner.email}&limit=1`);
    expect(page.body.nextCursor).toEqual(expect.any(String));
    const foreign = await list(`/admin/orders?email=someone-else@example.com&cursor=${encodeURIComponent(page.body.nextCursor ?? '')}`);
    expect(foreign.status).toBe(400);
    const otherIndex = await list(`/admin/orders?number=1&cursor=${encodeURIComponent(page.body.nextCursor ?? '')}`);
    expect(otherIndex.status).toBe(400);
  });
});

describe('everything filed against one order', () => {
  it('lists the returns of an order, newest first, paged, in every status, and only its own', async () => {
    const owner = customer();
    const order = await deliveredOrderFor(owner);
    const other = await deliveredOrderFor(owner);
    const withdrawn = await createReturn(owner, returnOf(order));
    expect((await call(owner, 'POST', `/returns/${withdrawn.id}/cancel`)).status).toBe(200);
    const open = await createReturn(owner, returnOf(order));
    expect((await setStatus(open.id, { status: 'picked_up' })).status).toBe(200);
    await createReturn(owner, returnOf(other));

    const found = await list<ReturnRecord>(`/admin/orders/${order.id}/returns`);
    expect(found.status).toBe(200);
    expect(ids(found.body)).toEqual([open.id, withdrawn.id]);
    expect(found.body.items.map((r) => r.status)).toEqual(['picked_up', 'cancelled']);
    expect(await everyPage(`/admin/orders/${order.id}/returns`, 1)).toMatchObject({ ids: [open.id, withdrawn.id] });
  });

  it('lists the cancellations of an order (a rejected one and the next request), and none of another order', async () => {
    const owner = customer();
    const order = await createOrder(owner);
    const first = await call<Cancellation>(owner, 'POST', `/orders/${order.id}/cancellation`, { reasonId: 'rsn_cxlmistake' });
    expect(first.status).toBe(201);
    expect((await call(admin, 'POST', `/admin/cancellations/${first.body.id}/reject`, { rejectionReason: 'already packed' })).status).toBe(200);
    const second = await call<Cancellation>(owner, 'POST', `/orders/${order.id}/cancellation`, { reasonId: 'rsn_cxlmistake' });
    expect(second.status).toBe(201);

    const found = await list<Cancellation>(`/admin/orders/${order.id}/cancellations`);
    expect(found.status).toBe(200);
    expect(found.body.items.map((c) => [c.id, c.status])).toEqual([
      [second.body.id, 'requested'],
      [first.body.id, 'rejected'],
    ]);
    const untouched = await createOrder(owner);
    expect((await list(`/admin/orders/${untouched.id}/cancellations`)).body).toEqual({ items: [], nextCursor: null });
    expect((await list(`/admin/orders/${untouched.id}/returns`)).body).toEqual({ items: [], nextCursor: null });
  });

  it('answers 404 for an order that does not exist', async () => {
    for (const what of ['returns', 'cancellations']) {
      expect((await list(`/admin/orders/ord_01JAAAAAAAAAAAAAAAAAAAAAAA/${what}`)).status).toBe(404);
    }
  });
});
