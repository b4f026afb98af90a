// API.md's conventions that hold on every route rather than one area's:
// where a list ends, `?fields=` on every single-resource GET, and the ETag and
// `If-Match` of a mutable resource.
import { describe, expect, it } from 'vitest';
import type { Cancellation } from '#shared/domain/cancellation';
import type { OrderNote } from '#shared/domain/note';
import type { Order } from '#shared/domain/order';
import { admin, type Caller, call, createOrder, customer } from '../support/api.ts';
import { createReturn, deliveredOrderFor, returnOf } from '../support/returns-api.ts';

type Page<T> = { items: T[]; nextCursor: string | null };
type Problem = { errors: { path: string; message: string }[] };

const PUBLIC: Caller = { role: 'public' };

describe('lists', () => {
  it('end on the page that holds the last item: nextCursor null, never a cursor to an empty page', async () => {
    const owner = customer();
    for (let i = 0; i < 4; i++) await createOrder(owner);
    const first = await call<Page<Order>>(owner, 'GET', '/orders?limit=2');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const last = await call<Page<Order>>(owner, 'GET', `/orders?limit=2&cursor=${first.body.nextCursor}`);
    expect(last.body.items).toHaveLength(2);
    expect(last.body.nextCursor).toBeNull();
    expect(new Set([...first.body.items, ...last.body.items].map((o) => o.id)).size).toBe(4);
  });

  it('page a filtered list (a customer’s notes among private ones) to its end without losing or repeating one', async () => {
    const owner = customer();
    const order = await createOrder(owner);
    const written: string[] = [];
    for (const visibility of ['customer', 'private', 'customer', 'customer', 'private'] as const) {
      const reply = await call<OrderNote>(admin, 'POST', `/admin/orders/${order.id}/notes`, { body: `a ${visibility} note`, visibility });
      if (visibility === 'customer') written.push(reply.body.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const reply: { body: Page<OrderNote> } = await call<Page<OrderNote>>(
        owner,
        'GET',
        `/orders/${order.id}/notes?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...reply.body.items.map((n) => n.id));
      cursor = reply.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual(written);
  });
});

describe('?fields=', () => {
  it('selects top-level fields, and refuses unknown ones, on every single-resource GET', async () => {
    const owner = customer();
    const order = await deliveredOrderFor(owner);
    const request = await createReturn(owner, returnOf(order));
    const cases: [Caller, string, string][] = [
      [admin, '/admin/summary', 'cancellations'],
      [PUBLIC, '/return-policy', 'returns'],
      [owner, `/orders/${order.id}/returnable-items`, 'orderId'],
      [admin, `/admin/returns/${request.id}/next-statuses`, 'nextStatuses'],
    ];
    for (const [caller, path, field] of cases) {
      const whole = await call(caller, 'GET', path);
      const some = await call(caller, 'GET', `${path}?fields=${field}`);
      expect([path, some.status, some.body]).toEqual([path, 200, { [field]: whole.body[field] }]);
      const bad = await call<Problem>(caller, 'GET', `${path}?fields=${field},bogus`);
      expect([path, bad.status, bad.body.errors]).toEqual([path, 400, [{ path: 'fields', message: 'unknown field "bogus"' }]]);
    }
  });

  it('knows every field the schema declares, even one this resource leaves out', async () => {
    const owner = customer();
    const order = await createOrder(owner, { paymentMethod: 'cod', paymentStatus: 'unpaid' });
    const cancelled = await call<Cancellation>(owner, 'POST', `/orders/${order.id}/cancellation`, { reasonId: 'rsn_cxlmistake' });
    expect(cancelled.body).not.toHaveProperty('voucherCode');
    const reply = await call(owner, 'GET', `/cancellations/${cancelled.body.id}?fields=id,voucherCode`);
    expect([reply.status, reply.body]).toEqual([200, { id: cancelled.body.id }]);
  });

  it('keeps the ETag of the resource when version is not among the fields', async () => {
    const order = await createOrder(customer());
    const reply = await call(admin, 'GET', `/admin/orders/${order.id}?fields=status`);
    expect(reply.body).toEqual({ status: 'pending' });
    expect(reply.headers.get('etag')).toBe('"1"');
  });
});

describe('If-Match', () => {
  it('takes `*` as any current version, and still refuses a stale one with 412', async () => {
    const order = await createOrder(customer());
    const stale = await call(admin, 'POST', `/admin/orders/${order.id}/status`, { status: 'confirmed' }, { 'if-match': '"2"' });
    expect(stale.status).toBe(412);
    const any = await call<Order>(admin, 'POST', `/admin/orders/${order.id}/status`, { status: 'confirmed' }, { 'if-match': '*' });
    expect([any.status, any.body.status, any.headers.get('etag')]).toEqual([200, 'confirmed', '"2"']);
  });
});
