// Return request: a new request (status `new`) and every status change email
// the customer and the admins; the customer's first email confirms receipt,
// as a cancellation request's does.

import type { ReturnStatus } from '../return-status.ts';
import type { Notification, Recipient } from './types.ts';
import { changed, type Detector, imageAs } from './types.ts';
import type { ReturnRequestView } from './views.ts';

const STATUSES: readonly string[] = [
  'new',
  'picked_up',
  'pending_verification',
  'approved',
  'partially_approved',
  'denied',
  'refunded',
  'cancelled',
] satisfies ReturnStatus[];

export const returnRequestNotifications: Detector = (change) => {
  if (!changed(change, 'status')) return [];
  const returnRequest = imageAs<ReturnRequestView>(change.new);
  if (!STATUSES.includes(returnRequest.status)) return [];
  const key = `${returnRequest.id}#v${returnRequest.version}`;
  const email = returnRequest.customer?.email;
  // The request carries the order number, currency and contact (pinned shape);
  // read the order only if a writer left one of them out.
  const complete = Boolean(email && returnRequest.orderNumber && returnRequest.currency);
  const withOrder = complete ? {} : { withOrder: returnRequest.orderId };
  const admins: Notification = {
    key: `${key}#admins`,
    template: change.eventName === 'INSERT' ? 'return-created-admin' : 'return-status-admin',
    to: { kind: 'admins' },
    ...withOrder,
    data: { returnRequest },
  };
  const to: Recipient = email ? { kind: 'email', email } : { kind: 'customerOfOrder', orderId: returnRequest.orderId };
  const locale = returnRequest.customer?.locale ?? null;
  return [{ key: `${key}#customer`, template: 'return-status-customer', to, ...withOrder, locale, data: { returnRequest } }, admins];
};
