// The worst case of an order's timeline: a parcel bouncing out_for_delivery ↔
// delivery_failed, each move with a 1,000-character note. The order item keeps
// its recent entries and moves older ones to pages (orders-repo.ts), so it
// never nears DynamoDB's 400 KB item limit, and every answer still shows the
// whole timeline, oldest first.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { db, TABLE_NAME } from '#shared/adapters/dynamo';
import { KEY } from '#shared/adapters/keys';
import type { Order } from '#shared/domain/order';
import { admin, call, createOrder, customer } from '../support/api.ts';

const BOUNCES = 64;

describe('an order timeline that would grow without bound', () => {
  it('keeps the order item small and answers every entry, in order, everywhere', { timeout: 240_000 }, async () => {
    // Arrange: an order shipped, then 64 delivery attempts with long notes.
    const owner = customer();
    const order = await createOrder(owner);
    for (const status of ['confirmed', 'shipped']) expect((await call(admin, 'POST', `/admin/orders/${order.id}/status`, { status })).status).toBe(200);
    let last: Order | undefined;
    for (let n = 0; n < BOUNCES; n++) {
      const status = n % 2 === 0 ? 'out_for_delivery' : 'delivery_failed';
      const note = `${String(n).padStart(4, '0')} ${'x'.repeat(995)}`;
      const reply = await call<Order>(admin, 'POST', `/admin/orders/${order.id}/status`, { status, note });
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      last = reply.body;
    }

    // Assert: the item holds a bounded part of the timeline; its size stays far from 400 KB.
    const { Item } = await db.send(new GetCommand({ TableName: TABLE_NAME, Key: KEY.order(order.id), ConsistentRead: true }));
    expect((Item?.timeline as unknown[] | undefined)?.length).toBeLessThanOrEqual(30);
    expect(Buffer.byteLength(JSON.stringify(Item))).toBeLessThan(48 * 1024);

    // Every answer has all 2 + 1 + 64 entries, oldest first, notes whole.
    const expected = ['pending', 'confirmed', 'shipped', ...Array.from({ length: BOUNCES }, (_, n) => (n % 2 === 0 ? 'out_for_delivery' : 'delivery_failed'))];
    const notes = (timeline: Order['timeline']) => timeline.slice(3).map((entry) => entry.note?.slice(0, 4));
    const expectedNotes = Array.from({ length: BOUNCES }, (_, n) => String(n).padStart(4, '0'));
    const adminView = (await call<Order>(admin, 'GET', `/admin/orders/${order.id}`)).body;
    const mine = (await call<Order>(owner, 'GET', `/orders/${order.id}`)).body;
    const tracking = (await call<{ timeline: Order['timeline'] }>(owner, 'GET', `/orders/${order.id}/tracking`)).body;
    const listed = (await call<{ items: Order[] }>(admin, 'GET', `/admin/orders?customerId=${owner.sub}`)).body.items.find((o) => o.id === order.id);
    for (const timeline of [last?.timeline, adminView.timeline, mine.timeline, tracking.timeline, listed?.timeline]) {
      expect(timeline?.map((entry) => entry.status)).toEqual(expected);
      expect(notes(timeline ?? [])).toEqual(expectedNotes);
    }
    expect(adminView.timeline.map((entry) => entry.at)).toEqual([...adminView.timeline.map((entry) => entry.at)].sort());
  });
});
