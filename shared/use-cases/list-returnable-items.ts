// Per line of one of my orders: what can still be returned, and until when.
import { listReasons } from '#shared/adapters/reasons-repo';
import { readForRules, withCounters } from '#shared/adapters/rule-reads';
import { NotFoundError } from '#shared/domain/errors';
import { returnUnitsOf } from '#shared/domain/refund-counters';
import { returnableItems } from '#shared/domain/return-eligibility';
import type { ReturnableItem } from '#shared/domain/return-request';

export const listReturnableItems = async (orderId: string, customerId: string, now: string): Promise<{ orderId: string; items: ReturnableItem[] }> => {
  const [{ order: read, settings }, reasons] = await Promise.all([readForRules({ orderId }), listReasons('return', true)]);
  if (!read || read.order.customer.customerId !== customerId) throw new NotFoundError('The order');
  const { order, counters } = await withCounters(read);
  return { orderId: order.id, items: returnableItems(order, settings, reasons, returnUnitsOf(counters), now) };
};
