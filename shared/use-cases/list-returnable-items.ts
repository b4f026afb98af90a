// Per line of one of my orders: what can still be returned, and until when.
import { listReasons } from '#shared/adapters/reasons-repo';
import { readForRules } from '#shared/adapters/rule-reads';
import { type Caller, visibleTo } from '#shared/domain/caller';
import { returnUnitsOf } from '#shared/domain/refund-counters';
import { returnableItems } from '#shared/domain/return-eligibility';
import type { ReturnableItem } from '#shared/domain/return-request';

export const listReturnableItems = async (orderId: string, caller: Caller, now: string): Promise<{ orderId: string; items: ReturnableItem[] }> => {
  const [{ order: read, settings }, reasons] = await Promise.all([readForRules({ orderId }), listReasons('return', true)]);
  const { order, counters } = visibleTo(caller, read, (r) => r.order.customer.customerId, 'The order');
  return { orderId: order.id, items: returnableItems(order, settings, reasons, returnUnitsOf(counters), now) };
};
