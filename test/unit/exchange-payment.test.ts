// An exchange's difference paid through the provider, without I/O: which page
// is opened under which idempotency key, when a fresh one may be opened, and
// which "paid" events are believed (and only once).
import { describe, expect, it } from 'vitest';
import { ConflictError } from '#shared/domain/errors';
import { type Exchange, movedExchange } from '#shared/domain/exchange';
import { applyCheckoutPaid, checkoutRequestOf, checkReopen, needsCheckout, withCheckout } from '#shared/domain/exchange-payment';
import type { CheckoutPaid } from '#shared/domain/payments';
import { owingExchange, T0 } from '../support/exchange-fixture.ts';

const LATER = '2026-12-08T11:00:00.000Z';
const owing = owingExchange;
const opened = { sessionId: 'cs_1', url: 'https://checkout.stripe.com/c/pay/cs_1', expiresAt: '2026-12-08T10:00:00.000Z' };
const withPage = owing({ payment: opened, version: 3 });
const paid = (over: Partial<CheckoutPaid> = {}): CheckoutPaid => ({
  kind: 'checkout_paid',
  eventId: 'evt_1',
  exchangeId: 'exc_1',
  sessionId: 'cs_1',
  paymentIntent: 'pi_1',
  amount: 1200,
  currency: 'eur',
  ...over,
});

describe('opening a payment page', () => {
  it('is wanted only while a positive difference awaits payment and no page exists', () => {
    expect(needsCheckout(owing())).toBe(true);
    expect(needsCheckout(withPage)).toBe(false);
    expect(needsCheckout(owing({ status: 'cancelled' }))).toBe(false);
    expect(needsCheckout(owing({ settlement: { kind: 'none', amount: 0, status: 'not_required', reference: null } }))).toBe(false);
  });

  it('asks for the difference in the order currency, keyed by the exchange id, returning to the portal', () => {
    expect(checkoutRequestOf(owing(), 'https://shop.example/app/')).toEqual({
      exchangeId: 'exc_1',
      idempotencyKey: 'exc_1',
      amount: 1200,
      currency: 'EUR',
      description: 'Exchange exc_1: the difference',
      successUrl: 'https://shop.example/app/exchanges/exc_1?payment=paid',
      cancelUrl: 'https://shop.example/app/exchanges/exc_1?payment=cancelled',
    });
  });

  it('reopens under a key of its own per expired page (the same key would answer the expired page)', () => {
    expect(checkoutRequestOf(withPage, 'https://shop.example/app').idempotencyKey).toBe('exc_1:after:cs_1');
  });

  it('records the page once, and not on an exchange that moved on or holds another open page', () => {
    const recorded = withCheckout(owing(), opened, T0);
    expect(recorded).toMatchObject({ payment: opened, version: 3, updatedAt: T0, status: 'awaiting_payment' });
    expect(withCheckout(recorded as Exchange, opened, T0)).toBeUndefined();
    expect(withCheckout(withPage, { ...opened, sessionId: 'cs_2' }, T0)).toBeUndefined();
    expect(withCheckout(owing({ status: 'cancelled' }), opened, T0)).toBeUndefined();
    const fresh = { ...opened, sessionId: 'cs_2', expiresAt: '2026-12-09T12:00:00.000Z' };
    expect(withCheckout(withPage, fresh, LATER)?.payment).toEqual(fresh);
  });

  it('gives a fresh page only once the last one expired, and only while awaiting payment (409)', () => {
    expect(() => checkReopen(withPage, T0)).toThrow(ConflictError);
    expect(() => checkReopen(withPage, LATER)).not.toThrow();
    expect(() => checkReopen(owing(), T0)).not.toThrow();
    expect(() => checkReopen({ ...withPage, status: 'awaiting_return' }, LATER)).toThrow(/awaiting_return/);
  });
});

describe('a signed "paid" event', () => {
  it('marks the exchange paid: awaiting_return, the charge succeeded against its PaymentIntent', () => {
    const verdict = applyCheckoutPaid(withPage, paid(), LATER);
    expect(verdict.kind).toBe('paid');
    if (verdict.kind !== 'paid') return;
    expect(verdict.exchange).toMatchObject({
      status: 'awaiting_return',
      settlement: { kind: 'charge', amount: 1200, status: 'succeeded', reference: 'pi_1' },
      version: 4,
    });
    expect(verdict.exchange.history.at(-1)).toEqual({ status: 'awaiting_return', at: LATER, by: 'payment-provider' });
  });

  it('falls back to the session as reference when the event names no PaymentIntent', () => {
    const verdict = applyCheckoutPaid(withPage, paid({ paymentIntent: null }), LATER);
    expect(verdict.kind === 'paid' && verdict.exchange.settlement.reference).toBe('cs_1');
  });

  it('changes nothing when replayed', () => {
    const verdict = applyCheckoutPaid(withPage, paid(), LATER);
    if (verdict.kind !== 'paid') throw new Error('expected paid');
    expect(applyCheckoutPaid(verdict.exchange, paid({ eventId: 'evt_again' }), LATER)).toEqual({ kind: 'unchanged', reason: 'already paid' });
  });

  it.each([
    ['another session', paid({ sessionId: 'cs_other' }), ['sessionId']],
    ['another amount', paid({ amount: 1199 }), ['amount']],
    ['no amount', paid({ amount: null }), ['amount']],
    ['another currency', paid({ currency: 'usd' }), ['currency']],
    ['another exchange in the metadata', paid({ exchangeId: 'exc_2' }), ['exchangeId']],
  ])('is a mismatch with %s, naming the fields', (_, event, fields) => {
    expect(applyCheckoutPaid(withPage, event, LATER)).toEqual({ kind: 'mismatch', fields });
  });

  it('is a mismatch before any page was opened (nothing to match against)', () => {
    expect(applyCheckoutPaid(owing(), paid(), LATER)).toEqual({ kind: 'mismatch', fields: ['sessionId'] });
  });

  it('is a mismatch on status when the exchange was cancelled meanwhile: money nothing holds, for the alarm', () => {
    const cancelled = movedExchange(withPage, 'cancelled', 'cus_1', LATER);
    expect(applyCheckoutPaid(cancelled, paid(), LATER)).toEqual({ kind: 'mismatch', fields: ['status'] });
  });

  it('is a mismatch on an exchange with nothing to charge', () => {
    const even = { ...withPage, settlement: { kind: 'none', amount: 0, status: 'not_required', reference: null } } as Exchange;
    expect(applyCheckoutPaid(even, paid(), LATER)).toEqual({ kind: 'mismatch', fields: ['settlement', 'amount'] });
  });
});
