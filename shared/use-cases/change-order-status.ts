// Moves an order along its fulfillment table (admin or storefront): ONE
// conditional write (the order item moves from a status that may reach the
// target, unless a cancellation request holds it; the timeline grows in the
// same write). A refused write is explained by the domain from the order as it
// was. `cancelled` is the shop cancelling the order, so it goes through the
// admin cancellation: a Cancellation record, stock back, and a refund of what
// was paid (more than one trip: it is a cancellation, not a status change).
import { getOrderOrThrow, getWholeOrder, moveOrderStatus, withWholeTimeline } from '#shared/adapters/orders-repo';
import { checkIfMatch } from '#shared/domain/if-match';
import type { Order, OrderStatusBody } from '#shared/domain/order';
import { type StatusChange, transitionOrder } from '#shared/domain/order-lifecycle';
import { explainOrderStatusRefusal, planOrderStatusWrite } from '#shared/domain/order-status-change';
import { OTHER_CANCELLATION_REASON } from '#shared/domain/reason';
import { cancelByShop } from './steps/cancel-by-shop.ts';

export interface ChangeOrderStatus {
  readonly orderId: string;
  readonly body: OrderStatusBody;
  readonly actor: string;
  readonly now: string;
  readonly ifMatch: number | undefined;
}

const cancelThroughStatus = async ({ orderId, body, actor, now, ifMatch }: ChangeOrderStatus, change: StatusChange): Promise<Order> => {
  const order = await getOrderOrThrow(orderId);
  checkIfMatch(order, ifMatch);
  transitionOrder(order, change);
  await cancelByShop({
    orderId,
    body: { reasonId: OTHER_CANCELLATION_REASON, comment: body.note },
    actor,
    now,
    idempotency: undefined,
    ifMatch,
  });
  return getWholeOrder(orderId, true);
};

export const changeOrderStatus = async (command: ChangeOrderStatus): Promise<Order> => {
  const { orderId, body, actor, now, ifMatch } = command;
  let change: StatusChange = { to: body.status, at: now, by: actor, note: body.note, paymentCollected: body.paymentCollected };
  if (change.to === 'cancelled') return cancelThroughStatus(command, change);
  let write = planOrderStatusWrite(change, ifMatch);
  for (;;) {
    const moved = await moveOrderStatus(orderId, write);
    // The answer shows the whole timeline: an order with older pages reads them (after the write, which stands).
    if ('order' in moved) return withWholeTimeline(moved.order);
    // Throws the refusal's error, or asks once for the same move without the
    // payment collection (the order was paid already), which it cannot ask again.
    change = explainOrderStatusRefusal(moved.refused?.order, moved.refused?.held ?? false, change, ifMatch);
    write = planOrderStatusWrite(change, ifMatch);
  }
};
