// Work for the payments consumer: an exchange that entered awaiting_payment
// and has no payment page yet. Opened there, the way card refunds are sent,
// and not inside the approval: a provider call never runs in a request that
// holds a DynamoDB transaction, the approval answers without waiting on
// Stripe, and a failed call is retried by the queue (and dead-lettered with an
// alarm) instead of failing the admin's approval. The events consumer reads it
// off the table's change and puts it on the bus (internal, never a webhook).

import { CARD_REFUNDS_DUE } from './card-refunds-due.ts';
import type { Exchange } from './exchange.ts';
import { needsCheckout } from './exchange-payment.ts';
import { type Change, imageAs } from './notifications/types.ts';

/** The bus entry's source and detail-type, matched by the payments rule (infra) beside card refunds. */
export const EXCHANGE_CHECKOUT_DUE = { source: CARD_REFUNDS_DUE.source, detailType: 'exchange.checkout_due' } as const;

export interface ExchangeCheckoutDue {
  readonly exchangeId: string;
}

const wants = (image: Readonly<Record<string, unknown>> | undefined): boolean => {
  const exchange = imageAs<Exchange | undefined>(image);
  return exchange !== undefined && needsCheckout(exchange);
};

/** The exchange this change made wait for a page (not one already waiting before: its page is being opened). */
export const exchangeCheckoutDue = (change: Change): ExchangeCheckoutDue | undefined => {
  if (change.type !== 'Exchange' || change.eventName === 'REMOVE' || !change.new) return undefined;
  return wants(change.new) && !wants(change.old) ? { exchangeId: String(change.new.id) } : undefined;
};

/** The bus detail read back by the payments consumer; undefined when it is not one. */
export const exchangeCheckoutDueOf = (detail: unknown): ExchangeCheckoutDue | undefined => {
  const value = detail as Partial<ExchangeCheckoutDue> | null | undefined;
  return typeof value?.exchangeId === 'string' ? { exchangeId: value.exchangeId } : undefined;
};
