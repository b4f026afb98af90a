// Which detector handles which item type. Adding an event is adding a detector
// here and a template in shared/domain/emails.
import type { NotifiableType } from '#infra/streams';
import { orderNotifications } from './order.ts';
import type { Change, Detector, Notification } from './types.ts';

const none: Detector = () => [];

const DETECTORS: Record<NotifiableType, Detector> = {
  Order: orderNotifications,
  Cancellation: none,
  ReturnRequest: none,
  Refund: none,
  OrderNote: none,
  ReturnComment: none,
};

const isNotifiable = (type: string): type is NotifiableType => Object.hasOwn(DETECTORS, type);

/** Every email a change implies; unknown types and removals imply none. */
export const notificationsFor = (change: Change): Notification[] =>
  change.eventName !== 'REMOVE' && isNotifiable(change.type) ? DETECTORS[change.type](change) : [];
