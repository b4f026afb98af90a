// A card transaction and its payment provider: claimed before it is sent,
// then moved only by what the provider says: its answer to the call, and its
// signed events, each believed only when the provider's object matches what
// was sent. Pure: the caller reads and writes.
//
// A transaction's life with a provider:
//   pending ─claim─▶ pending, provider set (held: no hand, no new attempt)
//           ─answer─▶ providerRefundId recorded (or a refusal: failure)
//           ─event──▶ success | failure;  success ─failed event─▶ failure (reversed)
// A failure is final for that provider refund: a `succeeded` arriving after it
// is an older state delivered late, and changes nothing.
import type { ProviderRefundResult, Settlement } from './payments.ts';
import type { Refund, RefundTransaction, TransactionBody } from './refund.ts';
import { settleRefund, withTransactions } from './refund-ledger.ts';

/** A provider's final outcome as a settlement body (a failure keeps the provider's code and message). */
const outcomeBody = (outcome: {
  readonly status: 'success' | 'failure';
  readonly errorCode?: string | null;
  readonly message?: string | null;
}): TransactionBody =>
  outcome.status === 'failure'
    ? { status: 'failure', errorCode: outcome.errorCode ?? undefined, message: outcome.message ?? undefined }
    : { status: 'success' };

const replaced = (refund: Refund, txn: RefundTransaction): Refund =>
  withTransactions(
    refund,
    refund.transactions.map((t) => (t.id === txn.id ? txn : t)),
  );

/** The refund with its transaction claimed for `provider`, written before the call so that no hand settles it meanwhile. */
export const claimForProvider = (refund: Refund, txn: RefundTransaction, provider: string): Refund => replaced(refund, { ...txn, provider });

/**
 * What the payment provider answered for a pending transaction: its refund id,
 * and the outcome when already final. Undefined when there is nothing to
 * record (the transaction is no longer pending, or was recorded before).
 */
export const recordProviderRefund = (refund: Refund, transactionId: string, result: ProviderRefundResult): Refund | undefined => {
  const txn = refund.transactions.find((t) => t.id === transactionId);
  if (txn?.status !== 'pending' || txn.providerRefundId) return undefined;
  if (result.status !== 'pending') return settleRefund(refund, transactionId, outcomeBody(result), result.providerRefundId);
  return replaced(refund, { ...txn, providerRefundId: result.providerRefundId });
};

/** What we sent, to hold an event against: the order's PaymentIntent and the name of the provider whose signature verified. */
export interface SentTo {
  readonly provider: string;
  readonly paymentReference: string | null;
}

/**
 * The fields on which the event disagrees with what was sent (none: it is
 * about our transaction). The refund id is compared once we stored it; an
 * event that overtakes our record of it is matched on our metadata (how it was
 * found) and on everything else.
 */
export const eventMismatches = (txn: RefundTransaction, event: Settlement, sent: SentTo): string[] => {
  const checks: [string, boolean][] = [
    ['gateway', txn.gateway === 'card'],
    ['provider', txn.provider === sent.provider],
    ['providerRefundId', !txn.providerRefundId || txn.providerRefundId === event.providerRefundId],
    ['paymentIntent', sent.paymentReference !== null && event.paymentIntent === sent.paymentReference],
    ['amount', event.amount === txn.amount],
    ['currency', event.currency?.toUpperCase() === txn.currency.toUpperCase()],
  ];
  return checks.filter(([, ok]) => !ok).map(([field]) => field);
};

export type EventVerdict =
  | { readonly kind: 'mismatch'; readonly fields: string[] }
  | { readonly kind: 'unchanged'; readonly reason: string }
  | { readonly kind: 'settled' | 'reversed'; readonly refund: Refund };

/**
 * What a signed event does to the refund: settles a pending transaction,
 * reverses a success it reports failed (its amount is owed again), or
 * nothing: an event about something else, a state already recorded (a
 * replay), or a success after a failure.
 */
export const applyProviderEvent = (refund: Refund, event: Settlement, sent: SentTo): EventVerdict => {
  const txn = refund.transactions.find((t) => t.id === event.transactionId);
  if (!txn) return { kind: 'mismatch', fields: ['transactionId'] };
  const fields = eventMismatches(txn, event, sent);
  if (fields.length > 0) return { kind: 'mismatch', fields };
  if (txn.status === 'pending') return { kind: 'settled', refund: settleRefund(refund, txn.id, outcomeBody(event), event.providerRefundId) as Refund };
  if (txn.status === 'success' && event.status === 'failure') {
    const { errorCode, message } = outcomeBody(event);
    return { kind: 'reversed', refund: replaced(refund, { ...txn, status: 'failure', errorCode: errorCode ?? null, message: message ?? null }) };
  }
  return { kind: 'unchanged', reason: txn.status === event.status ? `already ${txn.status}` : 'a failure is final: a later success is an older state' };
};
