// The exchange domain without I/O: its status table, its values (inbound at the
// refundable value, outbound at the variant's price or the price kept for the
// same product), its settlement and how a new one is made.
import { describe, expect, it } from 'vitest';
import { BusinessRuleError, ConflictError } from '#shared/domain/errors';
import { DEFAULT_EXCHANGE_SETTINGS, Exchange, movedExchange, negativeToOf, newExchange, settlementOf } from '#shared/domain/exchange';
import {
  adminMayCancel,
  checkExchangeTransition,
  customerMayCancel,
  EXCHANGE_STATUSES,
  EXCHANGE_TRANSITIONS,
  isFinalExchangeStatus,
  releasesStock,
  statusAfterApproval,
} from '#shared/domain/exchange-status';
import { exchangeValues, type ValuesInput } from '#shared/domain/exchange-values';
import type { Order } from '#shared/domain/order';
import type { Variant } from '#shared/domain/variant';

type Line = Order['lineItems'][number];
const line = (over: Partial<Line> = {}): Line => ({
  id: 'li_1',
  sku: 'SHIRT-M',
  productId: 'shirt',
  title: 'Shirt',
  variantTitle: 'M',
  categoryIds: [],
  quantity: 2,
  unitPrice: 4000,
  discount: 0,
  tax: 800,
  imageUrl: null,
  refundedQuantity: 0,
  returnedQuantity: 0,
  ...over,
});
const variant = (sku: string, over: Partial<Variant> = {}): Variant => ({
  sku,
  productId: 'shirt',
  title: 'Shirt',
  variantTitle: sku,
  options: {},
  prices: { USD: { unitPrice: 5000, tax: 1000 } },
  imageUrl: null,
  active: true,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  version: 1,
  ...over,
});
const input = (over: Partial<ValuesInput> = {}): ValuesInput => ({
  order: { currency: 'USD', lineItems: [line()] },
  inbound: [{ lineItemId: 'li_1', quantity: 1, reasonId: 'rsn_size' }],
  outbound: [{ sku: 'SHIRT-L', quantity: 1 }],
  variants: new Map([
    ['SHIRT-L', variant('SHIRT-L')],
    ['HAT', variant('HAT', { productId: 'hat', prices: { USD: { unitPrice: 1500, tax: 300 } } })],
    ['OLD', variant('OLD', { active: false })],
    ['EUR-ONLY', variant('EUR-ONLY', { prices: { EUR: { unitPrice: 1, tax: 0 } } })],
  ]),
  samePriceForSameProduct: true,
  ...over,
});
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BusinessRuleError);
    const e = error as BusinessRuleError;
    return { rule: e.details.rule, paths: (e.details.errors ?? []).map((f) => f.path) };
  }
  throw new Error('expected a refusal');
};

describe('exchange status machine', () => {
  it('has a row for every status, and exactly the four final ones', () => {
    expect(Object.keys(EXCHANGE_TRANSITIONS).sort()).toEqual([...EXCHANGE_STATUSES].sort());
    expect(EXCHANGE_STATUSES.filter(isFinalExchangeStatus).sort()).toEqual(['cancelled', 'completed', 'declined', 'denied']);
  });

  it('allows the legal moves and refuses the rest with a 409 listing the legal ones', () => {
    expect(() => checkExchangeTransition('requested', 'approved')).not.toThrow();
    expect(() => checkExchangeTransition('awaiting_return', 'released')).not.toThrow();
    expect(() => checkExchangeTransition('requested', 'released')).toThrow(ConflictError);
    expect(() => checkExchangeTransition('completed', 'cancelled')).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ allowedTransitions: [] }) }),
    );
    expect(() => checkExchangeTransition('awaiting_return', 'cancelled')).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ allowedTransitions: ['released', 'declined'] }) }),
    );
  });

  it('goes on from approval to awaiting_payment only when the customer owes a difference', () => {
    expect(statusAfterApproval(1)).toBe('awaiting_payment');
    expect(statusAfterApproval(0)).toBe('awaiting_return');
    expect(statusAfterApproval(-500)).toBe('awaiting_return');
  });

  it('lets the customer cancel while requested or awaiting payment, an admin only while awaiting payment', () => {
    expect(EXCHANGE_STATUSES.filter(customerMayCancel)).toEqual(['requested', 'awaiting_payment']);
    expect(EXCHANGE_STATUSES.filter(adminMayCancel)).toEqual(['awaiting_payment']);
  });

  it('gives stock back only when leaving a status that holds it for cancelled or declined', () => {
    expect(releasesStock('awaiting_payment', 'cancelled')).toBe(true);
    expect(releasesStock('awaiting_return', 'declined')).toBe(true);
    expect(releasesStock('requested', 'cancelled')).toBe(false);
    expect(releasesStock('awaiting_return', 'released')).toBe(false);
  });
});

describe('exchange values', () => {
  it('keeps the price paid for another size of the same product: nothing to pay', () => {
    const values = exchangeValues(input());
    expect(values.inbound).toEqual([{ lineItemId: 'li_1', quantity: 1, reasonId: 'rsn_size', value: 4400 }]);
    expect(values.outbound).toEqual([
      { sku: 'SHIRT-L', productId: 'shirt', title: 'Shirt', variantTitle: 'SHIRT-L', quantity: 1, unitPrice: 4000, tax: 400, priceKept: true },
    ]);
    expect([values.inboundValue, values.outboundValue, values.differenceDue]).toEqual([4400, 4400, 0]);
  });

  it("prices the same product at the variant's price when the setting is off", () => {
    const values = exchangeValues(input({ samePriceForSameProduct: false }));
    expect(values.outbound[0]).toMatchObject({ unitPrice: 5000, tax: 1000, priceKept: false });
    expect(values.differenceDue).toBe(6000 - 4400);
  });

  it("prices another product at its variant's price: a cheaper one is a negative difference", () => {
    const values = exchangeValues(input({ outbound: [{ sku: 'HAT', quantity: 2 }] }));
    expect(values.outbound).toEqual([expect.objectContaining({ sku: 'HAT', quantity: 2, unitPrice: 1500, tax: 300, priceKept: false })]);
    expect(values.differenceDue).toBe(3600 - 4400);
  });

  it('keeps the price for as many units as were sent back, and prices the rest at the variant', () => {
    const values = exchangeValues(input({ outbound: [{ sku: 'SHIRT-L', quantity: 3 }] }));
    expect(values.outbound.map((o) => [o.quantity, o.priceKept, o.unitPrice + o.tax])).toEqual([
      [1, true, 4400],
      [2, false, 6000],
    ]);
    expect(values.differenceDue).toBe(4400 + 12000 - 4400);
  });

  it('splits a discounted line by largest remainder, groups units at one price, and adds up exactly', () => {
    // 3 units, total 3 × 1000 − 1 + 2 = 3001 → unit values 1001, 1000, 1000; tax 2 → 1, 1, 0.
    const odd = line({ quantity: 3, unitPrice: 1000, discount: 1, tax: 2 });
    const values = exchangeValues(
      input({
        order: { currency: 'USD', lineItems: [odd] },
        inbound: [{ lineItemId: 'li_1', quantity: 3, reasonId: 'r' }],
        outbound: [{ sku: 'SHIRT-L', quantity: 3 }],
      }),
    );
    expect(values.inboundValue).toBe(3001);
    expect(values.outbound.map((o) => [o.quantity, o.unitPrice, o.tax])).toEqual([
      [1, 1000, 1],
      [1, 999, 1],
      [1, 1000, 0],
    ]);
    expect(values.differenceDue).toBe(0);
  });

  it('values the units not yet refunded, as a return would', () => {
    // 2 units of 4400; one refunded already: the one left is worth 4400.
    const values = exchangeValues(input({ order: { currency: 'USD', lineItems: [line({ refundedQuantity: 1 })] } }));
    expect(values.inboundValue).toBe(4400);
  });

  it('refuses an empty outbound, naming it', () => {
    expect(refusal(() => exchangeValues(input({ outbound: [] })))).toEqual({ rule: 'empty_outbound', paths: ['outbound'] });
  });

  it('refuses a line the order does not have, naming the item', () => {
    const bad = input({
      inbound: [
        { lineItemId: 'li_1', quantity: 1, reasonId: 'r' },
        { lineItemId: 'li_x', quantity: 1, reasonId: 'r' },
      ],
    });
    expect(refusal(() => exchangeValues(bad))).toEqual({ rule: 'unknown_line_item', paths: ['inbound.1.lineItemId'] });
  });

  it('refuses unknown and inactive variants, naming each', () => {
    const bad = input({
      outbound: [
        { sku: 'SHIRT-L', quantity: 1 },
        { sku: 'NOPE', quantity: 1 },
        { sku: 'OLD', quantity: 1 },
      ],
    });
    expect(refusal(() => exchangeValues(bad))).toEqual({ rule: 'variant_unavailable', paths: ['outbound.1.sku', 'outbound.2.sku'] });
  });

  it("refuses a variant without a price in the order's currency", () => {
    expect(refusal(() => exchangeValues(input({ outbound: [{ sku: 'EUR-ONLY', quantity: 1 }] })))).toEqual({
      rule: 'currency_mismatch',
      paths: ['outbound.0.sku'],
    });
  });
});

describe('a new exchange and its settlement', () => {
  it('settles nothing when even, a charge when positive, a refund or store credit when negative', () => {
    expect(settlementOf(0, 'card')).toEqual({ kind: 'none', amount: 0, status: 'not_required', reference: null });
    expect(settlementOf(1600, 'card')).toEqual({ kind: 'charge', amount: 1600, status: 'pending', reference: null });
    expect(settlementOf(-800, 'card')).toMatchObject({ kind: 'refund', amount: 800 });
    expect(settlementOf(-800, 'store_credit')).toMatchObject({ kind: 'store_credit', amount: 800 });
  });

  it("pays a negative difference back the order's way unless the customer chose", () => {
    expect(negativeToOf({ paymentMethod: 'card' }, undefined)).toBe('card');
    expect(negativeToOf({ paymentMethod: 'bank_transfer' }, undefined)).toBe('store_credit');
    expect(negativeToOf({ paymentMethod: 'card' }, 'store_credit')).toBe('store_credit');
  });

  it('makes a valid requested exchange with frozen values, then moves it with its history', () => {
    const now = '2026-12-07T10:00:00.000Z';
    const values = exchangeValues(input({ outbound: [{ sku: 'HAT', quantity: 1 }] }));
    const order = { id: 'ord_1', currency: 'USD', paymentMethod: 'card' as const, customer: { customerId: 'cus-1' } };
    const exchange = newExchange({ id: 'exc_1', returnId: 'ret_1', order, values, negativeTo: undefined, by: 'customer', now });
    expect(Exchange.safeParse(exchange).success).toBe(true);
    expect(exchange).toMatchObject({ status: 'requested', differenceDue: -2600, settlement: { kind: 'refund', amount: 2600 }, negativeTo: 'card', version: 1 });
    const later = '2026-12-07T11:00:00.000Z';
    const approved = movedExchange(exchange, 'approved', 'admin:1', later);
    expect(approved).toMatchObject({ status: 'approved', version: 2, updatedAt: later });
    expect(approved.history.map((h) => h.status)).toEqual(['requested', 'approved']);
    expect(DEFAULT_EXCHANGE_SETTINGS).toEqual({ enabled: true, samePriceForSameProduct: true });
  });
});
