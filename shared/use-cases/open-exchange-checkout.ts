// An exchange that entered awaiting_payment gets its first payment page, AFTER
// the approval committed: the payments consumer calls this, as it sends card
// refunds, never a request holding a DynamoDB transaction. A redelivered
// message opens the same page (idempotency key = the exchange id) and records
// nothing twice.
import { getExchangeOrThrow } from '#shared/adapters/exchanges-repo';
import { configuredProvider } from '#shared/adapters/payments/provider';
import { needsCheckout } from '#shared/domain/exchange-payment';
import { openCheckout } from './steps/open-checkout.ts';

export type CheckoutOutcome = 'opened' | 'manual' | 'nothing to open';

/** Opens the first page of an exchange that waits for one; with no provider configured an admin records the payment instead. */
export const openExchangeCheckout = async (exchangeId: string, now: string): Promise<CheckoutOutcome> => {
  const provider = await configuredProvider();
  if (!provider) return 'manual';
  const exchange = await getExchangeOrThrow(exchangeId);
  if (!needsCheckout(exchange)) return 'nothing to open';
  return (await openCheckout(provider, exchange, now)) ? 'opened' : 'nothing to open';
};
