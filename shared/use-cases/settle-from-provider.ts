// The payment provider's signed webhook settles one of our transactions.
// Idempotent per event: a transaction settles pending → final once, so the
// same event again (or a later one about the same refund) finds it final and
// changes nothing. Racing an admin who settles it by hand, one of the two
// writes wins (the refund's version condition) and the other changes nothing.
import { findRefund } from '#shared/adapters/refunds-repo';
import { ConflictError, NotFoundError } from '#shared/domain/errors';
import type { Ignored, Settlement } from '#shared/domain/payments';
import { outcomeBody } from '#shared/domain/refund-ledger';
import { settleTransaction } from './steps/settle-transaction.ts';

export interface WebhookReceipt {
  readonly received: true;
  readonly outcome: 'settled' | 'already settled' | 'ignored';
  readonly detail: string | null;
}

const stillPending = async (refundId: string, transactionId: string): Promise<boolean> =>
  (await findRefund(refundId)).transactions.some((t) => t.id === transactionId && t.status === 'pending');

export const settleFromProvider = async (event: Settlement | Ignored, now: string): Promise<WebhookReceipt> => {
  if (event.kind === 'ignored') return { received: true, outcome: 'ignored', detail: event.reason };
  const { refundId, transactionId, providerRefundId } = event;
  try {
    await settleTransaction({ refundId, transactionId, body: outcomeBody(event), now, providerRefundId });
    return { received: true, outcome: 'settled', detail: null };
  } catch (error) {
    // Signed by the provider but about nothing we hold (another environment sharing the account): acknowledged, not retried.
    if (error instanceof NotFoundError) return { received: true, outcome: 'ignored', detail: 'no such transaction' };
    if (error instanceof ConflictError && !(await stillPending(refundId, transactionId))) {
      return { received: true, outcome: 'already settled', detail: null };
    }
    throw error;
  }
};
