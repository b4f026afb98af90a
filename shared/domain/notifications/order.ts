// Order: a fulfillment status change emails its customer.
import type { Order } from '../order.ts';
import { changed, type Detector } from './types.ts';

export const orderNotifications: Detector = (change) => {
  if (change.eventName !== 'MODIFY' || !changed(change, 'status')) return [];
  const order = change.new as unknown as Order;
  return [
    {
      key: `${order.id}#v${order.version}#customer`,
      template: 'order-status',
      to: { kind: 'email', email: order.customer.email },
      data: { order },
    },
  ];
};
