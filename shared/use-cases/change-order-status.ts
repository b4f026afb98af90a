// Moves an order along its fulfillment table (admin or storefront): one
// conditional write. `cancelled` is the shop cancelling the order, so it goes
// through the admin cancellation: a Cancellation record, stock back, and a
// refund of what was paid — never a cancelled order that kept the money.
import { noOpenCancellation } from '#shared/adapters/cancellations-repo';
import { checkIfMatch, getOrderOrThrow, saveOrder } from '#shared/adapters/orders-repo';
import { type Order, type OrderStatusBody, transitionOrder } from '#shared/domain/order';
import { OTHER_CANCELLATION_REASON } from '#shared/domain/reason';
import { adminCancelOrder } from './cancel-order.ts';

export interface ChangeOrderStatus {
  readonly orderId: string;
  readonly body: OrderStatusBody;
  readonly actor: string;
  readonly now: string;
  readonly ifMatch: number | undefined;
  /** The caller's role: a storefront's `cancelled` is recorded as the storefront's, not an admin's. */
  readonly by: 'admin' | 'storefront';
}

export const changeOrderStatus = async ({ orderId, body, actor, now, ifMatch, by }: ChangeOrderStatus): Promise<Order> => {
  const order = await getOrderOrThrow(orderId);
  checkIfMatch(order, ifMatch);
  const next = transitionOrder(order, { to: body.status, at: now, by: actor, note: body.note, paymentCollected: body.paymentCollected });
  if (next.status === 'cancelled') {
    await adminCancelOrder({
      orderId,
      body: { reasonId: OTHER_CANCELLATION_REASON, comment: body.note },
      actor,
      now,
      idempotency: undefined,
      ifMatch,
      requestedBy: by,
    });
    return getOrderOrThrow(orderId, true);
  }
  // A customer's open cancellation request holds the order (see noOpenCancellation).
  await saveOrder(next, order.version, [noOpenCancellation(orderId)]);
  return next;
};
