// Order notes end to end: admins write private or customer notes, customers
// read only theirs, and the stream consumer emails customer notes only.
import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { waitForStreamIdle } from '#infra/local/control-server';
import { waitForEmail } from '#infra/local/ses-local';
import { db, TABLE_NAME } from '#shared/adapters/dynamo';
import type { OrderNote } from '#shared/domain/note';
import { admin, call, createOrder, customer, storefront } from '../support/api.ts';
import { inbox, sesUrl } from '../support/notify.ts';

type Page = { items: OrderNote[]; nextCursor: string | null };
type Problem = { errors: { path: string }[] };

const note = async (orderId: string, body: string, visibility?: 'private' | 'customer') => {
  const reply = await call<OrderNote>(admin, 'POST', `/admin/orders/${orderId}/notes`, { body, ...(visibility ? { visibility } : {}) });
  if (reply.status !== 201) throw new Error(`note failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
};

describe('order notes', () => {
  it('creates a note (201) stored as a pinned OrderNote item', async () => {
    const owner = customer();
    const order = await createOrder(owner);
    const reply = await call<OrderNote>(admin, 'POST', `/admin/orders/${order.id}/notes`, { body: 'Packed with extra bubble wrap', visibility: 'customer' });
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      id: expect.stringMatching(/^note_[0-9A-Za-z]+$/),
      orderId: order.id,
      body: 'Packed with extra bubble wrap',
      visibility: 'customer',
      author: 'admin:admin-1',
      createdAt: expect.any(String),
    });
    const { Item } = await db.send(new GetCommand({ TableName: TABLE_NAME, Key: { PK: `ORDER#${order.id}`, SK: `NOTE#${reply.body.id}` } }));
    expect(Item).toEqual({ PK: `ORDER#${order.id}`, SK: `NOTE#${reply.body.id}`, type: 'OrderNote', ...reply.body });
  });

  it('defaults to private, and shows customers only customer notes; admins see all, oldest first', async () => {
    const owner = customer();
    const order = await createOrder(owner);
    const a = await note(order.id, 'Fraud check passed');
    const b = await note(order.id, 'Your parcel leaves tomorrow', 'customer');
    const c = await note(order.id, 'Courier complained', 'private');
    const d = await note(order.id, 'Tracking link updated', 'customer');
    expect(a.visibility).toBe('private');
    const all = await call<Page>(admin, 'GET', `/admin/orders/${order.id}/notes`);
    expect(all.status).toBe(200);
    expect(all.body).toEqual({ items: [a, b, c, d], nextCursor: null });
    const theirs = await call<Page>(owner, 'GET', `/orders/${order.id}/notes`);
    expect(theirs.status).toBe(200);
    // The customer reads the shop as the author, never an admin's id.
    expect(theirs.body.items).toEqual([b, d].map((n) => ({ ...n, author: 'shop' })));
  });

  it('pages with limit and cursor', async () => {
    const order = await createOrder(customer());
    const notes = [];
    for (const body of ['one', 'two', 'three']) notes.push(await note(order.id, body));
    const first = await call<Page>(admin, 'GET', `/admin/orders/${order.id}/notes?limit=2`);
    expect(first.body.items).toEqual(notes.slice(0, 2));
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await call<Page>(admin, 'GET', `/admin/orders/${order.id}/notes?limit=2&cursor=${encodeURIComponent(first.body.nextCursor ?? '')}`);
    expect(second.body.items).toEqual(notes.slice(2));
    // A cursor of another order's list is refused, never followed.
    const other = await createOrder(customer());
    expect((await call(admin, 'GET', `/admin/orders/${other.id}/notes?cursor=${encodeURIComponent(first.body.nextCursor ?? '')}`)).status).toBe(400);
  });

  it("answers 404 for another customer's order exactly as for an unknown one", async () => {
    const order = await createOrder(customer());
    await note(order.id, 'For the owner only', 'customer');
    const stranger = customer();
    const theirs = await call(stranger, 'GET', `/orders/${order.id}/notes`);
    const unknown = await call(stranger, 'GET', '/orders/ord_01NOSUCHORDER/notes');
    expect(theirs.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect((theirs.body as { detail: string }).detail).toBe((unknown.body as { detail: string }).detail);
    expect((await call(admin, 'GET', '/admin/orders/ord_01NOSUCHORDER/notes')).status).toBe(404);
    expect((await call(admin, 'POST', '/admin/orders/ord_01NOSUCHORDER/notes', { body: 'x' })).status).toBe(404);
  });

  it('keeps the routes to their roles', async () => {
    const owner = customer();
    const order = await createOrder(owner);
    expect((await call(owner, 'POST', `/admin/orders/${order.id}/notes`, { body: 'mine' })).status).toBe(403);
    expect((await call(owner, 'GET', `/admin/orders/${order.id}/notes`)).status).toBe(403);
    expect((await call(storefront, 'GET', `/orders/${order.id}/notes`)).status).toBe(403);
    expect((await call({ role: 'public' }, 'GET', `/orders/${order.id}/notes`)).status).toBe(401);
  });

  it('lists every invalid field', async () => {
    const order = await createOrder(customer());
    const reply = await call<Problem>(admin, 'POST', `/admin/orders/${order.id}/notes`, { body: '  ', visibility: 'public' });
    expect(reply.status).toBe(400);
    expect(reply.body.errors.map((e) => e.path).sort()).toEqual(['body', 'visibility']);
    expect((await call<Problem>(admin, 'POST', `/admin/orders/${order.id}/notes`, { body: 'x'.repeat(5001) })).status).toBe(400);
  });

  it('replays a note sent twice with the same Idempotency-Key', async () => {
    const order = await createOrder(customer());
    const key = { 'idempotency-key': randomUUID() };
    const [first, second] = await Promise.all([1, 2].map(() => call<OrderNote>(admin, 'POST', `/admin/orders/${order.id}/notes`, { body: 'Once' }, key)));
    expect([first?.status, second?.status]).toEqual([201, 201]);
    expect(second?.body).toEqual(first?.body);
    expect((await call<Page>(admin, 'GET', `/admin/orders/${order.id}/notes`)).body.items).toHaveLength(1);
  });

  it('emails the customer a customer note, and never a private one', async () => {
    const owner = customer();
    const order = await createOrder(owner);
    const secret = `internal-${randomUUID()}`;
    const shared = `public-${randomUUID()}`;
    await note(order.id, secret, 'private');
    await note(order.id, shared, 'customer');
    const email = await waitForEmail(sesUrl(), (e) => e.destination.to.includes(owner.email) && JSON.stringify(e).includes(shared), { timeoutMs: 20_000 });
    expect(email.destination.to).toEqual([owner.email]);
    await waitForStreamIdle();
    const mail = await inbox(owner.email);
    expect(mail.filter((e) => JSON.stringify(e).includes(shared))).toHaveLength(1);
    expect(mail.some((e) => JSON.stringify(e).includes(secret))).toBe(false);
  });
});
