// Fixtures for the returns domain: a delivered order, the shop's default
// settings, a return body; each overridable. Pure data, no I/O.
import { buildOrder, type Order } from '#shared/domain/order';
import { DEFAULT_REASONS, type Reason } from '#shared/domain/reason';
import type { CreateReturnBody } from '#shared/domain/return-request';
import { defaultSettings, type Settings } from '#shared/domain/settings';
import { orderBody } from './orders.ts';

export const DELIVERED_AT = '2026-11-01T10:00:00.000Z';
/** Ten days after delivery: inside the default 30-day window. */
export const NOW = '2026-11-11T10:00:00.000Z';

/** Mug: 3 × 1000 − 300 discount + 300 tax (3000); T-shirt (apparel): 1 × 2500. Shipping 500 + 50 tax. Total 6050, paid by card. */
export const deliveredOrder = (overrides: Partial<Order> = {}, body: Parameters<typeof orderBody>[0] = {}): Order => ({
  ...buildOrder(orderBody(body), {
    id: 'ord_1',
    number: 'N1',
    lineIds: ['li_mug', 'li_tee', 'li_3', 'li_4'],
    now: '2026-10-28T10:00:00.000Z',
    by: 'storefront:s',
  }),
  status: 'delivered',
  deliveredAt: DELIVERED_AT,
  ...overrides,
});

export const settingsWith = (patch: { returns?: Partial<Settings['returns']>; refunds?: Partial<Settings['refunds']> } = {}): Settings => {
  const base = defaultSettings('shop@example.com');
  return { ...base, returns: { ...base.returns, ...patch.returns }, refunds: { ...base.refunds, ...patch.refunds } };
};

export const DAMAGED = DEFAULT_REASONS.find((r) => r.id === 'rsn_retdamaged') as Reason;

export const reasonsMap = (...extra: Reason[]): Map<string, Reason> => new Map([...DEFAULT_REASONS, ...extra].map((r) => [r.id, r]));

export const returnBody = (overrides: Partial<CreateReturnBody> = {}): CreateReturnBody => ({
  orderId: 'ord_1',
  items: [{ lineItemId: 'li_mug', quantity: 2, reasonId: DAMAGED.id }],
  refundMethod: 'card',
  ...overrides,
});
