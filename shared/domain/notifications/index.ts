// Which detector handles which item type. Adding an event is adding a detector
// here and a template in shared/domain/emails.
import { cancellationNotifications } from './cancellation.ts';
import { orderNotifications } from './order.ts';
import { orderNoteNotifications } from './order-note.ts';
import { refundNotifications } from './refund.ts';
import { returnCommentNotifications } from './return-comment.ts';
import { returnRequestNotifications } from './return-request.ts';
import { creditReminderNotifications, creditTransactionNotifications } from './store-credit.ts';
import type { Change, Detector, NotifiableType, Notification } from './types.ts';

const DETECTORS: Record<NotifiableType, Detector> = {
  Order: orderNotifications,
  Cancellation: cancellationNotifications,
  ReturnRequest: returnRequestNotifications,
  Refund: refundNotifications,
  OrderNote: orderNoteNotifications,
  ReturnComment: returnCommentNotifications,
  CreditTransaction: creditTransactionNotifications,
  CreditReminder: creditReminderNotifications,
};

const isNotifiable = (type: string): type is NotifiableType => Object.hasOwn(DETECTORS, type);

/** Every email a change implies; unknown types, removals and records without a new image imply none. */
export const notificationsFor = (change: Change): Notification[] =>
  change.eventName !== 'REMOVE' && change.new !== undefined && isNotifiable(change.type) ? DETECTORS[change.type](change) : [];
