// The payment-provider port: what the refund flow needs from a provider
// (Stripe first), whatever the provider. Adapters live in
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

export interface PaymentProvider {
  readonly name: string;
  refund(request: ProviderRefundRequest): Promise<ProviderRefundResult>;
  /** Verifies the signature over the exact raw body (a 400 ValidationError when it fails) and reads the event. */
  parseWebhook(rawBody: string, headers: Readonly<Record<string, string | undefined>>): Settlement | Ignored;
}
