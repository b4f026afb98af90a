// The payment provider's signed webhook settles (or reverses) one of our card
// transactions, once its object matches what we sent. Answered 2xx whatever
// it changed: the provider retries anything else for days, and an event we
// do not act on will not become one we do.

import { transact } from '#shared/adapters/dynamo';
import { getOrderOrThrow } from '#shared/adapters/orders-repo';
import { findRefund, refundPut } from '#shared/adapters/refunds-repo';
import { ConflictError, NotFoundError } from '#shared/domain/errors';
import type { ProviderEvent, Settlement } from '#shared/domain/payments';
import { applyProviderEvent } from '#shared/domain/refund-provider';
import { owedConsequences } from './steps/owed-consequences.ts';
import { ignored, mismatch, type WebhookReceipt } from './steps/provider-receipt.ts';
import { ConcurrentChangeError, retryOnChange } from './steps/retry-on-change.ts';

/**
 * Reads, judges and writes, conditioned on the refund's version. Race: the
 * same event delivered twice at once (or `succeeded` and `failed` together):
 * both read v2, both write `version = 2`; one commits v3, the other re-reads
 * v3 and finds the transaction already moved, so it applies once.
 */
const applyOnce = async (event: Settlement, provider: string, now: string): Promise<WebhookReceipt> => {
  const refund = await findRefund(event.refundId);
  const order = await getOrderOrThrow(refund.orderId);
  const verdict = applyProviderEvent(refund, event, { provider, paymentReference: order.paymentReference ?? null });
  if (verdict.kind === 'mismatch') {
    return mismatch(verdict.fields, {
      provider,
      eventId: event.eventId,
      refundId: event.refundId,
      transactionId: event.transactionId,
      providerRefundId: event.providerRefundId,
    });
  }
  if (verdict.kind === 'unchanged') return { received: true, outcome: 'already settled', detail: verdict.reason };
  try {
    await transact([...refundPut(verdict.refund, refund.version), ...owedConsequences(refund, verdict.refund, now)]);
  } catch (error) {
    // A lost version race (or a racing write to what the refund pays for): read again and judge again.
    throw error instanceof ConflictError ? new ConcurrentChangeError('refund') : error;
  }
  return { received: true, outcome: verdict.kind, detail: null };
};

/** Applies a verified event of `provider`; idempotent per event (a replay finds the state it wrote, and changes nothing). */
export const settleFromProvider = async (event: ProviderEvent, provider: string, now: string): Promise<WebhookReceipt> => {
  if (event.kind === 'ignored') return ignored(event.reason);
  // Not applied until the exchange resource is stored (branch exchanges-core): answered as before, ignored.
  if (event.kind === 'checkout_paid') return ignored('an exchange payment: exchanges are not stored yet');
  try {
    return await retryOnChange(() => applyOnce(event, provider, now));
  } catch (error) {
    // Signed by the provider but about nothing we hold (another environment sharing the account): acknowledged, not retried.
    if (error instanceof NotFoundError) return ignored('no such transaction');
    throw error;
  }
};
