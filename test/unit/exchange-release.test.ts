// An exchange whose return is verified, without I/O: released only when every
// inbound unit came back good, and its replacement order: the outbound items at
// their frozen prices, paid, its total the exchange's outbound value exactly.
import { describe, expect, it } from 'vitest';
import { replacementOrder, verifiedOutcome } from '#shared/domain/exchange-release';
import { buildOrder } from '#shared/domain/order';
import { owingExchange, T0 } from '../support/exchange-fixture.ts';
import { orderBody } from '../support/orders.ts';

const twoLines = owingExchange({
  inbound: [
    { lineItemId: 'li_1', quantity: 2, reasonId: 'rsn_size', value: 4800 },
    { lineItemId: 'li_2', quantity: 1, reasonId: 'rsn_size', value: 2500 },
  ],
});
const verified = (...goods: (number | null)[]) => ({ items: goods.map((goodQuantity, i) => ({ lineItemId: `li_${i + 1}`, goodQuantity })) });

describe('the verified return decides', () => {
  it('nothing while an item is unverified', () => {
    expect(verifiedOutcome(twoLines, verified(2, null))).toBeUndefined();
  });

  it('released when every inbound unit is good', () => {
    expect(verifiedOutcome(twoLines, verified(2, 1))).toBe('released');
  });

  it.each([
    ['one unit short', [1, 1]],
    ['an item refused', [2, 0]],
    ['nothing good', [0, 0]],
  ])('declined with %s', (_, goods) => {
    expect(verifiedOutcome(twoLines, verified(...goods))).toBe('declined');
  });
});

describe('the replacement order', () => {
  const original = buildOrder(
    orderBody({ customer: { customerId: 'cus_1', name: 'Ada', email: 'ada@example.com', locale: 'de-DE' }, currency: 'EUR', paymentReference: 'pi_order' }),
    { id: 'ord_1', number: 'N1', lineIds: ['li_1', 'li_2'], now: T0, by: 'storefront' },
  );
  const exchange = owingExchange({
    outbound: [
      { sku: 'COAT-L', productId: 'coat', title: 'Coat', variantTitle: 'L', quantity: 2, unitPrice: 5000, tax: 1000, priceKept: false },
      { sku: 'HAT', productId: 'hat', title: 'Hat', variantTitle: 'One size', quantity: 1, unitPrice: 1333, tax: 267, priceKept: true },
    ],
    outboundValue: 13600,
  });
  const order = replacementOrder(exchange, original, { id: 'ord_2', number: 'N2', lineIds: ['li_a', 'li_b'], now: T0, by: 'admin-1' });

  it('holds the outbound items at the exchange prices, paid, from the exchange', () => {
    expect(order).toMatchObject({
      id: 'ord_2',
      source: { type: 'exchange', id: 'exc_1' },
      status: 'pending',
      paymentStatus: 'paid',
      paymentMethod: 'card',
      paymentReference: null,
      currency: 'EUR',
      customer: { customerId: 'cus_1', email: 'ada@example.com', locale: 'de-DE' },
      shippingAddress: original.shippingAddress,
      shipping: { method: 'exchange', amount: 0, tax: 0 },
    });
    expect(order.lineItems.map((l) => [l.sku, l.quantity, l.unitPrice, l.tax])).toEqual([
      ['COAT-L', 2, 5000, 2000],
      ['HAT', 1, 1333, 267],
    ]);
  });

  it('totals exactly the outbound value', () => {
    expect(order.totals.total).toBe(exchange.outboundValue);
  });
});
