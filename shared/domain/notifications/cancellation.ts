// Cancellation: its creation and every status change email the customer and the admins.
import { changed, type Detector, imageAs } from './types.ts';
import type { CancellationStatus, CancellationView } from './views.ts';

const STATUSES: readonly string[] = ['requested', 'approved', 'rejected', 'refunded'] satisfies CancellationStatus[];

export const cancellationNotifications: Detector = (change) => {
  // `changed` is true on INSERT too (no old image): a new cancellation is news in any status.
  if (!changed(change, 'status')) return [];
  const cancellation = imageAs<CancellationView>(change.new);
  if (!STATUSES.includes(cancellation.status)) return [];
  const key = `${cancellation.id}#v${cancellation.version}`;
  // The item carries no currency or address: both come from its order.
  const withOrder = cancellation.orderId;
  return [
    { key: `${key}#customer`, template: 'cancellation-customer', to: { kind: 'customerOfOrder', orderId: withOrder }, withOrder, data: { cancellation } },
    { key: `${key}#admins`, template: 'cancellation-admin', to: { kind: 'admins' }, withOrder, data: { cancellation } },
  ];
};
