// An exchange whose return is verified (API.md "Exchange", awaiting_return →
// released | declined): every inbound unit good releases it, and its
// outbound side becomes an ordinary order, the replacement, paid, at the
// exchange's frozen prices; anything less declines it. Pure: ids and time are
// passed in, the caller writes.
import type { Exchange } from './exchange.ts';
import { buildOrder, type NewOrderIds, type Order } from './order.ts';
import type { ReturnRequest } from './return-request.ts';

export type VerifiedOutcome = 'released' | 'declined';

/**
 * What the verification of the exchange's return decides: undefined while an
 * item is still unverified; `released` when every inbound unit came back good;
 * `declined` otherwise (a missing, damaged or short item).
 */
export const verifiedOutcome = (
  exchange: Pick<Exchange, 'inbound'>,
  request: { readonly items: readonly Pick<ReturnRequest['items'][number], 'lineItemId' | 'goodQuantity'>[] },
): VerifiedOutcome | undefined => {
  if (request.items.some((item) => item.goodQuantity === null)) return undefined;
  const good = (lineItemId: string) => request.items.filter((i) => i.lineItemId === lineItemId).reduce((n, i) => n + (i.goodQuantity ?? 0), 0);
  return exchange.inbound.every((unit) => good(unit.lineItemId) >= unit.quantity) ? 'released' : 'declined';
};

/**
 * The replacement order: the outbound items at their exchange prices (a line's
 * tax is its per-unit tax × quantity), to the original order's customer and
 * addresses, paid (by the units sent back and any difference charged), no
 * shipping charged, its `source` the exchange. Its total is the exchange's
 * outbound value exactly. Its stock was taken when the exchange was approved,
 * so the caller writes it without taking stock again.
 */
export const replacementOrder = (exchange: Exchange, original: Order, ids: NewOrderIds): Order => {
  const { customer } = original;
  const order = buildOrder(
    {
      number: ids.number,
      customer: {
        customerId: customer.customerId,
        name: customer.name,
        email: customer.email,
        ...(customer.phone ? { phone: customer.phone } : {}),
        ...(customer.locale ? { locale: customer.locale } : {}),
      },
      billingAddress: original.billingAddress,
      shippingAddress: original.shippingAddress,
      currency: exchange.currency,
      lineItems: exchange.outbound.map((item) => ({
        sku: item.sku,
        productId: item.productId,
        title: item.title,
        variantTitle: item.variantTitle,
        quantity: item.quantity,
        unitPrice: item.unitPrice,
        tax: item.tax * item.quantity,
      })),
      shipping: { method: 'exchange', amount: 0, tax: 0 },
      paymentMethod: original.paymentMethod,
      paymentStatus: 'paid',
    },
    ids,
  );
  return { ...order, source: { type: 'exchange', id: exchange.id } };
};
