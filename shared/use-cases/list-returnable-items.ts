// Per line of one of my orders: what can still be returned, and until when.
import { getOwnOrder } from '#shared/adapters/orders-repo';
import { listReasons } from '#shared/adapters/reasons-repo';
import { refundedThroughReturns } from '#shared/adapters/returns-repo';
import { getSettings } from '#shared/adapters/settings-repo';
import { returnableItems } from '#shared/domain/return-eligibility';
import type { ReturnableItem } from '#shared/domain/return-request';

export const listReturnableItems = async (orderId: string, customerId: string, now: string): Promise<{ orderId: string; items: ReturnableItem[] }> => {
  const order = await getOwnOrder(orderId, customerId);
  const [settings, reasons, refunded] = await Promise.all([getSettings(), listReasons('return', true), refundedThroughReturns(order.id)]);
  return { orderId: order.id, items: returnableItems(order, settings, reasons, refunded, now) };
};
