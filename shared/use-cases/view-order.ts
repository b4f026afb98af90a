// GET /orders/{orderId} and what shows one of my orders (its tracking, its notes):
// the order, if it is the caller's.
import { getOrder, withWholeTimeline } from '#shared/adapters/orders-repo';
import { type Caller, visibleTo } from '#shared/domain/caller';
import type { Order } from '#shared/domain/order';

/** The order as answered: with its whole timeline (the pages its item no longer holds). */
export const viewOrder = async (orderId: string, caller: Caller): Promise<Order> =>
  withWholeTimeline(visibleTo(caller, await getOrder(orderId), (order) => order.customer.customerId, 'The order'));
