// What an exchange is worth (API.md "Exchange", Values): an inbound unit at its
// per-unit refundable value (as for returns), an outbound unit at its variant's
// price in the order's currency, except a swap within the same product, which
// keeps the price paid. Integer minor units; every refusal is a 422 naming the item.
import { BusinessRuleError, type FieldError } from './errors.ts';
import { splitEvenly, sum } from './money.ts';
import type { Order } from './order.ts';
import { nextUnitValues } from './return-amount.ts';
import type { Variant } from './variant.ts';

export interface InboundRequest {
  readonly lineItemId: string;
  readonly quantity: number;
  readonly reasonId: string;
}
export interface OutboundRequest {
  readonly sku: string;
  readonly quantity: number;
}

export interface InboundItem extends InboundRequest {
  /** The units' refundable value, together. */
  readonly value: number;
}
export interface OutboundItem {
  readonly sku: string;
  readonly productId: string;
  readonly title: string;
  readonly variantTitle: string;
  readonly quantity: number;
  /** Per unit, before tax. */
  readonly unitPrice: number;
  /** Per unit. */
  readonly tax: number;
  /** The price paid for the same product, kept (setting `exchanges.samePriceForSameProduct`); else the variant's. */
  readonly priceKept: boolean;
}

export interface ExchangeValues {
  readonly inbound: InboundItem[];
  readonly outbound: OutboundItem[];
  readonly inboundValue: number;
  readonly outboundValue: number;
  /** Positive: the customer pays; negative: the shop pays back. */
  readonly differenceDue: number;
}

export interface ValuesInput {
  readonly order: Pick<Order, 'currency' | 'lineItems'>;
  readonly inbound: readonly InboundRequest[];
  readonly outbound: readonly OutboundRequest[];
  /** The variants the outbound items name, by SKU (missing when unknown). */
  readonly variants: ReadonlyMap<string, Pick<Variant, 'sku' | 'productId' | 'title' | 'variantTitle' | 'prices' | 'active'>>;
  readonly samePriceForSameProduct: boolean;
}

type Line = Order['lineItems'][number];
/** One paid unit: its price before tax and its tax, adding up to its refundable value. */
interface PaidUnit {
  readonly unitPrice: number;
  readonly tax: number;
}

/**
 * The paid units an inbound item sends back: the same units (and values) a
 * return of them would refund (return-amount.ts), the line's tax split over
 * them the same way, so each unit's price and tax add up to its value exactly.
 */
const paidUnits = (line: Line, count: number): PaidUnit[] => {
  const values = nextUnitValues(line, count);
  const end = line.quantity - line.refundedQuantity;
  const taxes = splitEvenly(line.tax, line.quantity).slice(Math.max(0, end - count), end);
  return values.map((value, i) => ({ unitPrice: value - (taxes[i] ?? 0), tax: taxes[i] ?? 0 }));
};

const unitCost = (item: Pick<OutboundItem, 'quantity' | 'unitPrice' | 'tax'>): number => item.quantity * (item.unitPrice + item.tax);

const refuse = (rule: string, message: string, errors: FieldError[]): void => {
  if (errors.length > 0) throw new BusinessRuleError(rule, message, { errors });
};

/** Consecutive units at the same price make one outbound line. */
const groupUnits = (units: readonly PaidUnit[]): { unitPrice: number; tax: number; quantity: number }[] => {
  const groups: { unitPrice: number; tax: number; quantity: number }[] = [];
  for (const unit of units) {
    const last = groups.at(-1);
    if (last && last.unitPrice === unit.unitPrice && last.tax === unit.tax) last.quantity += 1;
    else groups.push({ ...unit, quantity: 1 });
  }
  return groups;
};

/** The inbound and outbound items at their exchange prices, and the difference. Refuses unknown lines and unusable variants. */
export const exchangeValues = ({ order, inbound, outbound, variants, samePriceForSameProduct }: ValuesInput): ExchangeValues => {
  refuse(
    'empty_outbound',
    'An exchange needs at least one item to receive.',
    outbound.length === 0 ? [{ path: 'outbound', message: 'must not be empty' }] : [],
  );
  const lines = inbound.map((item) => order.lineItems.find((l) => l.id === item.lineItemId));
  refuse(
    'unknown_line_item',
    'An inbound item names a line the order does not have.',
    inbound.flatMap((item, i) => (lines[i] ? [] : [{ path: `inbound.${i}.lineItemId`, message: `${item.lineItemId} is not a line of this order` }])),
  );
  refuse(
    'variant_unavailable',
    'An outbound item names an unknown or inactive variant.',
    outbound.flatMap((item, i) => (variants.get(item.sku)?.active ? [] : [{ path: `outbound.${i}.sku`, message: `${item.sku} is not an active variant` }])),
  );
  refuse(
    'currency_mismatch',
    `An outbound variant has no price in ${order.currency}.`,
    outbound.flatMap((item, i) =>
      variants.get(item.sku)?.prices[order.currency] ? [] : [{ path: `outbound.${i}.sku`, message: `${item.sku} has no price in ${order.currency}` }],
    ),
  );

  // Paid units sent back, per product: a same-product outbound unit takes the next one's price.
  const kept = new Map<string, PaidUnit[]>();
  const inboundItems = inbound.map((item, i): InboundItem => {
    const line = lines[i] as Line;
    const units = paidUnits(line, item.quantity);
    if (samePriceForSameProduct && line.productId) kept.set(line.productId, [...(kept.get(line.productId) ?? []), ...units]);
    return { ...item, value: sum(units.map((u) => u.unitPrice + u.tax)) };
  });

  const outboundItems = outbound.flatMap((item): OutboundItem[] => {
    const variant = variants.get(item.sku) as NonNullable<ReturnType<typeof variants.get>>;
    const base = { sku: item.sku, productId: variant.productId, title: variant.title, variantTitle: variant.variantTitle };
    const pool = kept.get(variant.productId) ?? [];
    const taken = pool.splice(0, item.quantity);
    const price = variant.prices[order.currency] as { unitPrice: number; tax: number };
    const rest = item.quantity - taken.length;
    return [
      ...groupUnits(taken).map((g) => ({ ...base, ...g, priceKept: true })),
      ...(rest > 0 ? [{ ...base, quantity: rest, unitPrice: price.unitPrice, tax: price.tax, priceKept: false }] : []),
    ];
  });

  const inboundValue = sum(inboundItems.map((i) => i.value));
  const outboundValue = sum(outboundItems.map(unitCost));
  return { inbound: inboundItems, outbound: outboundItems, inboundValue, outboundValue, differenceDue: outboundValue - inboundValue };
};
