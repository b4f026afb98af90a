// Order: a fulfillment status change emails its customer.
import type { OrderStatusData } from '../emails/order-status.ts';
import { changed, type Detector, imageAs } from './types.ts';

export const orderNotifications: Detector = (change) => {
  // Creating the order is the storefront's own confirmation to the shopper; only later changes are news.
  if (change.eventName !== 'MODIFY' || !changed(change, 'status')) return [];
  const order = imageAs<OrderStatusData['order'] & { version: number }>(change.new);
  // An order is only ever cancelled together with a Cancellation record (in the
  // same transaction): that record's email tells the customer, refund included.
  // One action, one email.
  if (order.status === 'cancelled') return [];
  return [
    {
      key: `${order.id}#v${order.version}#customer`,
      template: 'order-status',
      to: { kind: 'email', email: order.customer.email },
      locale: order.customer.locale ?? null,
      data: { order },
    },
  ];
};
