// How an order moves once it exists: along the fulfilment table, and to paid.
import { ConflictError } from './errors.ts';
import type { Order } from './order.ts';
import { allowedOrderTransitions, type OrderStatus } from './order-transitions.ts';

export interface StatusChange {
  readonly to: OrderStatus;
  readonly at: string;
  readonly by: string;
  readonly note?: string | undefined;
  readonly paymentCollected?: boolean | undefined;
}

/** Moves an order along the fulfillment table; an illegal move is a 409 listing the legal ones. */
export const transitionOrder = (order: Order, change: StatusChange): Order => {
  const allowed = allowedOrderTransitions(order.status);
  if (!allowed.includes(change.to)) {
    throw new ConflictError(`An order cannot move from ${order.status} to ${change.to}.`, {
      allowedTransitions: allowed,
    });
  }
  const delivered = change.to === 'delivered';
  const collected = delivered && change.paymentCollected === true && order.paymentStatus === 'unpaid';
  return {
    ...order,
    status: change.to,
    timeline: [...order.timeline, { status: change.to, at: change.at, by: change.by, note: change.note ?? null }],
    deliveredAt: delivered ? change.at : order.deliveredAt,
    paymentStatus: collected ? 'paid' : order.paymentStatus,
    version: order.version + 1,
    updatedAt: change.at,
  };
};

/** An admin records an unpaid order's payment; anything else already paid (or refunded) is a 409. */
export const markPaid = (order: Order, now: string): Order => {
  if (order.paymentStatus !== 'unpaid') throw new ConflictError(`The order is already ${order.paymentStatus}.`, { allowedTransitions: [] });
  return { ...order, paymentStatus: 'paid', version: order.version + 1, updatedAt: now };
};
