// Fulfillment status machine (API.md, seeds 000 and 003) as a transition table
// the compiler checks. Kept free of zod so the web app can ship it: the back
// office offers exactly these moves as buttons.

export const ORDER_STATUSES = ['pending', 'confirmed', 'picked_up', 'shipped', 'out_for_delivery', 'delivered', 'delivery_failed', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_TRANSITIONS = {
  pending: ['confirmed', 'cancelled'],
  confirmed: ['picked_up', 'shipped', 'cancelled'],
  picked_up: ['shipped', 'cancelled'],
  shipped: ['out_for_delivery', 'delivered', 'delivery_failed'],
  out_for_delivery: ['delivered', 'delivery_failed'],
  delivery_failed: ['out_for_delivery', 'cancelled'],
  delivered: [],
  cancelled: [],
} as const satisfies Record<OrderStatus, readonly OrderStatus[]>;

export const allowedOrderTransitions = (from: OrderStatus): readonly OrderStatus[] => ORDER_TRANSITIONS[from];
export const isFinalOrderStatus = (status: OrderStatus): boolean => ORDER_TRANSITIONS[status].length === 0;
