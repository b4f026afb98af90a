// Order: a fulfillment status change emails its customer.
import type { OrderStatusData } from '../emails/order-status.ts';
import { changed, type Detector, imageAs } from './types.ts';

export const orderNotifications: Detector = (change) => {
  // Creating the order is the storefront's own confirmation to the shopper; only later changes are news.
  if (change.eventName !== 'MODIFY' || !changed(change, 'status')) return [];
  const order = imageAs<OrderStatusData['order'] & { version: number }>(change.new);
  return [
    {
      key: `${order.id}#v${order.version}#customer`,
      template: 'order-status',
      to: { kind: 'email', email: order.customer.email },
      data: { order },
    },
  ];
};
