// An exchange's positive difference paid through the payment provider
// (API.md "Exchange", Payment): the hosted page opened for it, reopened once
// expired, and the provider's signed "paid" event, believed only when it names
// the page that was opened, for the amount and currency owed. Pure: the
// caller reads, calls the provider and writes.
//
// Its life: awaiting_payment, payment null ─open─▶ payment {url, expiresAt, sessionId}
//   ─expired, reopened─▶ another page ─paid event─▶ awaiting_return, settlement succeeded
// A replayed event finds the settlement it wrote and changes nothing.
import { ConflictError } from './errors.ts';
import type { Exchange } from './exchange.ts';
import { movedExchange } from './exchange.ts';
import type { CheckoutPaid, CheckoutRequest, OpenedCheckout } from './payments.ts';

/** Who moved it, in its history: the provider's signed event (customers read `shop`). */
const PROVIDER_ACTOR = 'payment-provider';

/** A positive difference still to be paid: the only state a page is opened or believed for. */
const awaitsCharge = (exchange: Exchange): boolean =>
  exchange.status === 'awaiting_payment' && exchange.settlement.kind === 'charge' && exchange.settlement.status === 'pending';

/** Whether the exchange waits for its first page (opened once it entered awaiting_payment with a provider configured). */
export const needsCheckout = (exchange: Exchange): boolean => awaitsCharge(exchange) && exchange.payment === null;

const isExpired = (payment: NonNullable<Exchange['payment']>, now: string): boolean => payment.expiresAt <= now;

/**
 * The page to open: the first under the exchange id as idempotency key, a
 * reopened one under the id and the expired page's id (the same key would
 * answer the expired page; a retried reopen of the same page reuses its key).
 */
export const checkoutRequestOf = (exchange: Exchange, portalUrl: string): CheckoutRequest => {
  const page = `${portalUrl.replace(/\/+$/, '')}/exchanges/${encodeURIComponent(exchange.id)}`;
  return {
    exchangeId: exchange.id,
    idempotencyKey: exchange.payment ? `${exchange.id}:after:${exchange.payment.sessionId}` : exchange.id,
    amount: exchange.settlement.amount,
    currency: exchange.currency,
    description: `Exchange ${exchange.id}: the difference`,
    successUrl: `${page}?payment=paid`,
    cancelUrl: `${page}?payment=cancelled`,
  };
};

/** Refuses a reopen (409): only an exchange awaiting payment whose last page expired gets a fresh one. */
export const checkReopen = (exchange: Exchange, now: string): void => {
  if (!awaitsCharge(exchange)) {
    throw new ConflictError(`Only an exchange awaiting payment gets a payment page; this one is ${exchange.status}.`);
  }
  if (exchange.payment && !isExpired(exchange.payment, now)) {
    throw new ConflictError(`The payment page is still open until ${exchange.payment.expiresAt}: use its url.`);
  }
};

/**
 * The exchange with the page opened for it, or undefined when that is no
 * longer wanted: it moved on (paid, cancelled) or another page, still open,
 * was recorded meanwhile (a racing reopen); the caller then writes nothing.
 */
export const withCheckout = (exchange: Exchange, opened: OpenedCheckout, now: string): Exchange | undefined => {
  // Recorded already (a redelivered message), or another page still open (a racing reopen won).
  const kept = exchange.payment && (exchange.payment.sessionId === opened.sessionId || !isExpired(exchange.payment, now));
  if (!awaitsCharge(exchange) || kept) return undefined;
  return { ...exchange, payment: { ...opened }, version: exchange.version + 1, updatedAt: now };
};

/** The fields on which a paid event disagrees with what was opened (none: it is the exchange's payment). */
export const checkoutMismatches = (exchange: Exchange, event: CheckoutPaid): string[] => {
  const checks: [string, boolean][] = [
    ['exchangeId', event.exchangeId === exchange.id],
    ['sessionId', exchange.payment !== null && event.sessionId === exchange.payment.sessionId],
    ['settlement', exchange.settlement.kind === 'charge'],
    ['amount', event.amount === exchange.settlement.amount],
    ['currency', event.currency?.toUpperCase() === exchange.currency.toUpperCase()],
  ];
  return checks.filter(([, ok]) => !ok).map(([field]) => field);
};

export type CheckoutVerdict =
  | { readonly kind: 'mismatch'; readonly fields: string[] }
  | { readonly kind: 'unchanged'; readonly reason: string }
  | { readonly kind: 'paid'; readonly exchange: Exchange };

/**
 * What a signed "paid" event does: marks a matching, still-unpaid exchange
 * paid (→ awaiting_return, the charge succeeded, its reference the
 * PaymentIntent a refund of it would be sent against), once. A replay finds
 * the charge already succeeded. A matching page paid on an exchange that left
 * awaiting_payment otherwise (cancelled meanwhile) is reported as a mismatch
 * on `status`: money was taken that nothing holds, which the alarm must show.
 */
export const applyCheckoutPaid = (exchange: Exchange, event: CheckoutPaid, now: string): CheckoutVerdict => {
  const fields = checkoutMismatches(exchange, event);
  if (fields.length > 0) return { kind: 'mismatch', fields };
  if (exchange.settlement.status === 'succeeded') return { kind: 'unchanged', reason: 'already paid' };
  if (!awaitsCharge(exchange)) return { kind: 'mismatch', fields: ['status'] };
  const moved = movedExchange(exchange, 'awaiting_return', PROVIDER_ACTOR, now);
  return {
    kind: 'paid',
    exchange: { ...moved, settlement: { ...exchange.settlement, status: 'succeeded', reference: event.paymentIntent ?? event.sessionId } },
  };
};
