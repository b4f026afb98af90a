// Status changes written in one conditional UpdateItem: every refusal is
// explained from the item as it was (404, 412, 409 with allowedTransitions,
// the open-cancellation hold), racing admins included, and the write keeps
// every side field, the byStatus index and the history it always kept.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { db, TABLE_NAME } from '#shared/adapters/dynamo';
import type { Order } from '#shared/domain/order';
import type { ReturnRequest } from '#shared/domain/return-request';
import { admin, call, createOrder, customer, deliver } from '../support/api.ts';
import { createReturn, deliveredOrderFor, type Problem, returnOf, setStatus } from '../support/returns-api.ts';

type OrderReply = Order & Problem;
const move = (orderId: string, status: string, headers: Record<string, string> = {}, extra: Record<string, unknown> = {}) =>
  call<OrderReply>(admin, 'POST', `/admin/orders/${orderId}/status`, { status, ...extra }, headers);
const storedOrder = async (id: string) => (await db.send(new GetCommand({ TableName: TABLE_NAME, Key: { PK: `ORDER#${id}`, SK: 'ORDER' } }))).Item;

describe('order status in one write', () => {
  it('answers 404 for an unknown order, 412 for a stale If-Match, 409 with the legal moves for an illegal one', async () => {
    expect((await move('ord_01NOSUCHORDER', 'confirmed')).status).toBe(404);
    const order = await createOrder(customer());
    const stale = await move(order.id, 'confirmed', { 'if-match': '"7"' });
    expect([stale.status, stale.body.detail]).toEqual([412, 'If-Match names version 7; the current version is 1.']);
    const illegal = await move(order.id, 'shipped');
    expect([illegal.status, illegal.body.allowedTransitions]).toEqual([409, ['confirmed', 'cancelled']]);
    // Nothing ever moves back to pending: still explained from the order as it is.
    const back = await move(order.id, 'pending', { 'if-match': '"1"' });
    expect([back.status, back.body.allowedTransitions]).toEqual([409, ['confirmed', 'cancelled']]);
    const ok = await move(order.id, 'confirmed', { 'if-match': '"1"' }, { note: 'checked' });
    expect([ok.status, ok.headers.get('etag'), ok.body.version, ok.body.status]).toEqual([200, '"2"', 2, 'confirmed']);
    expect(ok.body.timeline.map((t) => [t.status, t.note])).toEqual([
      ['pending', null],
      ['confirmed', 'checked'],
    ]);
    // The byStatus index key moved with the status, in the same write; the answer is the stored order.
    const item = await storedOrder(order.id);
    expect(item?.GSI2PK).toBe('ORDER#confirmed');
    expect((await call<Order>(admin, 'GET', `/admin/orders/${order.id}`)).body).toEqual(ok.body);
  });

  it('lets exactly one of several admins moving the same order at once win; the others get 409 with the moves left', async () => {
    const order = await createOrder(customer());
    const replies = await Promise.all(Array.from({ length: 6 }, () => move(order.id, 'confirmed')));
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    for (const lost of replies.filter((r) => r.status === 409)) expect(lost.body.allowedTransitions).toEqual(['picked_up', 'shipped', 'cancelled']);
    const after = (await call<Order>(admin, 'GET', `/admin/orders/${order.id}`)).body;
    expect([after.version, after.timeline.map((t) => t.status)]).toEqual([2, ['pending', 'confirmed']]);
  });

  it('gives the 412 to the loser of two admins racing with the same If-Match', async () => {
    const order = await createOrder(customer());
    await move(order.id, 'confirmed');
    const replies = await Promise.all([move(order.id, 'picked_up', { 'if-match': '"2"' }), move(order.id, 'shipped', { 'if-match': '"2"' })]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 412]);
    expect((await call<Order>(admin, 'GET', `/admin/orders/${order.id}`)).body.version).toBe(3);
  });

  it('stamps delivery, collects a COD payment, and leaves an order already paid as it was', async () => {
    const cod = await createOrder(customer(), { paymentMethod: 'cod', paymentStatus: 'unpaid' });
    const delivered = await deliver(cod);
    expect([delivered.status, delivered.paymentStatus, delivered.deliveredAt]).toEqual(['delivered', 'paid', delivered.timeline.at(-1)?.at]);
    const paid = await createOrder(customer());
    await move(paid.id, 'confirmed');
    await call(admin, 'POST', `/admin/orders/${paid.id}/refunds`, { amount: 100 });
    await move(paid.id, 'shipped');
    const reply = await move(paid.id, 'delivered', {}, { paymentCollected: true });
    expect([reply.status, reply.body.paymentStatus, reply.body.version]).toEqual([200, 'partially_refunded', 5]);
    expect(reply.body.timeline.map((t) => t.status)).toEqual(['pending', 'confirmed', 'shipped', 'delivered']);
  });

  it('is held by an open cancellation request, through writes that do not know the hold, until it is rejected', async () => {
    const owner = customer();
    const order = await createOrder(owner);
    await move(order.id, 'confirmed');
    const request = await call<{ id: string }>(owner, 'POST', `/orders/${order.id}/cancellation`, { reasonId: 'rsn_cxlchangedmind' });
    expect(request.status).toBe(201);
    // A refund replaces the order's fields meanwhile: the hold survives it.
    expect((await call(admin, 'POST', `/admin/orders/${order.id}/refunds`, { amount: 100 })).status).toBe(201);
    const held = await move(order.id, 'shipped');
    expect([held.status, held.body.detail, held.body.allowedTransitions]).toEqual([
      409,
      'This order has an open cancellation request; approve or reject it first.',
      [],
    ]);
    // An illegal move is still explained by the table first.
    expect((await move(order.id, 'delivered')).body.allowedTransitions).toEqual(['picked_up', 'shipped', 'cancelled']);
    expect((await call(admin, 'POST', `/admin/cancellations/${request.body.id}/reject`, { rejectionReason: 'Already packed' })).status).toBe(200);
    const shipped = await move(order.id, 'shipped');
    expect([shipped.status, shipped.body.status]).toEqual([200, 'shipped']);
    expect(Object.keys((await storedOrder(order.id)) ?? {})).not.toContain('openCancellationId');
  });
});

describe('return status in one write', () => {
  it('answers 404, 412, and 409 with the legal moves, and carries the comments', async () => {
    expect((await setStatus('ret_01NOSUCHRETURN', { status: 'picked_up' })).status).toBe(404);
    const owner = customer();
    const request = await createReturn(owner, returnOf(await deliveredOrderFor(owner), {}, 1));
    expect((await call(admin, 'POST', `/admin/returns/${request.id}/comments`, { body: 'Box dented' })).status).toBe(201);
    expect((await setStatus(request.id, { status: 'picked_up' }, { 'if-match': '"9"' })).status).toBe(412);
    const picked = await setStatus(request.id, { status: 'picked_up' }, { 'if-match': '"1"' });
    expect([picked.status, picked.body.version, picked.body.comments.map((c) => c.body)]).toEqual([200, 2, ['Box dented']]);
    expect(picked.body.statusHistory.map((h) => h.status)).toEqual(['new', 'picked_up']);
    // The answer is the request as stored (the admin read adds only the attachments' details).
    const { attachmentDetails: _details, ...stored } = (
      await call<ReturnRequest & { attachmentDetails: unknown }>(admin, 'GET', `/admin/returns/${request.id}`)
    ).body;
    expect(picked.body).toEqual(stored);
    const again = await setStatus(request.id, { status: 'picked_up' });
    expect([again.status, again.body.allowedTransitions]).toEqual([409, ['pending_verification']]);
    const item = await db.send(new GetCommand({ TableName: TABLE_NAME, Key: { PK: `RETURN#${request.id}`, SK: 'RETURN' } }));
    expect(item.Item?.GSI2PK).toBe('RETURN#picked_up');
  });

  it('lets one of several admins moving the same request at once win; the others get 409 with the moves left', async () => {
    const owner = customer();
    const request = await createReturn(owner, returnOf(await deliveredOrderFor(owner), {}, 1));
    const replies = await Promise.all(Array.from({ length: 5 }, () => setStatus(request.id, { status: 'pending_verification' })));
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
    for (const lost of replies.filter((r) => r.status === 409)) expect(lost.body.allowedTransitions).toEqual([]);
    const after = (await call<ReturnRequest>(admin, 'GET', `/admin/returns/${request.id}`)).body;
    expect([after.version, after.statusHistory.map((h) => h.status)]).toEqual([2, ['new', 'pending_verification']]);
  });
});
