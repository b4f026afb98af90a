// POST /admin/orders/{orderId}/payment: an admin records that an unpaid order was paid.

import { getOrderOrThrow, saveOrder, withWholeTimeline } from '#shared/adapters/orders-repo';
import { checkIfMatch } from '#shared/domain/if-match';
import type { Order } from '#shared/domain/order';
import { markPaid } from '#shared/domain/order-lifecycle';

export interface MarkOrderPaid {
  readonly orderId: string;
  readonly ifMatch: number | undefined;
  readonly now: string;
}

/** A stale If-Match is a 412 before any write; a writer that lost the version race gets a 409. */
export const markOrderPaid = async ({ orderId, ifMatch, now }: MarkOrderPaid): Promise<Order> => {
  const order = await getOrderOrThrow(orderId);
  checkIfMatch(order, ifMatch);
  const paid = markPaid(order, now);
  await saveOrder(paid, order.version);
  return withWholeTimeline(paid);
};
