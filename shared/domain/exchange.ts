// An exchange (API.md "Exchange"): items sent back (its return request) for
// other items, with the difference paid or paid back. This module holds the
// resource, its settings and how a new one and its settlement are made; the
// status machine is exchange-status.ts, the values exchange-values.ts. Pure:
// ids and time are passed in.
import * as z from 'zod/mini';
import { type ExchangeStatus, ExchangeStatus as ExchangeStatusSchema } from './exchange-status.ts';
import type { ExchangeValues } from './exchange-values.ts';
import type { Order } from './order.ts';
import { lazy } from './pure.ts';
import { Id, Money, Quantity, Text, Timestamp, Version } from './schema-kit.ts';

export const ExchangeSettings = /* @__PURE__ */ lazy(() =>
  z
    .object({
      enabled: z.boolean(),
      samePriceForSameProduct: z
        .boolean()
        .clone()
        .register(z.globalRegistry, { description: 'A swap within the same product (another size or colour) keeps the price paid.' }),
    })
    .clone()
    .register(z.globalRegistry, { id: 'ExchangeSettings' }),
);
export type ExchangeSettings = z.infer<typeof ExchangeSettings>;

export const DEFAULT_EXCHANGE_SETTINGS: ExchangeSettings = { enabled: true, samePriceForSameProduct: true };

/** Where a negative difference goes: back to the card, or as store credit. */
export const NEGATIVE_TO = ['card', 'store_credit'] as const;
export const NegativeTo = /* @__PURE__ */ lazy(() => z.enum(NEGATIVE_TO));
export type NegativeTo = z.infer<typeof NegativeTo>;

export const SETTLEMENT_KINDS = ['none', 'charge', 'refund', 'store_credit'] as const;
export const SETTLEMENT_STATUSES = ['not_required', 'pending', 'succeeded'] as const;

export const Settlement = /* @__PURE__ */ lazy(() =>
  z.object({
    kind: z.enum(SETTLEMENT_KINDS),
    amount: Money,
    status: z.enum(SETTLEMENT_STATUSES),
    reference: z.nullable(z.string()),
  }),
);
export type Settlement = z.infer<typeof Settlement>;

export const Exchange = /* @__PURE__ */ lazy(() =>
  z
    .object({
      id: Id('exc'),
      orderId: z.string(),
      customerId: z.string(),
      status: ExchangeStatusSchema,
      mode: z.literal('standard'),
      currency: z.string(),
      returnId: z.string(),
      inbound: z.array(z.object({ lineItemId: z.string(), quantity: Quantity, reasonId: z.string(), value: Money })),
      outbound: z.array(
        z.object({
          sku: z.string(),
          productId: z.string(),
          title: z.string(),
          variantTitle: z.string(),
          quantity: Quantity,
          unitPrice: Money,
          tax: Money,
          priceKept: z.boolean(),
        }),
      ),
      inboundValue: Money,
      outboundValue: Money,
      differenceDue: z.number().check(z.int()),
      negativeTo: NegativeTo,
      settlement: Settlement,
      // `sessionId`: the provider's page (a Stripe Checkout Session `cs_…`), what its webhook must name to be believed.
      payment: z.nullable(z.object({ url: z.string(), expiresAt: Timestamp, sessionId: Text(200) })),
      replacementOrderId: z.nullable(z.string()),
      denialReason: z.nullable(z.string()).clone().register(z.globalRegistry, { description: 'Why an admin denied the exchange; null unless denied.' }),
      history: z.array(z.object({ status: ExchangeStatusSchema, at: Timestamp, by: Text(100) })),
      version: Version,
      createdAt: Timestamp,
      updatedAt: Timestamp,
    })
    .clone()
    .register(z.globalRegistry, { id: 'Exchange' }),
);
export type Exchange = z.infer<typeof Exchange>;

/** How the difference will be settled: a charge when positive, a refund or store credit when negative, nothing when even. */
export const settlementOf = (differenceDue: number, negativeTo: NegativeTo): Settlement => {
  if (differenceDue === 0) return { kind: 'none', amount: 0, status: 'not_required', reference: null };
  if (differenceDue > 0) return { kind: 'charge', amount: differenceDue, status: 'pending', reference: null };
  return { kind: negativeTo === 'store_credit' ? 'store_credit' : 'refund', amount: -differenceDue, status: 'pending', reference: null };
};

/** A negative difference goes back the way the order was paid unless the customer chose store credit. */
export const negativeToOf = (order: Pick<Order, 'paymentMethod'>, chosen: NegativeTo | undefined): NegativeTo =>
  chosen ?? (order.paymentMethod === 'card' ? 'card' : 'store_credit');

export interface NewExchange {
  readonly id: string;
  readonly returnId: string;
  readonly order: Pick<Order, 'id' | 'currency' | 'paymentMethod'> & { readonly customer: { readonly customerId: string } };
  readonly values: ExchangeValues;
  readonly negativeTo: NegativeTo | undefined;
  readonly by: string;
  readonly now: string;
}

/** A new exchange in `requested`, its prices frozen as valued. */
export const newExchange = ({ id, returnId, order, values, negativeTo, by, now }: NewExchange): Exchange => {
  const to = negativeToOf(order, negativeTo);
  return {
    id,
    orderId: order.id,
    customerId: order.customer.customerId,
    status: 'requested',
    mode: 'standard',
    currency: order.currency,
    returnId,
    ...values,
    negativeTo: to,
    settlement: settlementOf(values.differenceDue, to),
    payment: null,
    replacementOrderId: null,
    denialReason: null,
    history: [{ status: 'requested', at: now, by }],
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
};

/** The exchange moved to `status`, stamped in its history. */
export const movedExchange = (exchange: Exchange, status: ExchangeStatus, by: string, now: string): Exchange => ({
  ...exchange,
  status,
  history: [...exchange.history, { status, at: now, by }],
  version: exchange.version + 1,
  updatedAt: now,
});
