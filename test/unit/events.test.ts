// The event catalogue and the detector: which change is which event, ids
// stable per change, every event valid against its own published schema.
import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMAS, EVENT_TYPES, eventJsonSchema, IntegrationEventSchema } from '#shared/domain/events/catalogue';
import { eventsFor } from '#shared/domain/events/detect';
import { type Exchange, movedExchange } from '#shared/domain/exchange';
import { approvedExchange, cancelledExchange, deniedExchange, paidExchange } from '#shared/domain/exchange-moves';
import type { Change } from '#shared/domain/notifications/types';
import { owingExchange, T0 } from '../support/exchange-fixture.ts';
import { cancellationItem, commentItem, noteItem, orderItem, refundItem, returnItem } from '../support/notify.ts';
import { deliveredOrder } from '../support/returns.ts';

const order = deliveredOrder();
const insert = (item: Record<string, unknown>): Change => ({ eventName: 'INSERT', type: String(item.type), old: undefined, new: item });
const modify = (old: Record<string, unknown>, next: Record<string, unknown>): Change => ({ eventName: 'MODIFY', type: String(next.type), old, new: next });
const types = (change: Change) => eventsFor(change).map((e) => e.type);
const exchangeItem = (e: Exchange) => ({ PK: `EXCHANGE#${e.id}`, SK: 'EXCHANGE', type: 'Exchange', ...e });
const LATER = '2026-12-07T11:00:00.000Z';
/** A requested exchange, owing a difference unless `differenceDue` says otherwise. */
const requestedExchange = (over: Partial<Exchange> = {}) =>
  owingExchange({ status: 'requested', history: [{ status: 'requested', at: T0, by: 'cus_1' }], version: 1, ...over });
/** Every exchange change its moves make, as the stream shows them. */
const exchangeChanges = () => {
  const requested = requestedExchange();
  const owing = approvedExchange(requested, 'adm_1', LATER);
  const even = requestedExchange({ differenceDue: 0, settlement: { kind: 'none', amount: 0, status: 'not_required', reference: null } });
  return {
    requested: insert(exchangeItem(requested)),
    approvedOwing: modify(exchangeItem(requested), exchangeItem(owing)),
    approvedEven: modify(exchangeItem(even), exchangeItem(approvedExchange(even, 'adm_1', LATER))),
    paid: modify(exchangeItem(owing), exchangeItem(paidExchange(owing, 'pi_1', 'adm_1', LATER))),
    pageOpened: modify(exchangeItem(owing), exchangeItem({ ...owing, payment: { url: 'https://pay', expiresAt: LATER, sessionId: 'cs_1' }, version: 3 })),
    denied: modify(exchangeItem(requested), exchangeItem(deniedExchange(requested, 'out of season', 'adm_1', LATER))),
    cancelled: modify(exchangeItem(owing), exchangeItem(cancelledExchange(owing, 'customer', 'cus_1', LATER))),
  };
};

describe('eventsFor', () => {
  it('orders: created, status changed, paid (on creation too)', () => {
    const item = { ...orderItem(order), paymentStatus: 'unpaid' };
    expect(types(insert(item))).toEqual(['order.created']);
    expect(types(insert({ ...item, paymentStatus: 'paid' }))).toEqual(['order.created', 'order.paid']);
    const shipped = { ...item, status: 'shipped', version: 2 };
    expect(eventsFor(modify(item, shipped))).toMatchObject([{ type: 'order.status_changed', previous: { status: item.status }, data: { status: 'shipped' } }]);
    expect(types(modify(item, { ...item, paymentStatus: 'paid', version: 3 }))).toEqual(['order.paid']);
    expect(types(modify(item, { ...item, invoicedAt: '2026-11-22T00:00:00.000Z', version: 4 }))).toEqual([]);
  });

  it('cancellations: requested on creation, then the status it reaches; one born approved is both', () => {
    const requested = cancellationItem(order);
    expect(types(insert(requested))).toEqual(['cancellation.requested']);
    expect(types(insert({ ...requested, status: 'approved' }))).toEqual(['cancellation.requested', 'cancellation.approved']);
    expect(eventsFor(modify(requested, { ...requested, status: 'rejected', version: 2 }))).toMatchObject([
      { type: 'cancellation.rejected', previous: { status: 'requested' } },
    ]);
    expect(types(modify({ ...requested, status: 'approved' }, { ...requested, status: 'refunded', version: 3 }))).toEqual(['cancellation.refunded']);
    expect(types(modify(requested, { ...requested, comment: 'x', version: 2 }))).toEqual([]);
  });

  it('returns: created, each verified item, status changes', () => {
    const request = returnItem(order);
    const line = request.items[0] as { lineItemId: string };
    expect(types(insert(request))).toEqual(['return.created']);
    const verified = { ...request, items: [{ ...line, goodQuantity: 0, status: 'denied' }], version: 2 };
    expect(eventsFor(modify(request, verified))).toMatchObject([
      {
        type: 'return.item_verified',
        id: `evt_${request.id}_v2_return.item_verified_${line.lineItemId}`,
        previous: { lineItemId: line.lineItemId, goodQuantity: null },
      },
    ]);
    expect(types(modify(verified, { ...verified, status: 'denied', version: 3 }))).toEqual(['return.status_changed']);
  });

  it('refunds: created, and each transaction that settles (at once, for a voucher)', () => {
    const pending = refundItem(order);
    const txn = pending.transactions[0] as { id: string };
    expect(types(insert(pending))).toEqual(['refund.created']);
    const voucher = refundItem(order, { gateway: 'voucher', status: 'success' });
    expect(types(insert(voucher))).toEqual(['refund.created', 'refund.transaction_succeeded']);
    expect(eventsFor(modify(pending, { ...pending, transactions: [{ ...txn, status: 'failure' }], version: 2 }))).toMatchObject([
      { type: 'refund.transaction_failed', previous: { transactionId: txn.id, status: 'pending' } },
    ]);
  });

  it('notes only when customer-visible; comments on creation; nothing for removals or other types', () => {
    const visible = noteItem(order, 'hi', 'customer');
    const hidden = noteItem(order, 'internal', 'private');
    expect(types(insert(visible))).toEqual(['note.created']);
    expect(types(insert(hidden))).toEqual([]);
    expect(types(modify(hidden, { ...hidden, visibility: 'customer' }))).toEqual(['note.created']);
    const comment = commentItem(order, 'ret_1', 'internal', 'admin:a', false);
    expect(types(insert(comment))).toEqual(['comment.created']);
    expect(types(modify(comment, { ...comment, visibleToCustomer: true }))).toEqual([]);
    expect(eventsFor({ eventName: 'REMOVE', type: 'Order', old: orderItem(order), new: undefined })).toEqual([]);
    expect(eventsFor(insert({ PK: 'STOCK#A', SK: 'STOCK', type: 'Stock', id: 'A' }))).toEqual([]);
  });

  it('exchanges: one event per move, an approval told with where it lands, the payment only when it leaves awaiting_payment', () => {
    const changes = exchangeChanges();
    expect(eventsFor(changes.requested)).toMatchObject([{ type: 'exchange.requested', previous: null, data: { status: 'requested' } }]);
    expect(eventsFor(changes.approvedOwing)).toMatchObject([
      { type: 'exchange.approved', id: 'evt_exc_1_v2_exchange.approved', previous: { status: 'requested' }, occurredAt: LATER },
      { type: 'exchange.payment_required', id: 'evt_exc_1_v2_exchange.payment_required', previous: { status: 'approved' } },
    ]);
    // Nothing owed: approved, then straight to awaiting its return, which is no payment.
    expect(types(changes.approvedEven)).toEqual(['exchange.approved']);
    expect(eventsFor(changes.paid)).toMatchObject([{ type: 'exchange.paid', previous: { status: 'awaiting_payment' }, data: { status: 'awaiting_return' } }]);
    expect(types(changes.pageOpened)).toEqual([]);
    expect(eventsFor(changes.denied)).toMatchObject([{ type: 'exchange.denied', previous: { status: 'requested' }, data: { denialReason: 'out of season' } }]);
    expect(eventsFor(changes.cancelled)).toMatchObject([{ type: 'exchange.cancelled', previous: { status: 'awaiting_payment' } }]);
    // A redelivered record tells the same events, with the same ids.
    expect(eventsFor(changes.approvedOwing)).toEqual(eventsFor(changes.approvedOwing));
    expect(eventsFor(changes.paid)[0]?.data).not.toHaveProperty('PK');
  });

  it('exchanges: the moves after the return each tell their own event', () => {
    const paid = paidExchange(approvedExchange(requestedExchange(), 'adm_1', LATER), 'pi_1', 'adm_1', LATER);
    const step = (e: Exchange, status: Exchange['status']): Exchange => movedExchange(e, status, 'system', LATER);
    const released = step(paid, 'released');
    expect(eventsFor(modify(exchangeItem(paid), exchangeItem(released)))).toMatchObject([
      { type: 'exchange.released', previous: { status: 'awaiting_return' } },
    ]);
    expect(types(modify(exchangeItem(released), exchangeItem(step(released, 'completed'))))).toEqual(['exchange.completed']);
    expect(types(modify(exchangeItem(paid), exchangeItem(step(paid, 'declined'))))).toEqual(['exchange.declined']);
  });

  it('gives the same change the same id and time, and strips the table keys from data', () => {
    const item = orderItem(order);
    const change = modify(item, { ...item, status: 'shipped', version: 5, updatedAt: '2026-11-21T12:00:00.000Z' });
    const [a] = eventsFor(change);
    expect(eventsFor(change)).toEqual([a]);
    expect(a).toMatchObject({ id: `evt_${order.id}_v5_order.status_changed`, occurredAt: '2026-11-21T12:00:00.000Z' });
    expect(a?.data).not.toHaveProperty('PK');
    expect(a?.data).not.toHaveProperty('type');
  });

  it('emits only events its own schema accepts', () => {
    // As the returns slice writes it (the shared fixture leaves the refund-method fields out).
    const request = returnItem(order, { iban: null, accountHolder: null, voucherCode: null, pickupAddress: order.shippingAddress, breakdown: null });
    const refund = refundItem(order, { gateway: 'voucher', status: 'success' });
    const changes = [
      insert({ ...orderItem(order), paymentStatus: 'paid' }),
      modify(orderItem(order), { ...orderItem(order), status: 'shipped', version: 2 }),
      insert({ ...cancellationItem(order), status: 'approved' }),
      insert(request),
      modify(request, { ...request, status: 'picked_up', version: 2 }),
      insert(refund),
      insert(noteItem(order, 'hi', 'customer')),
      insert(commentItem(order, request.id, 'x', 'customer:c')),
      ...Object.values(exchangeChanges()),
    ];
    for (const event of changes.flatMap(eventsFor)) {
      const result = EVENT_SCHEMAS[event.type].safeParse(event);
      expect(result.success, `${event.type}: ${JSON.stringify(result.error?.issues.slice(0, 3))}`).toBe(true);
      expect(IntegrationEventSchema.safeParse(event).success).toBe(true);
    }
  });
});

describe('eventJsonSchema', () => {
  it('is one JSON Schema document with a definition per event type', () => {
    const schema = eventJsonSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const text = JSON.stringify(schema);
    for (const type of EVENT_TYPES) expect(text).toContain(`"const":"${type}"`);
  });
});
