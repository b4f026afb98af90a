// The steps every refund writer shares (a manual refund, a cancellation's, a
// return's): read the order with its counters and the settings, fresh ids for a
// plan, and the items that record a planned refund in the caller's transaction.
import type { GuardedItem } from '#shared/adapters/dynamo';
import { newId, newSecretCode } from '#shared/adapters/ids';
import { orderPut } from '#shared/adapters/orders-repo';
import { refundInserts } from '#shared/adapters/refunds-repo';
import { readForRules } from '#shared/adapters/rule-reads';
import { returnStock, unitsBySku } from '#shared/adapters/stock-repo';
import { NotFoundError } from '#shared/domain/errors';
import type { PlanIds } from '#shared/domain/refund-plan';
import type { OrderState, RefundWrite } from '#shared/domain/refund-write';
import type { Settings } from '#shared/domain/settings';
import { ConcurrentChangeError } from './retry-on-change.ts';

/** Fresh ids for a plan; `issue` false when only calculating: no voucher is issued for a refund nobody makes. */
export const planIds = (issue: boolean): PlanIds => ({
  refundId: newId('rfd'),
  newId,
  voucherCode: () => (issue ? newSecretCode() : undefined),
});

/**
 * The items of a planned refund. The order is written at the version the plan
 * was made against: when another writer moved it, the caller's retry loop
 * reads and plans again (ConcurrentChangeError). One stock item per SKU: a
 * transaction may touch an item once.
 */
export const refundWriteItems = (write: RefundWrite): GuardedItem[] => [
  { ...orderPut(write.order, write.previousVersion, write.counters), onConditionFailed: () => new ConcurrentChangeError('order') },
  ...refundInserts(write.refund),
  ...[...unitsBySku(write.restock)].map(([sku, units]) => returnStock(sku, units)),
];

/** The order with its counters, and the settings: one BatchGetItem. */
export const readOrderForRefund = async (orderId: string): Promise<{ state: OrderState; settings: Settings }> => {
  const { order, settings } = await readForRules({ orderId });
  if (!order) throw new NotFoundError('The order');
  return { state: order, settings };
};
