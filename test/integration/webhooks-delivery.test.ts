// Events → webhooks end to end on the local stack: the real events consumer
// (invoked with stream records, and fed by the real table stream), the local
// SQS stand-in, the real delivery function, and a real HTTP receiver that
// checks every signature with the standardwebhooks verifier.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as eventsHandler } from '#functions/streams/events';
import { changeOf } from '#shared/adapters/consumer';
import { sendOnce } from '#shared/adapters/send-once';
import { EVENT_TYPES } from '#shared/domain/events/catalogue';
import { eventsFor } from '#shared/domain/events/detect';
import { type Exchange, movedExchange } from '#shared/domain/exchange';
import { approvedExchange, cancelledExchange, deniedExchange, paidExchange } from '#shared/domain/exchange-moves';
import { newGiftCard, redeemCard } from '#shared/domain/gift-card';
import type { Order } from '#shared/domain/order';
import { credit, debit, emptyAccount, expireLot, revert } from '#shared/domain/store-credit-ledger';
import { admin, call, createOrder, customer } from '../support/api.ts';
import { owingExchange } from '../support/exchange-fixture.ts';
import { cancellationItem, commentItem, context, noteItem, orderItem, refundItem, returnItem } from '../support/notify.ts';
import { batch, inserted, modified } from '../support/stream-events.ts';
import { eventually, type Receiver, registerEndpoint, startReceiver } from '../support/webhook-receiver.ts';

const LATER = '2026-11-21T11:00:00.000Z';
const receivers: Receiver[] = [];
const endpoints: string[] = [];

const endpointFor = async (events: readonly string[] = EVENT_TYPES) => {
  const receiver = await startReceiver();
  receivers.push(receiver);
  const endpoint = await registerEndpoint(receiver.url, events);
  endpoints.push(endpoint.id);
  return { receiver, endpoint };
};

afterAll(async () => {
  // Other test files go on writing: their events must not reach receivers that are gone.
  for (const id of endpoints) await call(admin, 'DELETE', `/admin/webhooks/${id}`);
  for (const receiver of receivers) await receiver.close();
});

/** The events whose data is one of `ids` (other tests' changes reach every endpoint too). */
const mine = (receiver: Receiver, secret: string, ids: readonly string[]) => receiver.verified(secret).filter((e) => ids.includes(String(e.data.id)));

const deliveriesOf = async (endpointId: string) =>
  (
    await call<{ items: { id: string; eventId: string; status: string; attempts: { statusCode: number | null; nextRetryAt: string | null }[] }[] }>(
      admin,
      'GET',
      `/admin/webhooks/${endpointId}/deliveries?limit=100`,
    )
  ).body.items;

describe('webhook delivery', () => {
  let order: Order;
  beforeAll(async () => {
    order = await createOrder(customer());
  });

  it('delivers each event type once per change, signed so a Standard Webhooks verifier accepts it', async () => {
    const { receiver, endpoint } = await endpointFor();
    // Its own id: the real order's own events (from the table stream) must not race these.
    const base = { ...orderItem({ ...order, id: `ord_${Date.now()}X${Math.random().toString(36).slice(2)}` }), paymentStatus: 'unpaid' };
    const cxl = cancellationItem(order);
    const ret = returnItem(order);
    const line = ret.items[0] as Record<string, unknown>;
    const refund = refundItem(order);
    const txn = refund.transactions[0] as Record<string, unknown>;
    const failing = refundItem(order);
    const note = noteItem(order, 'on its way', 'customer');
    const comment = commentItem(order, ret.id, 'looks fine', 'admin:admin-1');
    // The ledger's rows and a gift card, as the store-credit repository writes them (one row per movement).
    const run = `${Date.now()}${Math.random().toString(36).slice(2, 6)}`;
    const ctx = (id: string, now = LATER) => ({ transactionId: id, now, by: 'admin:admin-1' });
    const funded = credit(
      emptyAccount('cus-webhooks', 'USD'),
      { amount: 500, origin: { type: 'manual', id: `m${run}` }, expiresAt: '2030-01-01T00:00:00.000Z' },
      ctx(`sct_${run}c`),
    );
    const spent = debit(funded.account, { amount: 200, origin: { type: 'order', id: `o${run}` } }, ctx(`sct_${run}d`));
    const putBack = revert(spent.account, spent.transaction, 30, { ...ctx(`sct_${run}r`), newLotId: (i) => `sct_${run}l${i}` });
    const expired = expireLot(funded.account, funded.account.lots[0]?.id ?? '', ctx(`sct_${run}x`, '2099-01-01T00:00:00.000Z'));
    const ledger = [funded.transaction, spent.transaction, putBack.transaction, ...(expired ? [expired.transaction] : [])];
    const ledgerRow = (txn: (typeof ledger)[number]) => ({
      PK: `CREDIT#${txn.customerId}#${txn.currency}`,
      SK: `TXN#${txn.id}`,
      type: 'CreditTransaction',
      txn,
    });
    const card = newGiftCard(
      { amount: 2500, currency: 'USD', note: 'webhooks' },
      { id: `gc_${run}`, code: 'ABCDEFGHJKMNPQRSTVWX', now: LATER },
      { type: 'admin', id: null },
    );
    const cardItem = (c: typeof card) => ({ PK: `GIFTCARD#${c.id}`, SK: 'GIFTCARD', type: 'GiftCard', card: c, codeHash: `h${run}` });
    // An exchange through each of its moves, as the exchanges repository writes it.
    const exchangeItem = (e: Exchange) => ({ PK: `EXCHANGE#${e.id}`, SK: 'EXCHANGE', type: 'Exchange', ...e });
    const requested = owingExchange({ id: `exc_${run}`, status: 'requested', history: [{ status: 'requested', at: LATER, by: 'cus_1' }], version: 1 });
    const owing = approvedExchange(requested, 'admin:admin-1', LATER);
    const exchangePaid = paidExchange(owing, 'pi_webhooks', 'admin:admin-1', LATER);
    const released = movedExchange(exchangePaid, 'released', 'system', LATER);
    const records = [
      inserted(exchangeItem(requested)),
      modified(exchangeItem(requested), exchangeItem(owing)),
      modified(exchangeItem(owing), exchangeItem(exchangePaid)),
      modified(exchangeItem(exchangePaid), exchangeItem(released)),
      modified(exchangeItem(released), exchangeItem(movedExchange(released, 'completed', 'system', LATER))),
      modified(exchangeItem(exchangePaid), exchangeItem(movedExchange(exchangePaid, 'declined', 'system', LATER))),
      modified(exchangeItem(requested), exchangeItem(deniedExchange(requested, 'out of season', 'admin:admin-1', LATER))),
      modified(exchangeItem(owing), exchangeItem(cancelledExchange(owing, 'customer', 'cus_1', LATER))),
      ...ledger.map((txn) => inserted(ledgerRow(txn))),
      inserted(cardItem(card)),
      modified(cardItem(card), cardItem(redeemCard(card, 'cus-webhooks', LATER))),
      inserted(base),
      modified(base, { ...base, status: 'confirmed', version: 2, updatedAt: LATER }),
      modified({ ...base, paymentStatus: 'unpaid' }, { ...base, paymentStatus: 'paid', version: 3, updatedAt: LATER }),
      inserted(cxl),
      modified(cxl, { ...cxl, status: 'approved', version: 2 }),
      modified({ ...cxl, status: 'approved', version: 2 }, { ...cxl, status: 'refunded', version: 3 }),
      modified(cxl, { ...cxl, status: 'rejected', version: 4 }),
      inserted(ret),
      modified(ret, { ...ret, status: 'picked_up', version: 2 }),
      modified(ret, { ...ret, items: [{ ...line, goodQuantity: 1, status: 'approved' }], version: 3 }),
      inserted(refund),
      modified(refund, { ...refund, transactions: [{ ...txn, status: 'success' }], version: 2 }),
      modified(failing, { ...failing, transactions: [{ ...(failing.transactions[0] as object), status: 'failure' }], version: 2 }),
      inserted(note),
      inserted(noteItem(order, 'private', 'private')),
      inserted(comment),
    ];
    const response = await eventsHandler(batch(...records), context());
    expect(response.batchItemFailures, JSON.stringify(response)).toEqual([]);

    const ids = [base.id, cxl.id, ret.id, refund.id, failing.id, note.id, comment.id, ...ledger.map((t) => t.id), card.id, requested.id];
    const events = await eventually(
      async () => {
        const got = mine(receiver, endpoint.secret, ids);
        return got.length >= EVENT_TYPES.length ? got : undefined;
      },
      20_000,
      'one delivery per event type',
    );
    // Let any duplicate arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const final = mine(receiver, endpoint.secret, ids);
    expect(final.map((e) => e.type).sort()).toEqual([...EVENT_TYPES].sort());
    expect(new Set(final.map((e) => e.id)).size).toBe(final.length);
    expect(events.find((e) => e.type === 'order.status_changed')?.previous).toEqual({ status: 'pending' });
    // Headers name the event id (what receivers dedupe on) and carry the v1 signature.
    const first = receiver.received.find((r) => r.body.includes(cxl.id));
    expect(first?.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(() => receiver.verified('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')).toThrow();
  });

  it('a redelivered stream record delivers nothing twice', async () => {
    const { receiver, endpoint } = await endpointFor(['note.created']);
    const note = noteItem(order, 'redelivered', 'customer');
    const record = inserted(note);
    // The same record three times: a retry, a bisected batch, a concurrent duplicate.
    // A concurrent copy may find the other one's marker in progress and fail (the mapping retries it): allSettled.
    await Promise.allSettled([eventsHandler(batch(record), context()), eventsHandler(batch(record), context())]);
    expect((await eventsHandler(batch(record), context())).batchItemFailures).toEqual([]);
    await eventually(() => (mine(receiver, endpoint.secret, [note.id]).length > 0 ? true : undefined), 10_000, 'the note event');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(mine(receiver, endpoint.secret, [note.id])).toHaveLength(1);
    expect((await deliveriesOf(endpoint.id)).filter((d) => d.eventId.includes(note.id))).toHaveLength(1);
  });

  it('a record that fails at one destination fails only once every other destination is done', async () => {
    const { receiver, endpoint } = await endpointFor(['note.created']);
    const note = noteItem(order, 'held at the bus', 'customer');
    const record = inserted(note);
    const [event] = eventsFor(changeOf(record));
    if (!event) throw new Error('a customer note implies note.created');
    // Another invocation is publishing the bus copy right now, so this one's bus send fails at once.
    let finish = () => {};
    const finished = new Promise<void>((resolve) => {
      finish = resolve;
    });
    let other: Promise<unknown> = Promise.resolve();
    await new Promise<void>((busy) => {
      const publishing = () => {
        busy();
        return finished;
      };
      other = sendOnce(publishing, 'webhook').send({ key: `${event.id}#bus` });
    });
    await expect(eventsHandler(batch(record), context())).rejects.toThrow();
    // The endpoint copy finished before the record failed: its marker is complete, not in progress
    // (a frozen Lambda would leave it so until it expired). A complete marker answers without sending.
    const probe = sendOnce(() => Promise.reject(new Error('sent twice')), 'webhook');
    const endpointKey = `${event.id}#${endpoint.id}`;
    await expect(probe.send({ key: endpointKey })).resolves.toEqual({ sent: endpointKey });
    finish();
    await other;
    expect((await eventsHandler(batch(record), context())).batchItemFailures).toEqual([]);
    await eventually(() => (mine(receiver, endpoint.secret, [note.id]).length > 0 ? true : undefined), 10_000, 'the note event');
  });

  it('a real status change reaches a subscribed receiver within a second, and nothing unsubscribed does', async () => {
    const { receiver, endpoint } = await endpointFor(['order.status_changed']);
    const reply = await call(admin, 'POST', `/admin/orders/${order.id}/status`, { status: 'confirmed' });
    expect(reply.status).toBe(200);
    const changedAt = Date.now();
    const [event] = await eventually(
      () => {
        const got = mine(receiver, endpoint.secret, [order.id]);
        return got.length > 0 ? got : undefined;
      },
      10_000,
      'the status change',
    );
    expect(event?.type).toBe('order.status_changed');
    expect(event?.data).toMatchObject({ id: order.id, status: 'confirmed' });
    const arrived = receiver.received.find((r) => r.body.includes(order.id))?.at ?? 0;
    // Well under a second on a quiet machine; the bound leaves room for a CI machine shared by parallel test runs.
    expect(arrived - changedAt).toBeLessThan(2500);
    expect(mine(receiver, endpoint.secret, [order.id]).every((e) => e.type === 'order.status_changed')).toBe(true);
  });

  it('retries a receiver answering 500 with growing delays until it succeeds', async () => {
    const { receiver, endpoint } = await endpointFor(['note.created']);
    receiver.answer = (n) => (n < 2 ? { status: 500 } : undefined);
    const note = noteItem(order, 'flaky receiver', 'customer');
    await eventsHandler(batch(inserted(note)), context());
    await eventually(() => (receiver.received.length >= 3 ? true : undefined), 15_000, 'three attempts');
    const [a, b, c] = receiver.received.map((r) => r.at);
    expect((b as number) - (a as number)).toBeGreaterThanOrEqual(900);
    expect((c as number) - (b as number)).toBeGreaterThan((b as number) - (a as number));
    const delivery = await eventually(async () => (await deliveriesOf(endpoint.id)).find((d) => d.status === 'succeeded'), 5000, 'succeeded');
    expect(delivery.attempts.map((t) => t.statusCode)).toEqual([500, 500, 200]);
    expect(delivery.attempts[0]?.nextRetryAt).not.toBeNull();
    // Every attempt carried the same event id, so the receiver can dedupe retries.
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(1);
  });

  it('ends failed when the receiver is down for good, and replays on request', async () => {
    const { receiver, endpoint } = await endpointFor(['note.created']);
    receiver.answer = () => ({ status: 503 });
    const note = noteItem(order, 'down receiver', 'customer');
    await eventsHandler(batch(inserted(note)), context());
    const failed = await eventually(async () => (await deliveriesOf(endpoint.id)).find((d) => d.status === 'failed'), 20_000, 'failed');
    // The first try and the three retries of the test schedule.
    expect(failed.attempts).toHaveLength(4);
    expect(failed.attempts.at(-1)?.nextRetryAt).toBeNull();

    receiver.answer = () => undefined;
    const retried = await call<{ status: string }>(admin, 'POST', `/admin/webhooks/${endpoint.id}/deliveries/${failed.id}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body.status).toBe('pending');
    const done = await eventually(
      async () => (await deliveriesOf(endpoint.id)).find((d) => d.id === failed.id && d.status === 'succeeded'),
      10_000,
      'replayed',
    );
    expect(done.attempts.map((t) => t.statusCode)).toEqual([503, 503, 503, 503, 200]);
    expect(mine(receiver, endpoint.secret, [note.id])).toHaveLength(5);
    // A pending delivery cannot be replayed on top of itself.
    const again = await call(admin, 'POST', `/admin/webhooks/${endpoint.id}/deliveries/${failed.id}/retry`);
    expect(again.status).toBe(200);
  });

  it('ping sends a signed test event, even to an endpoint subscribed to nothing else', async () => {
    const { receiver, endpoint } = await endpointFor(['comment.created']);
    const reply = await call<{ eventType: string; status: string }>(admin, 'POST', `/admin/webhooks/${endpoint.id}/ping`);
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ eventType: 'webhook.ping', status: 'pending' });
    const [ping] = await eventually(() => (receiver.received.length > 0 ? receiver.verified(endpoint.secret) : undefined), 10_000, 'the ping');
    expect(ping?.type).toBe('webhook.ping');
  });

  it('a ping retried with its Idempotency-Key answers the first delivery and sends one event', async () => {
    const { receiver, endpoint } = await endpointFor(['comment.created']);
    const headers = { 'idempotency-key': `ping-${endpoint.id}` };
    const first = await call<{ id: string }>(admin, 'POST', `/admin/webhooks/${endpoint.id}/ping`, undefined, headers);
    const again = await call<{ id: string }>(admin, 'POST', `/admin/webhooks/${endpoint.id}/ping`, undefined, headers);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body).toEqual(first.body);
    await eventually(() => (receiver.received.length > 0 ? true : undefined), 10_000, 'the ping');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(receiver.verified(endpoint.secret)).toHaveLength(1);
    expect((await deliveriesOf(endpoint.id)).map((d) => d.id)).toEqual([first.body.id]);
  });
});
