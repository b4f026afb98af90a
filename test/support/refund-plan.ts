// Fixtures of the refund planner's tests: a plan context with fresh ids, a
// manual request, and an order built from the storefront's body.
import { buildOrder, type CreateOrderBody, type Order } from '#shared/domain/order';
import type { PlanContext, RefundRequest } from '#shared/domain/refund-plan';
import { orderBody } from './orders.ts';

export const NOW = '2026-11-21T10:00:00.000Z';
let seq = 0;
export const ctx = (shippingRefunded = { amount: 0, tax: 0, deducted: 0 }, voucher: string | null = 'VOUCHERCODE'): PlanContext => ({
  shippingRefunded,
  now: NOW,
  actor: 'admin:a',
  ids: { refundId: `rfd_${++seq}`, newId: (p) => `${p}_${++seq}`, voucherCode: () => voucher ?? undefined },
});
export const manual = { type: 'manual', id: null } as const;
export const req = (r: Partial<RefundRequest> = {}): RefundRequest => ({ restock: false, source: manual, ...r });
export const make = (overrides: Partial<CreateOrderBody> = {}): Order =>
  buildOrder(orderBody(overrides), { id: 'ord_1', number: 'N1', lineIds: ['li_1', 'li_2', 'li_3', 'li_4', 'li_5'], now: NOW, by: 'storefront:s' });
