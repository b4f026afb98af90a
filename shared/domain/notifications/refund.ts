// Refund: a manual refund emails the customer when created; each transaction
// that turns to success or failure emails the customer, and a failure also the
// admins, who must pay it another way. A refund created for a return or a
// cancellation sends nothing itself: it is written in the same transaction as
// that record, whose email says the amount (one action, one email).
import { type Detector, imageAs, type Notification } from './types.ts';
import type { RefundView } from './views.ts';

const SETTLED = new Set(['success', 'failure']);
const TOLD_BY_SOURCE = new Set(['return', 'cancellation']);

export const refundNotifications: Detector = (change) => {
  const refund = imageAs<RefundView>(change.new);
  const to = { kind: 'customerOfOrder', orderId: refund.orderId } as const;
  if (change.eventName === 'INSERT') {
    if (TOLD_BY_SOURCE.has(refund.source?.type ?? 'manual')) return [];
    // A transaction settled at once (a voucher) is told in this email, not a second one.
    return [{ key: `${refund.id}#created#customer`, template: 'refund-created', to, withOrder: refund.orderId, data: { refund } }];
  }
  // A MODIFY (removals never reach a detector).
  const before = new Map((imageAs<RefundView | undefined>(change.old)?.transactions ?? []).map((t) => [t.id, t.status]));
  return (refund.transactions ?? [])
    .filter((t) => SETTLED.has(t.status) && before.get(t.id) !== t.status)
    .flatMap((transaction): Notification[] => {
      // Version and the transaction's new status: unique per change, the same on redelivery.
      const key = `${refund.id}#v${refund.version ?? 0}#${transaction.id}#${transaction.status}`;
      const data = { refund, transaction };
      return [
        { key: `${key}#customer`, template: 'refund-transaction', to, withOrder: refund.orderId, data },
        ...(transaction.status === 'failure'
          ? [{ key: `${key}#admins`, template: 'refund-failed-admin', to: { kind: 'admins' }, withOrder: refund.orderId, data } as const]
          : []),
      ];
    });
};
