// Refund: a new refund emails the customer; so does each transaction that
// turns to success or failure.
import { type Detector, imageAs, type Notification } from './types.ts';
import type { RefundView } from './views.ts';

const SETTLED = new Set(['success', 'failure']);

export const refundNotifications: Detector = (change) => {
  const refund = imageAs<RefundView>(change.new);
  const to = { kind: 'customerOfOrder', orderId: refund.orderId } as const;
  if (change.eventName === 'INSERT') {
    // A transaction settled at once (a voucher) is told in this email, not a second one.
    return [{ key: `${refund.id}#created#customer`, template: 'refund-created', to, withOrder: refund.orderId, data: { refund } }];
  }
  // A MODIFY (removals never reach a detector).
  const before = new Map((imageAs<RefundView | undefined>(change.old)?.transactions ?? []).map((t) => [t.id, t.status]));
  return (refund.transactions ?? [])
    .filter((t) => SETTLED.has(t.status) && before.get(t.id) !== t.status)
    .map(
      (transaction): Notification => ({
        // Version and the transaction's new status: unique per change, the same on redelivery.
        key: `${refund.id}#v${refund.version ?? 0}#${transaction.id}#${transaction.status}#customer`,
        template: 'refund-transaction',
        to,
        withOrder: refund.orderId,
        data: { refund, transaction },
      }),
    );
};
