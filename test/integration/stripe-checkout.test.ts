// The Stripe adapter's exchange payments through the real `stripe` SDK against
// the local stand-in: a Checkout Session for the difference (amount, currency,
// metadata and idempotency key = the exchange id), opened once however often
// the call is replayed, and its signed "paid" events read back as the port's
// `checkout_paid`, which the exchange then holds against what was opened.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stripeProvider } from '#shared/adapters/payments/stripe';
import type { CheckoutRequest, PaymentProvider } from '#shared/domain/payments';
import { STAND_IN_WEBHOOK_SECRET, type StripeStandIn, signedEvent, startStripeStandIn } from '../support/stripe-stand-in.ts';

let standIn: StripeStandIn;
let stripe: PaymentProvider;
beforeAll(async () => {
  standIn = await startStripeStandIn();
  stripe = stripeProvider({ secretKey: 'sk_test_standin', webhookSecret: STAND_IN_WEBHOOK_SECRET, apiUrl: standIn.url });
});
afterAll(() => standIn?.stop());

const request = (exchangeId: string, over: Partial<CheckoutRequest> = {}): CheckoutRequest => ({
  exchangeId,
  idempotencyKey: exchangeId,
  amount: 1200,
  currency: 'EUR',
  description: `Exchange ${exchangeId}: the difference`,
  successUrl: `https://shop.example/app/exchanges/${exchangeId}?payment=paid`,
  cancelUrl: `https://shop.example/app/exchanges/${exchangeId}?payment=cancelled`,
  ...over,
});

const parse = (type: string, object: Record<string, unknown>) => {
  const { payload, signature } = signedEvent(type, object);
  return stripe.parseWebhook(payload, { 'stripe-signature': signature });
};

describe('Stripe Checkout for an exchange', () => {
  it('opens a session for the difference in the order currency, keyed and tagged with the exchange id', async () => {
    const before = Date.now();
    const opened = await stripe.openCheckout(request('exc_open1'));
    const session = standIn.sessions.get(opened.sessionId);
    expect(opened.url).toBe(session?.url);
    expect(Date.parse(opened.expiresAt) - before).toBeGreaterThan(23 * 3600_000);
    const sent = standIn.requests.filter((r) => r.idempotencyKey === 'exc_open1');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      method: 'POST',
      path: '/v1/checkout/sessions',
      form: {
        mode: 'payment',
        'line_items[0][quantity]': '1',
        'line_items[0][price_data][currency]': 'eur',
        'line_items[0][price_data][unit_amount]': '1200',
        'metadata[exchangeId]': 'exc_open1',
        'payment_intent_data[metadata][exchangeId]': 'exc_open1',
        client_reference_id: 'exc_open1',
        success_url: 'https://shop.example/app/exchanges/exc_open1?payment=paid',
      },
    });
    expect(session).toMatchObject({ amount_total: 1200, currency: 'eur', status: 'open' });
  });

  it('opens one session however often the call is replayed under its key', async () => {
    const [a, b] = [await stripe.openCheckout(request('exc_replay')), await stripe.openCheckout(request('exc_replay'))];
    expect(b).toEqual(a);
    expect([...standIn.sessions.values()].filter((s) => (s.metadata as Record<string, string>).exchangeId === 'exc_replay')).toHaveLength(1);
  });

  it('opens another session under another key (a page reopened after one expired)', async () => {
    const first = await stripe.openCheckout(request('exc_again'));
    const second = await stripe.openCheckout(request('exc_again', { idempotencyKey: `exc_again:after:${first.sessionId}` }));
    expect(second.sessionId).not.toBe(first.sessionId);
  });

  it('reads a signed checkout.session.completed of a paid session as checkout_paid', async () => {
    const { sessionId } = await stripe.openCheckout(request('exc_paid'));
    const session = standIn.pay(sessionId);
    expect(parse('checkout.session.completed', session)).toEqual({
      kind: 'checkout_paid',
      eventId: expect.stringMatching(/^evt_/),
      exchangeId: 'exc_paid',
      sessionId,
      paymentIntent: session.payment_intent,
      amount: 1200,
      currency: 'eur',
    });
    expect(parse('checkout.session.async_payment_succeeded', session)).toMatchObject({ kind: 'checkout_paid', sessionId });
  });

  it('ignores a completed session not paid yet (a delayed method) and one this shop did not open', async () => {
    const { sessionId } = await stripe.openCheckout(request('exc_unpaid'));
    const open = standIn.sessions.get(sessionId) as Record<string, unknown>;
    expect(parse('checkout.session.completed', { ...open, status: 'complete' })).toMatchObject({ kind: 'ignored', reason: 'checkout unpaid' });
    expect(parse('checkout.session.completed', { ...standIn.pay(sessionId), metadata: {} })).toMatchObject({
      kind: 'ignored',
      reason: 'a checkout this shop did not open',
    });
  });

  it('refuses a forged event (400 on Stripe-Signature)', async () => {
    const { sessionId } = await stripe.openCheckout(request('exc_forged'));
    const { payload } = signedEvent('checkout.session.completed', standIn.pay(sessionId));
    const forged = signedEvent('checkout.session.completed', standIn.pay(sessionId), { secret: 'whsec_forger' });
    expect(() => stripe.parseWebhook(payload, { 'stripe-signature': forged.signature })).toThrow(/Validation|invalid/i);
  });
});
