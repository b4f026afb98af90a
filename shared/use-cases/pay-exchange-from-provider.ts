// The payment provider's signed "paid" event marks an exchange's difference
// paid (→ awaiting_return), once, and only when it names the page that was
// opened, for the amount and currency owed (exchange-payment.ts). Answered 2xx
// whatever it changed, as refund events are.
import { transact } from '#shared/adapters/dynamo';
import { exchangePut, getExchangeOrThrow } from '#shared/adapters/exchanges-repo';
import { ConflictError, NotFoundError } from '#shared/domain/errors';
import { applyCheckoutPaid } from '#shared/domain/exchange-payment';
import type { CheckoutPaid } from '#shared/domain/payments';
import { ignored, mismatch, type WebhookReceipt } from './steps/provider-receipt.ts';
import { ConcurrentChangeError, retryOnChange } from './steps/retry-on-change.ts';

/**
 * Reads, judges and writes at the version read. Race: the event delivered
 * twice at once (or with a customer's cancel): both read v3 and write
 * `version = 3`; one commits v4, the other reads v4 again and finds it paid
 * (a replay: unchanged) or cancelled (a mismatch on status, alarmed).
 */
const applyOnce = async (event: CheckoutPaid, provider: string, now: string): Promise<WebhookReceipt> => {
  const exchange = await getExchangeOrThrow(event.exchangeId);
  const verdict = applyCheckoutPaid(exchange, event, now);
  if (verdict.kind === 'mismatch') return mismatch(verdict.fields, { provider, eventId: event.eventId, exchangeId: exchange.id, sessionId: event.sessionId });
  if (verdict.kind === 'unchanged') return { received: true, outcome: 'already settled', detail: verdict.reason };
  try {
    await transact([exchangePut(verdict.exchange, exchange.version)]);
  } catch (error) {
    throw error instanceof ConflictError ? new ConcurrentChangeError('exchange') : error;
  }
  return { received: true, outcome: 'settled', detail: null };
};

/** Applies a verified "paid" event of `provider`; a replay finds the charge it recorded and changes nothing. */
export const payExchangeFromProvider = async (event: CheckoutPaid, provider: string, now: string): Promise<WebhookReceipt> => {
  try {
    return await retryOnChange(() => applyOnce(event, provider, now));
  } catch (error) {
    // Signed by the provider but about no exchange of ours (another environment sharing the account): acknowledged, not retried.
    if (error instanceof NotFoundError) return ignored('no such exchange');
    throw error;
  }
};
