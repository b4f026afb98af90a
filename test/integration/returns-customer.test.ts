// Return requests as their customer sees them: withdrawing one while it is
// new, comments kept private from them, strangers seeing nothing, and the
// lists (mine, newest first; admins' by status and date).
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReturnRequest } from '#shared/domain/return-request';
import { admin, call, customer } from '../support/api.ts';
import { createReturn, deliveredOrderFor, postReturn, returnable, returnOf, walk } from '../support/returns-api.ts';

beforeAll(() => {
  if (!process.env.API_URL) throw new Error('API_URL is not set: run through vitest with the global setup');
});

describe('customer withdrawal and ownership', () => {
  it('lets the customer cancel only while new; strangers see nothing', async () => {
    const owner = customer();
    const stranger = customer();
    const order = await deliveredOrderFor(owner);
    const request = await createReturn(owner, returnOf(order, {}, 2));
    expect((await call(stranger, 'GET', `/returns/${request.id}`)).status).toBe(404);
    expect((await call(stranger, 'POST', `/returns/${request.id}/cancel`)).status).toBe(404);
    expect((await call(stranger, 'POST', `/returns/${request.id}/comments`, { body: 'hi' })).status).toBe(404);
    expect((await call(stranger, 'GET', `/orders/${order.id}/returnable-items`)).status).toBe(404);
    expect((await postReturn(stranger, returnOf(order))).status).toBe(404);
    expect((await call<{ items: unknown[] }>(stranger, 'GET', '/returns')).body.items).toEqual([]);
    expect((await call(owner, 'GET', '/returns/ret_00000000000000000000000000')).status).toBe(404);
    expect((await call(owner, 'GET', '/returns/not-an-id')).status).toBe(404);

    const cancelled = await call<ReturnRequest>(owner, 'POST', `/returns/${request.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(cancelled.body.statusHistory.at(-1)).toMatchObject({ status: 'cancelled', submittedBy: 'customer' });
    expect((await returnable(owner, order))[0]).toMatchObject({ inOpenReturns: 0, returnable: 3 });
    const again = await call<{ allowedTransitions: string[] }>(owner, 'POST', `/returns/${request.id}/cancel`);
    expect([again.status, again.body.allowedTransitions]).toEqual([409, []]);

    const second = await createReturn(owner, returnOf(order));
    await walk(second.id, 'picked_up');
    const late = await call<{ allowedTransitions: string[] }>(owner, 'POST', `/returns/${second.id}/cancel`);
    expect([late.status, late.body.allowedTransitions]).toEqual([409, []]);
  });

  it('keeps private comments from the customer', async () => {
    const owner = customer();
    const order = await deliveredOrderFor(owner);
    const request = await createReturn(owner, returnOf(order));
    const mine = await call<{ id: string; visibleToCustomer: boolean; submittedBy: string }>(owner, 'POST', `/returns/${request.id}/comments`, {
      body: 'When will you pick it up?',
    });
    expect(mine.status).toBe(201);
    expect(mine.body).toMatchObject({ visibleToCustomer: true, submittedBy: 'customer' });
    expect(mine.body.id).toMatch(/^cmt_/);
    const secret = await call(admin, 'POST', `/admin/returns/${request.id}/comments`, { body: 'Customer looks suspicious', visibleToCustomer: false });
    const answer = await call(admin, 'POST', `/admin/returns/${request.id}/comments`, { body: 'Tomorrow morning', visibleToCustomer: true });
    const fallback = await call<{ visibleToCustomer: boolean }>(admin, 'POST', `/admin/returns/${request.id}/comments`, { body: 'Private by default' });
    expect([secret.status, answer.status, fallback.status, fallback.body.visibleToCustomer]).toEqual([201, 201, 201, false]);
    expect((await call(owner, 'POST', `/returns/${request.id}/comments`, { body: '' })).status).toBe(400);

    const seen = await call<ReturnRequest>(owner, 'GET', `/returns/${request.id}`);
    expect(seen.body.comments.map((c) => c.body)).toEqual(['When will you pick it up?', 'Tomorrow morning']);
    const adminSeen = await call<ReturnRequest>(admin, 'GET', `/admin/returns/${request.id}`);
    expect(adminSeen.body.comments.map((c) => c.body)).toEqual([
      'When will you pick it up?',
      'Customer looks suspicious',
      'Tomorrow morning',
      'Private by default',
    ]);
    const fields = await call<Record<string, unknown>>(owner, 'GET', `/returns/${request.id}?fields=id,status`);
    expect(fields.body).toEqual({ id: request.id, status: 'new' });
  });
});

describe('lists', () => {
  it('lists my returns newest first with cursors, and admins by status and date', async () => {
    const owner = customer();
    const order = await deliveredOrderFor(owner);
    const made: ReturnRequest[] = [];
    for (let i = 0; i < 3; i++) made.push(await createReturn(owner, returnOf(order)));
    const page1 = await call<{ items: ReturnRequest[]; nextCursor: string | null }>(owner, 'GET', '/returns?limit=2');
    expect(page1.body.items.map((r) => r.id)).toEqual([made[2]!.id, made[1]!.id]);
    const page2 = await call<{ items: ReturnRequest[]; nextCursor: string | null }>(owner, 'GET', `/returns?limit=2&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items.map((r) => r.id)).toEqual([made[0]!.id]);
    expect((await call(customer(), 'GET', `/returns?cursor=${page1.body.nextCursor}`)).status).toBe(400);

    await walk(made[1]!.id, 'picked_up');
    const today = made[1]!.createdAt.slice(0, 10);
    const picked = await call<{ items: ReturnRequest[] }>(admin, 'GET', `/admin/returns?status=picked_up&dateStart=${today}&dateEnd=${today}&limit=100`);
    expect(picked.status).toBe(200);
    expect(picked.body.items.every((r) => r.status === 'picked_up')).toBe(true);
    expect(picked.body.items.map((r) => r.id)).toContain(made[1]!.id);
    const fresh = await call<{ items: ReturnRequest[] }>(admin, 'GET', `/admin/returns?status=new&dateStart=${today}&limit=100`);
    expect(fresh.body.items.map((r) => r.id)).toEqual(expect.arrayContaining([made[0]!.id, made[2]!.id]));
    expect(fresh.body.items.map((r) => r.id)).not.toContain(made[1]!.id);
    const all = await call<{ items: ReturnRequest[] }>(admin, 'GET', `/admin/returns?dateStart=${made[0]!.createdAt}&limit=100`);
    expect(all.body.items.map((r) => r.id)).toEqual(expect.arrayContaining(made.map((r) => r.id)));
    const yesterday = new Date(Date.parse(made[0]!.createdAt) - 86_400_000).toISOString().slice(0, 10);
    const before = await call<{ items: ReturnRequest[] }>(admin, 'GET', `/admin/returns?dateEnd=${yesterday}&limit=100`);
    expect(before.body.items.map((r) => r.id)).not.toContain(made[0]!.id);
    expect((await call(admin, 'GET', '/admin/returns?status=lost')).status).toBe(400);
    expect((await call(owner, 'GET', '/admin/returns')).status).toBe(403);
  });
});
