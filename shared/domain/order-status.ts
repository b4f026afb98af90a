// The fulfillment status as a zod enum (validator and OpenAPI entry); the
// transition table itself lives in order-transitions.ts, free of zod.
import * as z from 'zod/mini';
import { ORDER_STATUSES } from './order-transitions.ts';
import { lazy } from './pure.ts';

export { allowedOrderTransitions, isFinalOrderStatus, ORDER_STATUSES, ORDER_TRANSITIONS } from './order-transitions.ts';

export const OrderStatus = /* @__PURE__ */ lazy(() => z.enum(ORDER_STATUSES));
export type OrderStatus = z.infer<typeof OrderStatus>;
