// The payout queue: every refund transaction as a row of its own, with the
// refund and order it belongs to, so a back office can work through pending
// bank transfers or failed card refunds across orders. Pure: derived from a
// refund, never written by hand.
import * as z from 'zod/mini';
import { lazy } from './pure.ts';
import { type Refund, RefundSource, RefundTransaction, type TransactionStatus } from './refund.ts';

export const RefundTransactionRow = /* @__PURE__ */ lazy(() =>
  z
    .extend(RefundTransaction, {
      refundId: z.string(),
      orderId: z.string(),
      source: RefundSource,
      retried: z
        .boolean()
        .clone()
        .register(z.globalRegistry, { description: 'A failure already followed by a new attempt of the same refund: history, not a task.' }),
    })
    .clone()
    .register(z.globalRegistry, { id: 'RefundTransactionRow' }),
);
export type RefundTransactionRow = z.infer<typeof RefundTransactionRow>;

/** Where a row is queued: its status, except that a retried failure leaves the `failure` queue. */
export type QueueStatus = TransactionStatus | 'retried';

/** One row per transaction; attempts are appended, so every failure but the last attempt has been retried. */
export const transactionRows = (refund: Refund): RefundTransactionRow[] =>
  refund.transactions.map((txn, i) => ({
    ...txn,
    refundId: refund.id,
    orderId: refund.orderId,
    source: refund.source,
    retried: txn.status === 'failure' && i < refund.transactions.length - 1,
  }));

export const queueStatus = (row: Pick<RefundTransactionRow, 'status' | 'retried'>): QueueStatus => (row.retried ? 'retried' : row.status);
