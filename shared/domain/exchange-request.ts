// Asking for an exchange (API.md "Exchange"): the bodies that create one, the
// rules it must pass (a return's eligibility for its inbound items, a usable
// variant priced in the order's currency for each outbound one), what
// `calculate` answers, and the return request its inbound items become. Pure:
// ids and time are passed in.
import * as z from 'zod/mini';
import { BusinessRuleError } from './errors.ts';
import { Exchange, NegativeTo } from './exchange.ts';
import { type ExchangeValues, exchangeValues } from './exchange-values.ts';
import type { Order } from './order.ts';
import { lazy } from './pure.ts';
import type { Reason } from './reason.ts';
import { checkReturnableUnits, checkTermsAccepted } from './return-eligibility.ts';
import { buildReturnRequest } from './return-lifecycle.ts';
import { oneItemPerLine, type ReturnRecord } from './return-request.ts';
import { Id, Quantity, Text } from './schema-kit.ts';
import type { Settings } from './settings.ts';
import type { Variant } from './variant.ts';

/** What a customer sends back and what they want instead; the order comes from the body (customer) or the path (admin). */
const exchangeItems = () => ({
  inbound: z
    .array(z.object({ lineItemId: Id('li'), quantity: Quantity, reasonId: Id('rsn') }))
    .check(z.minLength(1), z.maxLength(100), z.superRefine(oneItemPerLine)),
  // An empty list is the business rule `empty_outbound` (a 422 naming it), not malformed input.
  outbound: z.array(z.object({ sku: Text(100), quantity: Quantity })).check(z.maxLength(100)),
  negativeTo: z.optional(NegativeTo),
  termsAccepted: z.optional(z.boolean()),
});

export const CreateExchangeBody = /* @__PURE__ */ lazy(() =>
  z
    .object({ orderId: Id('ord'), ...exchangeItems() })
    .clone()
    .register(z.globalRegistry, { id: 'CreateExchangeBody' }),
);
export type CreateExchangeBody = z.infer<typeof CreateExchangeBody>;

export const AdminCreateExchangeBody = /* @__PURE__ */ lazy(() =>
  z.object(exchangeItems()).clone().register(z.globalRegistry, { id: 'AdminCreateExchangeBody' }),
);
export type AdminCreateExchangeBody = z.infer<typeof AdminCreateExchangeBody>;

export const DenyExchangeBody = /* @__PURE__ */ lazy(() =>
  z
    .object({ reason: Text(1000) })
    .clone()
    .register(z.globalRegistry, { id: 'DenyExchangeBody' }),
);

export const RecordExchangePaymentBody = /* @__PURE__ */ lazy(() =>
  z
    .object({
      status: z.literal('paid'),
      reference: Text(200).clone().register(z.globalRegistry, { description: 'Where the money came in: a receipt, a bank reference, a till number.' }),
    })
    .clone()
    .register(z.globalRegistry, { id: 'RecordExchangePaymentBody' }),
);

/** What `POST /exchanges/calculate` answers: the exchange `POST /exchanges` would create, without its ids and history. */
export const ExchangeCalculation = /* @__PURE__ */ lazy(() =>
  z
    // The stored schema's own fields, so the two cannot disagree.
    .pick(Exchange, {
      orderId: true,
      customerId: true,
      currency: true,
      inbound: true,
      outbound: true,
      inboundValue: true,
      outboundValue: true,
      differenceDue: true,
      negativeTo: true,
      settlement: true,
    })
    .clone()
    .register(z.globalRegistry, { id: 'ExchangeCalculation' }),
);
export type ExchangeCalculation = z.infer<typeof ExchangeCalculation>;

export interface ExchangeRules {
  readonly order: Order;
  readonly body: AdminCreateExchangeBody;
  readonly settings: Settings;
  readonly reasons: ReadonlyMap<string, Reason | undefined>;
  /** The variants the outbound items name, by SKU (undefined when unknown). */
  readonly variants: ReadonlyMap<string, Variant | undefined>;
  readonly refundedThroughReturns: ReadonlyMap<string, number>;
  readonly now: string;
}

/**
 * The exchange's values, once every rule passed: exchanges offered, the
 * inbound units returnable exactly as for a return (their units count against
 * what is still returnable), the terms accepted, and the outbound variants
 * usable in the order's currency. Each refusal is a 422 naming the item.
 */
export const checkExchange = ({ order, body, settings, reasons, variants, refundedThroughReturns, now }: ExchangeRules): ExchangeValues => {
  if (!settings.exchanges.enabled) {
    throw new BusinessRuleError('exchanges_disabled', 'This shop does not offer exchanges.', { errors: [{ path: 'orderId', message: 'cannot be exchanged' }] });
  }
  checkReturnableUnits({ order, items: body.inbound, field: 'inbound', settings, reasons, refundedThroughReturns, now });
  checkTermsAccepted(settings, body.termsAccepted);
  const known = new Map([...variants].flatMap(([sku, variant]) => (variant ? [[sku, variant] as const] : [])));
  return exchangeValues({
    order,
    inbound: body.inbound,
    outbound: body.outbound,
    variants: known,
    samePriceForSameProduct: settings.exchanges.samePriceForSameProduct,
  });
};

/** The calculation of an exchange as it would be created. */
export const calculationOf = (exchange: Exchange): ExchangeCalculation => {
  const { orderId, customerId, currency, inbound, outbound, inboundValue, outboundValue, differenceDue, negativeTo, settlement } = exchange;
  return { orderId, customerId, currency, inbound, outbound, inboundValue, outboundValue, differenceDue, negativeTo, settlement };
};

/** The return request an exchange's inbound items become (refund method `exchange`), naming its exchange. */
export const exchangeReturn = (exchange: Exchange, order: Order, termsAccepted: boolean | undefined, actor: string, now: string): ReturnRecord =>
  buildReturnRequest({
    id: exchange.returnId,
    exchangeId: exchange.id,
    order,
    body: {
      orderId: order.id,
      items: exchange.inbound.map(({ lineItemId, quantity, reasonId }) => ({ lineItemId, quantity, reasonId })),
      refundMethod: 'exchange',
      ...(termsAccepted === undefined ? {} : { termsAccepted }),
    },
    now,
    actor,
  });
