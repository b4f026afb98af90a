// An order's fulfillment move as one conditional write (see status-write.ts):
// the plan, and the explanation of a refused write from the order as it was.
import { ConflictError, NotFoundError } from './errors.ts';
import { checkIfMatch } from './if-match.ts';
import type { Order } from './order.ts';
import { type StatusChange, transitionOrder } from './order-lifecycle.ts';
import { allowedOrderTransitions, ORDER_STATUSES, type OrderStatus } from './order-transitions.ts';
import { type StatusWrite, statusesMovingTo } from './status-write.ts';

/** The order's write, and whether a customer's open cancellation request holds it (which refuses every fulfillment move). */
export interface OrderStatusWrite extends StatusWrite<OrderStatus> {
  readonly refuseWhileHeld: true;
}

/** Statuses an order may leave for `to`; none reach `pending`. */
export const ordersMovableTo = (to: OrderStatus): OrderStatus[] => statusesMovingTo(ORDER_STATUSES, allowedOrderTransitions, to);

/**
 * What moving to `change.to` writes: the status and a timeline entry, the
 * delivery time on `delivered`, and `paid` when the courier collected the
 * money of an unpaid order (so the write also requires `unpaid`; see
 * explainOrderStatusRefusal for an order that was already paid).
 */
export const planOrderStatusWrite = (change: StatusChange, expectedVersion: number | undefined): OrderStatusWrite => {
  const delivered = change.to === 'delivered';
  const collect = delivered && change.paymentCollected === true;
  return {
    to: change.to,
    from: ordersMovableTo(change.to),
    at: change.at,
    set: { ...(delivered ? { deliveredAt: change.at } : {}), ...(collect ? { paymentStatus: 'paid' } : {}) },
    append: { timeline: [{ status: change.to, at: change.at, by: change.by, note: change.note ?? null }] },
    require: collect ? { paymentStatus: 'unpaid' } : {},
    expectedVersion,
    refuseWhileHeld: true,
  };
};

export const ORDER_HELD_MESSAGE = 'This order has an open cancellation request; approve or reject it first.';

/**
 * Why the write was refused, judged on the order as it was when it failed
 * (`undefined`: there was none), in the order the rules were always checked:
 * 404, If-Match (412), the transition table (409 with allowedTransitions), an
 * open cancellation (409). Throws that error; when only the payment rule
 * failed (the order was no longer unpaid, so there is nothing to collect) it
 * returns the same move without the collection, to be written again.
 */
export const explainOrderStatusRefusal = (old: Order | undefined, held: boolean, change: StatusChange, ifMatch: number | undefined): StatusChange => {
  if (!old) throw new NotFoundError('The order');
  checkIfMatch(old, ifMatch);
  transitionOrder(old, change);
  if (held) throw new ConflictError(ORDER_HELD_MESSAGE, { allowedTransitions: [] });
  if (change.paymentCollected === true && old.paymentStatus !== 'unpaid') return { ...change, paymentCollected: false };
  // Every condition of the write holds on this order: it changed between the
  // refusal and the image DynamoDB returned, which a single item cannot do.
  throw new ConflictError('The order was changed concurrently; reload it and retry.');
};
