// A pending card transaction goes to the configured payment provider, AFTER
// the refund that holds it has committed (the payments consumer calls this;
// never from inside a DynamoDB transaction). It is claimed for the provider
// first, so no admin settles it by hand while the money is on its way; the
// provider's answer is then recorded: its refund id, and the outcome when
// already final (a refusal marks it failed with the provider's code, and a new
// attempt may follow). The provider's signed events settle the rest.
import { transact } from '#shared/adapters/dynamo';
import { getOrderOrThrow } from '#shared/adapters/orders-repo';
import { configuredProvider } from '#shared/adapters/payments/provider';
import { findRefund, refundPut } from '#shared/adapters/refunds-repo';
import type { ProviderRefundResult } from '#shared/domain/payments';
import { awaitsSending } from '#shared/domain/refund';
import { claimForProvider, recordProviderRefund } from '#shared/domain/refund-provider';
import { owedConsequences } from './steps/owed-consequences.ts';

export type SendOutcome = 'sent' | 'manual' | 'nothing to send';

/** A lost race (a webhook settled it meanwhile) is a 409 for the stream's retry, which then finds nothing to record. */
const record = async (refundId: string, transactionId: string, result: ProviderRefundResult, now: string): Promise<void> => {
  const refund = await findRefund(refundId);
  const next = recordProviderRefund(refund, transactionId, result);
  if (next) await transact([...refundPut(next, refund.version), ...owedConsequences(refund, next, now)]);
};

/**
 * Sends one transaction. Race: an admin settles it by hand while it is
 * claimed; both write the refund read at v1, one commits: either the admin
 * settled it (the claim is a 409, the retry finds nothing to send) or the
 * claim won (the admin's write is a 409, and so is any later one). A
 * redelivered record sends it again with the same idempotency key (the
 * transaction id), so the provider refunds once; an error that may pass is
 * thrown for the stream's retries with back-off.
 */
export const sendCardRefund = async (refundId: string, transactionId: string, now: string): Promise<SendOutcome> => {
  const provider = await configuredProvider();
  // No keys: the manual flow, and the transaction stays the admin's to settle.
  if (!provider) return 'manual';
  const refund = await findRefund(refundId);
  const txn = refund.transactions.find((t) => t.id === transactionId);
  // Claimed for another provider (the configuration changed since): only that one's events settle it.
  if (!txn || !awaitsSending(txn) || (txn.provider && txn.provider !== provider.name)) return 'nothing to send';
  const order = await getOrderOrThrow(refund.orderId);
  // Without the charge's id there is nothing to refund against: an admin settles it by hand.
  if (!order.paymentReference) return 'manual';
  if (!txn.provider) await transact(refundPut(claimForProvider(refund, txn, provider.name), refund.version));
  const result = await provider.refund({
    transactionId,
    refundId,
    orderId: order.id,
    paymentReference: order.paymentReference,
    amount: txn.amount,
    currency: txn.currency,
  });
  await record(refundId, transactionId, result, now);
  return 'sent';
};
