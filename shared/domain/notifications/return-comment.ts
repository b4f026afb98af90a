// Return comment: an admin's customer-visible comment emails the customer; a
// customer's comment emails the admins. Internal admin comments email nobody.
import { isAdminActor } from '../emails/words.ts';
import { type Detector, imageAs } from './types.ts';
import type { ReturnCommentView } from './views.ts';

export const returnCommentNotifications: Detector = (change) => {
  const comment = imageAs<ReturnCommentView>(change.new);
  const withOrder = comment.orderId;
  if (!isAdminActor(comment.submittedBy)) {
    if (change.eventName !== 'INSERT') return [];
    return [{ key: `${comment.id}#admins`, template: 'return-comment-admin', to: { kind: 'admins' }, withOrder, data: { comment } }];
  }
  // Visible now and not before: a new visible comment, or an internal one an admin later shared (at most once: same key).
  const before = imageAs<ReturnCommentView | undefined>(change.old);
  if (comment.visibleToCustomer !== true || before?.visibleToCustomer === true) return [];
  return [
    { key: `${comment.id}#customer`, template: 'return-comment-customer', to: { kind: 'customerOfOrder', orderId: withOrder }, withOrder, data: { comment } },
  ];
};
