// An exchange's payment page opened by the provider and recorded on it: the
// first one (the payments consumer, after the approval committed) and a fresh
// one after it expired (the customer's POST /exchanges/{id}/payment).
import { transact } from '#shared/adapters/dynamo';
import { env } from '#shared/adapters/env';
import { exchangePut } from '#shared/adapters/exchanges-repo';
import type { Exchange } from '#shared/domain/exchange';
import { checkoutRequestOf, withCheckout } from '#shared/domain/exchange-payment';
import type { PaymentProvider } from '#shared/domain/payments';

/**
 * Opens the page (its idempotency key makes a repeated call answer the same
 * page) and records it at the version read, unless the exchange no longer
 * wants it. Race: a reopen and the consumer, or a cancel, write the exchange
 * read at vN; one commits, the other is a 409 (the queue retries and finds
 * nothing to open; the customer reloads and sees the page or the cancel).
 */
export const openCheckout = async (provider: PaymentProvider, exchange: Exchange, now: string): Promise<Exchange | undefined> => {
  const opened = await provider.openCheckout(checkoutRequestOf(exchange, env.storefrontUrl));
  const next = withCheckout(exchange, opened, now);
  if (next) await transact([exchangePut(next, exchange.version)]);
  return next;
};
