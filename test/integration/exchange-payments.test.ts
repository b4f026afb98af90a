// An upgrade paid through Stripe, end to end: the real handlers, the events
// consumer and the payments function behind the local stream poller and bus,
// the real `stripe` SDK against the local stand-in, DynamoDB Local. The
// approval's change opens one Checkout Session (the payments function, after
// the approval committed); the signed `checkout.session.completed` marks the
// exchange paid once, and only when it matches what was opened.
import { describe, expect, it, vi } from 'vitest';
import { transact } from '#shared/adapters/dynamo';
import { exchangePut, getExchangeOrThrow } from '#shared/adapters/exchanges-repo';
import { type Exchange, movedExchange } from '#shared/domain/exchange';
import { createExchange, exchangeOf, exchangeShop } from '../support/exchanges.ts';
import { postStripeEvent, useStripeStack } from '../support/payments.ts';
import { signedEvent } from '../support/stripe-stand-in.ts';

vi.hoisted(() => {
  process.env.TABLE_NAME = `own-${crypto.randomUUID()}`;
});

const stack = useStripeStack();

const readExchange = (id: string): Promise<Exchange> => getExchangeOrThrow(id);

/**
 * A shirt (4800 paid) for a jacket (10800): 6000 to pay, approved, its page
 * opened by the payments function. The approval route is exchanges-core's
 * (not merged yet): its write, the exchange moved to awaiting_payment at the
 * version read, is made here through the same repository.
 */
const upgradeAwaitingPayment = async () => {
  const shop = await exchangeShop();
  const created = await createExchange(shop.owner, exchangeOf(shop.order, [shop.sku.jacket]));
  const now = new Date().toISOString();
  const approved = movedExchange(movedExchange(created, 'approved', 'admin-1', now), 'awaiting_payment', 'admin-1', now);
  await transact([exchangePut(approved, created.version)]);
  await stack.poller.idle();
  return { shop, exchange: await readExchange(created.id) };
};

const sessionOf = (exchange: Exchange) => stack.standIn.sessions.get(exchange.payment?.sessionId ?? '') as Record<string, unknown>;

describe('an exchange paid through Stripe Checkout', () => {
  it('opens one session for the difference after the approval, and the paid event moves it on once', async () => {
    const { exchange } = await upgradeAwaitingPayment();
    expect(exchange).toMatchObject({ status: 'awaiting_payment', differenceDue: 6000, settlement: { kind: 'charge', amount: 6000, status: 'pending' } });
    expect(exchange.payment?.url).toBe(sessionOf(exchange).url);
    expect(sessionOf(exchange)).toMatchObject({ amount_total: 6000, currency: 'usd', metadata: { exchangeId: exchange.id } });
    expect(stack.standIn.requests.filter((r) => r.idempotencyKey === exchange.id)).toHaveLength(1);

    const event = signedEvent('checkout.session.completed', stack.standIn.pay(exchange.payment?.sessionId ?? ''));
    // The same event twice at once, then a replay: one applies.
    const replies = await Promise.all([postStripeEvent(event), postStripeEvent(event)]);
    expect(replies.map((r) => r.status)).toEqual([200, 200]);
    expect(replies.map((r) => r.body.outcome).sort()).toEqual(['already settled', 'settled']);
    expect((await postStripeEvent(event)).body.outcome).toBe('already settled');

    const paid = await readExchange(exchange.id);
    expect(paid).toMatchObject({
      status: 'awaiting_return',
      settlement: { kind: 'charge', amount: 6000, status: 'succeeded', reference: sessionOf(exchange).payment_intent },
      version: exchange.version + 1,
    });
  });

  it('believes no event for another session, amount or currency, or a forged one: nothing changes, the mismatch is logged, 200', async () => {
    const { exchange } = await upgradeAwaitingPayment();
    const paidSession = stack.standIn.pay(exchange.payment?.sessionId ?? '');
    for (const lie of [{ id: 'cs_test_someoneelse' }, { amount_total: 1 }, { currency: 'eur' }]) {
      const reply = await postStripeEvent(signedEvent('checkout.session.completed', { ...paidSession, ...lie }));
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ outcome: 'ignored', detail: expect.stringContaining('provider event mismatch') });
    }
    const forged = signedEvent('checkout.session.completed', paidSession, { secret: 'whsec_forger' });
    expect((await postStripeEvent(forged)).status).toBe(400);
    expect(await readExchange(exchange.id)).toMatchObject({ status: 'awaiting_payment', version: exchange.version });
  });
});
