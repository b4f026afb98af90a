// An exchange as stored, for unit tests of what happens to it after approval.
import type { Exchange } from '#shared/domain/exchange';

export const T0 = '2026-12-07T10:00:00.000Z';

/** An exchange approved with 1200 to pay (a coat for 6000 against a unit worth 4800), in awaiting_payment, no page yet. */
export const owingExchange = (over: Partial<Exchange> = {}): Exchange => ({
  id: 'exc_1',
  orderId: 'ord_1',
  customerId: 'cus_1',
  status: 'awaiting_payment',
  mode: 'standard',
  currency: 'EUR',
  returnId: 'ret_1',
  inbound: [{ lineItemId: 'li_1', quantity: 1, reasonId: 'rsn_size', value: 4800 }],
  outbound: [{ sku: 'COAT-L', productId: 'coat', title: 'Coat', variantTitle: 'L', quantity: 1, unitPrice: 5000, tax: 1000, priceKept: false }],
  inboundValue: 4800,
  outboundValue: 6000,
  differenceDue: 1200,
  negativeTo: 'card',
  settlement: { kind: 'charge', amount: 1200, status: 'pending', reference: null },
  payment: null,
  replacementOrderId: null,
  denialReason: null,
  history: [
    { status: 'requested', at: T0, by: 'cus_1' },
    { status: 'approved', at: T0, by: 'adm_1' },
    { status: 'awaiting_payment', at: T0, by: 'adm_1' },
  ],
  version: 2,
  createdAt: T0,
  updatedAt: T0,
  ...over,
});
