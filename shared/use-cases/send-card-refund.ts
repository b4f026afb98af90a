// A pending card transaction goes to the configured payment provider, AFTER
// the refund that holds it has committed (the payments stream consumer calls
// this; never from inside a DynamoDB transaction). The provider's answer is
// then recorded: its refund id, and the outcome when already final (a refusal
// marks the transaction failed with the provider's code, and the retry
// endpoint applies). The webhook settles the rest.
import { transact } from '#shared/adapters/dynamo';
import { getOrderOrThrow } from '#shared/adapters/orders-repo';
import { configuredProvider } from '#shared/adapters/payments/provider';
import { findRefund, refundPut } from '#shared/adapters/refunds-repo';
import type { ProviderRefundResult } from '#shared/domain/payments';
import { recordProviderRefund } from '#shared/domain/refund-ledger';
import { owedConsequences } from './steps/owed-consequences.ts';

export type SendOutcome = 'sent' | 'manual' | 'nothing to send';

/** A lost race (an admin settled it meanwhile) is a 409 for the stream's retry, which then finds nothing to record. */
const record = async (refundId: string, transactionId: string, result: ProviderRefundResult, now: string): Promise<void> => {
  const refund = await findRefund(refundId);
  const next = recordProviderRefund(refund, transactionId, result);
  if (next) await transact([...refundPut(next, refund.version), ...owedConsequences(refund, next, now)]);
};

/**
 * Sends one transaction. A redelivered record sends it again with the same
 * idempotency key (the transaction id), so the provider refunds once; an error
 * that may pass is thrown for the stream's retries with back-off.
 */
export const sendCardRefund = async (refundId: string, transactionId: string, now: string): Promise<SendOutcome> => {
  const provider = await configuredProvider();
  if (!provider) return 'manual';
  const refund = await findRefund(refundId);
  const txn = refund.transactions.find((t) => t.id === transactionId);
  if (txn?.gateway !== 'card' || txn.status !== 'pending' || txn.providerRefundId) return 'nothing to send';
  const order = await getOrderOrThrow(refund.orderId);
  // Without the charge's id there is nothing to refund against: an admin settles it by hand.
  if (!order.paymentReference) return 'manual';
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
