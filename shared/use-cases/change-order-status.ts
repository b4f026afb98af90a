// Moves an order along its fulfillment table (admin or storefront): one
// conditional write; a cancellation this way puts tracked stock back with it.
import { noOpenCancellation } from '#shared/adapters/cancellations-repo';
import { checkIfMatch, getOrderOrThrow, saveOrder } from '#shared/adapters/orders-repo';
import { returnStock, unitsBySku } from '#shared/adapters/stock-repo';
import { type Order, type OrderStatusBody, transitionOrder } from '#shared/domain/order';

export interface ChangeOrderStatus {
  readonly orderId: string;
  readonly body: OrderStatusBody;
  readonly actor: string;
  readonly now: string;
  readonly ifMatch: number | undefined;
}

export const changeOrderStatus = async ({ orderId, body, actor, now, ifMatch }: ChangeOrderStatus): Promise<Order> => {
  const order = await getOrderOrThrow(orderId);
  checkIfMatch(order, ifMatch);
  const next = transitionOrder(order, { to: body.status, at: now, by: actor, note: body.note, paymentCollected: body.paymentCollected });
  const restock = next.status === 'cancelled' ? [...unitsBySku(order.lineItems)].map(([sku, units]) => returnStock(sku, units)) : [];
  // A customer's open cancellation request holds the order (see noOpenCancellation).
  const hold = next.status === 'cancelled' ? [] : [noOpenCancellation(orderId)];
  await saveOrder(next, order.version, [...restock, ...hold]);
  return next;
};
