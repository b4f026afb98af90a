// The admin cancels an order directly (POST /admin/orders/{orderId}/cancel), with
// a reason: the shop's cancellation (steps/cancel-by-shop.ts), which the status
// route's `cancelled` runs too.
import type { Cancellation } from '#shared/domain/cancellation';
import { cancelByShop, type ShopCancel } from './steps/cancel-by-shop.ts';

/** Cancels the order now (record, stock back, a refund of what was paid) and answers the Cancellation. */
export const adminCancelOrder = (command: ShopCancel): Promise<Cancellation> => cancelByShop(command);
