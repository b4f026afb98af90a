// A customer follows their own cancellations; an admin opens any by id.
// Real HTTP against the local API.
import { describe, expect, it } from 'vitest';
import type { Cancellation } from '#shared/domain/cancellation';
import { admin, call, createOrder, customer } from '../support/api.ts';

type Page = { items: Cancellation[]; nextCursor: string | null };
const MISSING = 'can_01JAAAAAAAAAAAAAAAAAAAAAAA';

const requestCancellation = async (owner: ReturnType<typeof customer>, overrides: Record<string, unknown> = {}) => {
  const order = await createOrder(owner, overrides);
  const reply = await call<Cancellation>(owner, 'POST', `/orders/${order.id}/cancellation`, { reasonId: 'rsn_cxlchangedmind', comment: 'found it cheaper' });
  expect(reply.status).toBe(201);
  return reply.body;
};

describe('GET /cancellations and /cancellations/{cancellationId}', () => {
  it('lists my cancellations newest first, paged, whatever their status, and nobody else’s', async () => {
    const owner = customer();
    const cod = await requestCancellation(owner, { paymentMethod: 'cod', paymentStatus: 'unpaid' });
    const paid = await requestCancellation(owner);
    await requestCancellation(customer());

    const mine = await call<Page>(owner, 'GET', '/cancellations');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((c) => [c.id, c.status])).toEqual([
      [paid.id, 'requested'],
      [cod.id, 'approved'],
    ]);
    expect(mine.body.items[0]).toEqual(paid);

    const first = await call<Page>(owner, 'GET', '/cancellations?limit=1');
    expect(first.body.items.map((c) => c.id)).toEqual([paid.id]);
    const next = await call<Page>(owner, 'GET', `/cancellations?limit=1&cursor=${encodeURIComponent(first.body.nextCursor ?? '')}`);
    expect(next.body.items.map((c) => c.id)).toEqual([cod.id]);

    expect((await call<Page>(customer(), 'GET', '/cancellations')).body).toEqual({ items: [], nextCursor: null });
  });

  it('shows the owner one cancellation as it now stands, `fields` included; another customer gets the 404 of a missing id', async () => {
    const owner = customer();
    const requested = await requestCancellation(owner);
    expect((await call(admin, 'POST', `/admin/cancellations/${requested.id}/reject`, { rejectionReason: 'already shipped' })).status).toBe(200);

    const mine = await call<Cancellation>(owner, 'GET', `/cancellations/${requested.id}`);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ id: requested.id, status: 'rejected', rejectionReason: 'already shipped', version: 2 });
    expect(mine.headers.get('etag')).toBe('"2"');
    expect((await call(owner, 'GET', `/cancellations/${requested.id}?fields=id,status`)).body).toEqual({ id: requested.id, status: 'rejected' });

    const stranger = await call<{ detail: string }>(customer(), 'GET', `/cancellations/${requested.id}`);
    const missing = await call<{ detail: string }>(owner, 'GET', `/cancellations/${MISSING}`);
    expect([stranger.status, missing.status]).toEqual([404, 404]);
    expect(stranger.body.detail).toBe(missing.body.detail);
  });
});

describe('GET /admin/cancellations/{id}', () => {
  it('opens any cancellation by id, with `fields`; 404 for a missing one', async () => {
    const requested = await requestCancellation(customer());
    const reply = await call<Cancellation>(admin, 'GET', `/admin/cancellations/${requested.id}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(requested);
    expect((await call(admin, 'GET', `/admin/cancellations/${requested.id}?fields=status,orderId`)).body).toEqual({
      status: 'requested',
      orderId: requested.orderId,
    });
    expect((await call(admin, 'GET', `/admin/cancellations/${MISSING}`)).status).toBe(404);
    expect((await call(admin, 'GET', `/admin/cancellations/${requested.id}?fields=nope`)).status).toBe(400);
  });
});
