// The payment-provider port: what the refund flow and an exchange's payment
// need from a provider (Stripe first), whatever the provider. Adapters live in
// shared/adapters/payments/; with none configured the `manual` flow applies
// (an admin settles each transaction). Types only: no I/O here.

/** A card transaction to send: our ids travel as the provider's idempotency key and metadata. */
export interface ProviderRefundRequest {
  readonly transactionId: string;
  readonly refundId: string;
  readonly orderId: string;
  /** The order's `paymentReference` (a Stripe PaymentIntent `pi_…`). */
  readonly paymentReference: string;
  readonly amount: number;
  readonly currency: string;
}

/**
 * How the provider answered. `failure` is final (the provider refused it: a
 * 4xx with its code); an error that may pass (network, 5xx, rate limit) is
 * thrown instead, for the caller to retry with back-off.
 */
export type ProviderRefundResult =
  | { readonly status: 'pending'; readonly providerRefundId: string }
  | { readonly status: 'success'; readonly providerRefundId: string }
  | { readonly status: 'failure'; readonly providerRefundId: string | null; readonly errorCode: string | null; readonly message: string | null };

/**
 * A signed event about a refund the shop sent, as the provider tells it. Our
 * ids come from its metadata and only say where to look; the provider's own
 * fields (its refund id, PaymentIntent, amount, currency) must then match what
 * was sent before it settles anything (refund-provider.ts).
 */
export interface Settlement {
  readonly kind: 'settlement';
  readonly eventId: string;
  readonly refundId: string;
  readonly transactionId: string;
  readonly providerRefundId: string;
  /** The PaymentIntent refunded (`pi_…`), null when the event does not say. */
  readonly paymentIntent: string | null;
  /** Minor units, null when the event does not say. */
  readonly amount: number | null;
  /** ISO 4217 as the provider writes it (Stripe: lower case), null when the event does not say. */
  readonly currency: string | null;
  readonly status: 'success' | 'failure';
  readonly errorCode: string | null;
  readonly message: string | null;
}

/** A genuine event we have nothing to do with (another type, a refund not made by us, not final yet). */
export interface Ignored {
  readonly kind: 'ignored';
  readonly eventId: string | null;
  readonly reason: string;
}

/**
 * A hosted payment page for an exchange's positive difference. The exchange id
 * travels as metadata; `idempotencyKey` is the exchange id for its first page
 * and the id with the attempt for a page reopened after one expired (the same
 * key would answer the expired page again).
 */
export interface CheckoutRequest {
  readonly exchangeId: string;
  readonly idempotencyKey: string;
  readonly amount: number;
  /** ISO 4217, the order's. */
  readonly currency: string;
  /** What the customer is paying for, shown on the page. */
  readonly description: string;
  readonly successUrl: string;
  readonly cancelUrl: string;
}

/** The page opened: where to send the customer, until when. */
export interface OpenedCheckout {
  readonly sessionId: string;
  readonly url: string;
  readonly expiresAt: string;
}

/**
 * A signed event saying a hosted payment page was paid. The exchange id comes
 * from its metadata and only says where to look; the session, amount and
 * currency must then match what was opened (exchange-payment.ts).
 */
export interface CheckoutPaid {
  readonly kind: 'checkout_paid';
  readonly eventId: string;
  readonly exchangeId: string;
  readonly sessionId: string;
  /** The PaymentIntent that holds the money (`pi_…`), what a later refund of it is sent against; null when the event does not say. */
  readonly paymentIntent: string | null;
  readonly amount: number | null;
  readonly currency: string | null;
}

export type ProviderEvent = Settlement | CheckoutPaid | Ignored;

export interface PaymentProvider {
  readonly name: string;
  refund(request: ProviderRefundRequest): Promise<ProviderRefundResult>;
  /** Opens a hosted payment page; an error that may pass is thrown for the caller's retries. */
  openCheckout(request: CheckoutRequest): Promise<OpenedCheckout>;
  /** Verifies the signature over the exact raw body (a 400 ValidationError when it fails) and reads the event. */
  parseWebhook(rawBody: string, headers: Readonly<Record<string, string | undefined>>): ProviderEvent;
}
