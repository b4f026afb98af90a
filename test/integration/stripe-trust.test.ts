// Trust on the money path, end to end: the real `stripe` SDK against the local
// stand-in, events signed with the SDK's own test signing helper, the real
// handlers and payments consumer on DynamoDB Local. A transaction the provider
// holds moves only by its signed events; an event is believed only when its
// object is what was sent; a failure after a success reverses it. Stripe keys
// are per process, so this file runs on a table of its own, in process.
import { describe, expect, it, vi } from 'vitest';
import { changeOf } from '#shared/adapters/consumer';
import { KEY } from '#shared/adapters/keys';
import { logger } from '#shared/adapters/logger';
import type { Cancellation } from '#shared/domain/cancellation';
import { eventsFor } from '#shared/domain/events/detect';
import type { Order } from '#shared/domain/order';
import type { Refund } from '#shared/domain/refund';
import { admin, call, createOrder, customer } from '../support/api.ts';
import { address, context, inbox, notifyWith } from '../support/notify.ts';
import { postStripeEvent, readRefund, cardRefund as refundBy, settleByHand, useStripeStack } from '../support/payments.ts';
import { modified } from '../support/stream-events.ts';
import { signedEvent } from '../support/stripe-stand-in.ts';

vi.hoisted(() => {
  process.env.TABLE_NAME = `own-${crypto.randomUUID()}`;
});

const stack = useStripeStack();

const cardRefund = (pi: string | undefined, amount = 1500) => refundBy(pi, amount, stack.poller);
const lastTxn = (refund: Refund) => refund.transactions.at(-1)!;
const newAttempt = (refund: Refund, body: Record<string, unknown>) =>
  call<Refund & { detail?: string }>(admin, 'POST', `/admin/refunds/${refund.id}/transactions`, body);
const getOrder = async (id: string) => (await call<Order>(admin, 'GET', `/admin/orders/${id}`)).body;

/** The provider moves our last transaction's refund to `status` and says so in a signed event (one payload: replays send it again). */
const providerSays = (refund: Refund, status: 'succeeded' | 'failed', changes: Record<string, unknown> = {}) => {
  const moved = stack.standIn.move(lastTxn(refund).providerRefundId!, status, status === 'failed' ? 'expired_or_canceled_card' : undefined);
  const event = signedEvent(status === 'failed' ? 'refund.failed' : 'refund.updated', { ...moved, ...changes });
  return () => postStripeEvent(event);
};

/** Polls until `check` holds for the refund (the consumer works in the background). */
const until = async (refund: Refund, check: (r: Refund) => boolean): Promise<Refund> => {
  for (let i = 0; i < 100; i++) {
    const current = await readRefund(refund);
    if (check(current)) return current;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the refund never reached the state waited for');
};

describe('a transaction the provider holds moves only by its signed events', () => {
  it('cannot be settled or failed by hand nor retried; a new attempt opens once the provider reports the failure, and pays once', async () => {
    const { refund } = await cardRefund('pi_held_1');
    const txn = lastTxn(refund);
    expect(txn).toMatchObject({ status: 'pending', provider: 'stripe', providerRefundId: expect.stringMatching(/^re_/) });

    for (const status of ['failure', 'success'] as const) {
      const byHand = await settleByHand(refund, status);
      expect(byHand.status).toBe(409);
      expect(byHand.headers.get('content-type')).toContain('application/problem+json');
      expect(byHand.body.detail).toContain(`sent to stripe as ${txn.providerRefundId}`);
    }
    const early = await newAttempt(refund, { gateway: 'card' });
    expect(early.status).toBe(409);
    expect(early.body.detail).toContain('awaits the payment provider');
    expect((await readRefund(refund)).version).toBe(refund.version);

    expect((await providerSays(refund, 'failed')()).body.outcome).toBe('settled');
    const failed = await readRefund(refund);
    expect(failed).toMatchObject({ owed: 1500, transactions: [{ status: 'failure', errorCode: 'expired_or_canceled_card' }] });
    const retry = await newAttempt(failed, { gateway: 'card' });
    expect(retry.status).toBe(201);
    await stack.poller.idle();
    await stack.poller.idle();
    const second = await readRefund(refund);
    expect(second.transactions).toHaveLength(2);
    expect(lastTxn(second)).toMatchObject({ status: 'pending', provider: 'stripe', providerRefundId: expect.stringMatching(/^re_/) });
    expect((await providerSays(second, 'succeeded')()).body.outcome).toBe('settled');
    // The first refund's `succeeded`, arriving late, is an older state: its failure is final, nothing is paid twice.
    const late = signedEvent('refund.updated', { ...stack.standIn.refundOf(txn.id), status: 'succeeded' });
    expect((await postStripeEvent(late)).body).toMatchObject({ outcome: 'already settled' });
    expect(await readRefund(refund)).toMatchObject({ owed: 0, transactions: [{ status: 'failure' }, { status: 'success' }] });
  });

  it('is held from the moment it is claimed, before the provider has answered', async () => {
    const { refund } = await refundBy('pi_slow_held', 1500);
    const claimed = await until(refund, (r) => lastTxn(r).provider === 'stripe');
    expect(lastTxn(claimed).providerRefundId).toBeUndefined();
    const byHand = await settleByHand(claimed, 'failure');
    expect(byHand.status).toBe(409);
    expect(byHand.body.detail).toContain('being sent to stripe');
    const answered = await until(refund, (r) => lastTxn(r).providerRefundId !== undefined);
    expect(lastTxn(answered)).toMatchObject({ status: 'pending', providerRefundId: expect.stringMatching(/^re_/) });
  });

  it('an admin racing the consumer for a fresh transaction: either the admin settles it and nothing is sent, or it is sent and the admin is refused', async () => {
    for (const delayMs of [0, 25, 50, 300]) {
      const { refund } = await refundBy(`pi_race_claim_${delayMs}`, 1500);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      const byHand = await settleByHand(refund, 'failure');
      await stack.poller.idle();
      await stack.poller.idle();
      const final = lastTxn(await readRefund(refund));
      const sent = stack.standIn.requests.filter((r) => r.idempotencyKey === final.id);
      if (byHand.status === 200) {
        expect(final).toMatchObject({ status: 'failure', errorCode: 'manual' });
        expect(final.provider).toBeUndefined();
        expect(sent).toEqual([]);
      } else {
        expect(byHand.status).toBe(409);
        expect(final).toMatchObject({ status: 'pending', provider: 'stripe', providerRefundId: expect.stringMatching(/^re_/) });
        expect(sent).toHaveLength(1);
      }
    }
  });

  it('an order without a PaymentIntent stays in the manual flow: the admin settles it by hand', async () => {
    const { refund } = await cardRefund(undefined);
    expect(lastTxn(refund).provider).toBeUndefined();
    expect((await settleByHand(refund, 'success')).status).toBe(200);
  });
});

describe('a provider event is believed only when its object is what was sent', () => {
  it('a signed event for another amount, currency, refund id or PaymentIntent changes nothing, is logged, and is answered 2xx', async () => {
    const warn = vi.spyOn(logger, 'warn');
    const { refund } = await cardRefund('pi_match_1', 2000);
    const txn = lastTxn(refund);
    const sent = stack.standIn.refundOf(txn.id)!;
    const lies = [
      { amount: 1, currency: 'eur', id: 're_someoneelse', payment_intent: 'pi_someoneelse' },
      { amount: 500 }, // a partial refund made in the dashboard
      { currency: 'eur' },
      { id: 're_someoneelse' },
      { payment_intent: 'pi_someoneelse' },
    ];
    for (const lie of lies) {
      const event = signedEvent('refund.updated', { ...sent, status: 'succeeded', ...lie });
      const reply = await postStripeEvent(event);
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ received: true, outcome: 'ignored', detail: expect.stringContaining('provider event mismatch') });
      expect(warn).toHaveBeenLastCalledWith(
        'provider event mismatch',
        expect.objectContaining({ eventId: JSON.parse(event.payload).id, refundId: refund.id, transactionId: txn.id }),
      );
    }
    expect(await readRefund(refund)).toMatchObject({ version: refund.version, owed: 2000, transactions: [{ status: 'pending' }] });
    expect((await postStripeEvent(signedEvent('refund.updated', { ...sent, status: 'succeeded' }))).body.outcome).toBe('settled');
    warn.mockRestore();
  });

  it('an event naming a bank transfer (never sent to the provider) settles nothing', async () => {
    const order = await createOrder(customer(), { paymentReference: 'pi_bank_1' });
    const created = await call<Refund>(admin, 'POST', `/admin/orders/${order.id}/refunds`, { amount: 700, gateway: 'bank_transfer' });
    expect(created.status).toBe(201);
    const txn = lastTxn(created.body);
    const forged = { id: 're_dashboard', object: 'refund', amount: 700, currency: 'usd', payment_intent: 'pi_bank_1', status: 'succeeded' };
    const reply = await postStripeEvent(signedEvent('refund.updated', { ...forged, metadata: { transactionId: txn.id, refundId: created.body.id } }));
    expect(reply.body).toMatchObject({ outcome: 'ignored', detail: expect.stringMatching(/provider event mismatch: gateway, provider/) });
    expect(lastTxn(await readRefund(created.body)).status).toBe('pending');
  });

  it('an event that overtakes our record of its refund id is matched on our metadata and the rest; the late record changes nothing', async () => {
    const { refund } = await refundBy('pi_slow_overtake', 1500);
    const txn = lastTxn(refund);
    await until(refund, () => stack.standIn.refundOf(txn.id) !== undefined);
    const sent = stack.standIn.refundOf(txn.id)!;
    expect((await postStripeEvent(signedEvent('refund.updated', { ...sent, status: 'succeeded', amount: 1 }))).body.outcome).toBe('ignored');
    expect((await postStripeEvent(signedEvent('refund.updated', { ...sent, status: 'succeeded' }))).body.outcome).toBe('settled');
    await stack.poller.idle();
    await stack.poller.idle();
    const final = await readRefund(refund);
    expect(final).toMatchObject({ owed: 0, transactions: [{ status: 'success', providerRefundId: sent.id }] });
    expect(stack.standIn.requests.filter((r) => r.idempotencyKey === txn.id)).toHaveLength(1);
  });
});

describe('a failure reported after a success reverses it', () => {
  it('once: the transaction fails, owed rises, admins are emailed, an event is emitted; replays and concurrent copies change nothing', async () => {
    const { order, refund } = await cardRefund('pi_reverse_1');
    expect((await providerSays(refund, 'succeeded')()).body.outcome).toBe('settled');
    const paid = await readRefund(refund);
    expect(paid.owed).toBe(0);
    const orderBefore = await getOrder(order.id);

    const send = providerSays(paid, 'failed');
    const replies = await Promise.all(Array.from({ length: 5 }, () => send()));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(replies.map((r) => r.body.outcome).sort()).toEqual(['already settled', 'already settled', 'already settled', 'already settled', 'reversed']);
    const reversed = await readRefund(refund);
    expect(reversed).toMatchObject({
      owed: 1500,
      version: paid.version + 1,
      transactions: [{ status: 'failure', errorCode: 'expired_or_canceled_card', providerRefundId: lastTxn(paid).providerRefundId }],
    });
    expect((await send()).body.outcome).toBe('already settled');
    expect((await readRefund(refund)).version).toBe(reversed.version);
    // The order counts what the shop committed to give back: a reversal leaves that as it was (`owed` tells what has not arrived).
    const orderAfter = await getOrder(order.id);
    expect({ paymentStatus: orderAfter.paymentStatus, refunded: orderAfter.totals.refunded }).toEqual({
      paymentStatus: orderBefore.paymentStatus,
      refunded: orderBefore.totals.refunded,
    });

    // The change the stream carries, through the notify and events consumers' own code.
    const item = (r: Refund) => ({ ...KEY.refund(r.orderId, r.id), type: 'Refund', ...r });
    const admins = [address('admin-reversal')];
    expect((await notifyWith(admins)({ Records: [modified(item(paid), item(reversed))] }, context())).batchItemFailures).toEqual([]);
    expect((await inbox(admins[0]!)).map((e) => e.subject)).toEqual([expect.stringMatching(/refund/i)]);
    const events = eventsFor(changeOf(modified(item(paid), item(reversed))));
    expect(events.map((e) => [e.type, e.previous])).toEqual([['refund.transaction_failed', { transactionId: lastTxn(paid).id, status: 'success' }]]);

    expect((await newAttempt(reversed, { gateway: 'voucher' })).body).toMatchObject({ owed: 0 });
  });

  it('out of order: a failure first and its success late leaves the failure final', async () => {
    const { refund } = await cardRefund('pi_ooo_1');
    const failed = providerSays(refund, 'failed');
    const succeeded = signedEvent('refund.updated', { ...stack.standIn.refundOf(lastTxn(refund).id), status: 'succeeded' });
    expect((await failed()).body.outcome).toBe('settled');
    expect((await postStripeEvent(succeeded)).body).toMatchObject({ outcome: 'already settled', detail: expect.stringContaining('final') });
    expect(await readRefund(refund)).toMatchObject({ owed: 1500, transactions: [{ status: 'failure' }] });
  });

  it('a cancellation it paid for is approved again (its refund owes the money), and refunded once a new attempt pays', async () => {
    const owner = customer();
    const order = await createOrder(owner, { paymentReference: 'pi_cxl_reverse' });
    const requested = await call<Cancellation>(owner, 'POST', `/orders/${order.id}/cancellation`, { reasonId: 'rsn_cxlchangedmind' });
    const approved = await call<Cancellation>(admin, 'POST', `/admin/cancellations/${requested.body.id}/approve`);
    expect(approved.status).toBe(200);
    await stack.poller.idle();
    await stack.poller.idle();
    const cancellation = async () => (await call<Cancellation>(admin, 'GET', `/admin/cancellations/${requested.body.id}`)).body;
    const refund = await readRefund({ orderId: order.id, id: approved.body.refundId! });

    expect((await providerSays(refund, 'succeeded')()).body.outcome).toBe('settled');
    expect((await cancellation()).status).toBe('refunded');
    expect((await providerSays(refund, 'failed')()).body.outcome).toBe('reversed');
    expect(await cancellation()).toMatchObject({ status: 'approved', refundId: refund.id });
    expect((await readRefund(refund)).owed).toBe(order.totals.total);

    expect((await newAttempt(refund, { gateway: 'voucher' })).status).toBe(201);
    expect((await cancellation()).status).toBe('refunded');
  });
});
