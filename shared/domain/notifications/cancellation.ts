// Cancellation: its creation and every status change email the customer and the
// admins. The cancellation is the primary record of its action: its email
// says the order is cancelled and what is refunded, so the order's own status
// change and the refund created with it send nothing (see order.ts, refund.ts).

import type { CancellationStatus } from '../cancellation.ts';
import type { Notification } from './types.ts';
import { changed, type Detector, imageAs } from './types.ts';
import type { CancellationView } from './views.ts';

const STATUSES: readonly string[] = ['requested', 'approved', 'rejected', 'refunded'] satisfies CancellationStatus[];

export const cancellationNotifications: Detector = (change) => {
  // `changed` is true on INSERT too (no old image): a new cancellation is news in any status.
  if (!changed(change, 'status')) return [];
  const cancellation = imageAs<CancellationView>(change.new);
  if (!STATUSES.includes(cancellation.status)) return [];
  const key = `${cancellation.id}#v${cancellation.version}`;
  // The item carries no currency or address: both come from its order.
  const withOrder = cancellation.orderId;
  const admins: Notification = { key: `${key}#admins`, template: 'cancellation-admin', to: { kind: 'admins' }, withOrder, data: { cancellation } };
  // approved → refunded is the settlement of its refund's transaction: the
  // customer reads it in that transaction's email (refund.ts), not twice.
  // (Straight to `refunded` at approval, a voucher, is the approval's email.)
  if (cancellation.status === 'refunded' && change.old?.status === 'approved') return [admins];
  // refunded → approved is the provider reversing that success: the refund
  // transaction's failure emails tell the customer and the admins (refund.ts).
  if (cancellation.status === 'approved' && change.old?.status === 'refunded') return [];
  return [
    { key: `${key}#customer`, template: 'cancellation-customer', to: { kind: 'customerOfOrder', orderId: withOrder }, withOrder, data: { cancellation } },
    admins,
  ];
};
