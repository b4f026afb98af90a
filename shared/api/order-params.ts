// The path parameter of the order and of everything under it. Its own module:
// an area that names an order (notes, refunds…) loads none of the orders area's specs.
import * as z from 'zod/mini';
import { lazy } from '#shared/domain/pure';
import { Id } from '#shared/domain/schema-kit';

export const OrderParams = /* @__PURE__ */ lazy(() => z.object({ orderId: Id('ord') }));
