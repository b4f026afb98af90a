// The Stripe adapter of the payment-provider port, on the official SDK: card
// refunds against the order's PaymentIntent, Checkout Sessions for an
// exchange's difference, and Stripe's signed webhooks.
// `apiUrl` (STRIPE_API_URL) points the SDK at another host in development and
// tests (test/support/stripe-stand-in.ts); in production it is unset.
import Stripe from 'stripe';
import { ValidationError } from '#shared/domain/errors';
import type { CheckoutPaid, Ignored, PaymentProvider, ProviderEvent, ProviderRefundResult } from '#shared/domain/payments';

export interface StripeKeys {
  readonly secretKey: string;
  readonly webhookSecret: string;
  readonly apiUrl?: string | undefined;
}

/** Stripe's recommended tolerance: a signed event older than 5 minutes is a replay. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/** The events that carry a refund's final state (`data.object` is a Refund). */
const SETTLING_EVENTS = new Set(['refund.updated', 'refund.failed', 'charge.refund.updated']);

/** The events that say a Checkout Session was paid: at once (cards), or later for a delayed method (a bank debit). */
const CHECKOUT_PAID_EVENTS = new Set(['checkout.session.completed', 'checkout.session.async_payment_succeeded']);

const endpoint = (apiUrl: string | undefined) => {
  if (!apiUrl) return {};
  const url = new URL(apiUrl);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: url.port || (protocol === 'http' ? 80 : 443), protocol } as const;
};

/** Stripe refused it for good: a bad request, a declined card, an unknown PaymentIntent. Anything else may pass on a retry. */
const isFinal = (error: unknown): error is Stripe.errors.StripeError =>
  error instanceof Stripe.errors.StripeError && [400, 402, 404].includes(error.statusCode ?? 0);

const resultOf = (refund: Stripe.Refund): ProviderRefundResult => {
  if (refund.status === 'succeeded') return { status: 'success', providerRefundId: refund.id };
  if (refund.status === 'failed' || refund.status === 'canceled') {
    return { status: 'failure', providerRefundId: refund.id, errorCode: refund.failure_reason ?? refund.status, message: `Stripe refund ${refund.status}` };
  }
  return { status: 'pending', providerRefundId: refund.id };
};

/** A PaymentIntent Stripe wrote as its id or expanded (`pi_…`), null when absent. */
const intentId = (intent: string | { readonly id: string } | null | undefined): string | null => (typeof intent === 'string' ? intent : intent?.id) ?? null;

const checkoutPaidOf = (event: Stripe.Event): CheckoutPaid | Ignored => {
  const session = event.data.object as Stripe.Checkout.Session;
  // Our metadata only says where to look: the session, amount and currency are checked against what was opened (exchange-payment.ts).
  const exchangeId = session.metadata?.exchangeId;
  if (!exchangeId) return { kind: 'ignored', eventId: event.id, reason: 'a checkout this shop did not open' };
  // `completed` with a delayed method (a bank debit) is not money yet: its `async_payment_succeeded` follows.
  if (session.payment_status !== 'paid') return { kind: 'ignored', eventId: event.id, reason: `checkout ${session.payment_status}` };
  return {
    kind: 'checkout_paid',
    eventId: event.id,
    exchangeId,
    sessionId: session.id,
    paymentIntent: intentId(session.payment_intent),
    amount: typeof session.amount_total === 'number' ? session.amount_total : null,
    currency: typeof session.currency === 'string' ? session.currency : null,
  };
};

const eventOf = (event: Stripe.Event): ProviderEvent => {
  if (CHECKOUT_PAID_EVENTS.has(event.type)) return checkoutPaidOf(event);
  if (!SETTLING_EVENTS.has(event.type)) return { kind: 'ignored', eventId: event.id, reason: `event type ${event.type}` };
  const refund = event.data.object as Stripe.Refund;
  // Our ids in its metadata only say where to look: what it says is checked against what was sent (refund-provider.ts).
  const { transactionId, refundId } = refund.metadata ?? {};
  if (!transactionId || !refundId) return { kind: 'ignored', eventId: event.id, reason: 'a refund this shop did not send' };
  const result = resultOf(refund);
  if (result.status === 'pending') return { kind: 'ignored', eventId: event.id, reason: `refund still ${refund.status}` };
  return {
    kind: 'settlement',
    eventId: event.id,
    refundId,
    transactionId,
    providerRefundId: refund.id,
    paymentIntent: intentId(refund.payment_intent),
    amount: typeof refund.amount === 'number' ? refund.amount : null,
    currency: typeof refund.currency === 'string' ? refund.currency : null,
    status: result.status,
    errorCode: result.status === 'failure' ? result.errorCode : null,
    message: result.status === 'failure' ? result.message : null,
  };
};

export const stripeProvider = (keys: StripeKeys): PaymentProvider => {
  // The SDK retries network errors, 409s and 5xx with exponential back-off, sending the same idempotency key.
  const client = new Stripe(keys.secretKey, { maxNetworkRetries: 2, timeout: 10_000, telemetry: false, ...endpoint(keys.apiUrl) });
  return {
    name: 'stripe',
    async refund(request) {
      try {
        const refund = await client.refunds.create(
          {
            payment_intent: request.paymentReference,
            amount: request.amount,
            metadata: { transactionId: request.transactionId, refundId: request.refundId, orderId: request.orderId },
          },
          // A replayed call (a redelivered stream record) answers the first refund, never a second one.
          { idempotencyKey: request.transactionId },
        );
        return resultOf(refund);
      } catch (error) {
        if (!isFinal(error)) throw error;
        return { status: 'failure', providerRefundId: null, errorCode: error.code ?? error.type, message: error.message };
      }
    },
    async openCheckout(request) {
      const session = await client.checkout.sessions.create(
        {
          mode: 'payment',
          line_items: [
            { quantity: 1, price_data: { currency: request.currency.toLowerCase(), unit_amount: request.amount, product_data: { name: request.description } } },
          ],
          success_url: request.successUrl,
          cancel_url: request.cancelUrl,
          client_reference_id: request.exchangeId,
          metadata: { exchangeId: request.exchangeId },
          payment_intent_data: { metadata: { exchangeId: request.exchangeId } },
        },
        // A replayed call (a redelivered queue message) answers the page already opened, never a second one.
        { idempotencyKey: request.idempotencyKey },
      );
      if (!session.url) throw new Error(`Stripe opened checkout ${session.id} without a url`);
      return { sessionId: session.id, url: session.url, expiresAt: new Date(session.expires_at * 1000).toISOString() };
    },
    parseWebhook(rawBody, headers) {
      const signature = headers['stripe-signature'];
      if (!signature) throw new ValidationError([{ path: 'Stripe-Signature', message: 'is required' }]);
      let event: Stripe.Event;
      try {
        event = client.webhooks.constructEvent(rawBody, signature, keys.webhookSecret, WEBHOOK_TOLERANCE_SECONDS);
      } catch {
        throw new ValidationError([{ path: 'Stripe-Signature', message: 'does not verify (forged, or signed more than 5 minutes ago)' }]);
      }
      return eventOf(event);
    },
  };
};
