// The order: its schema (type, validator and OpenAPI entry in one), its totals,
// and its fulfillment transitions. Pure: ids and time are passed in.
import * as z from 'zod/mini';
import { type FieldError, ValidationError } from './errors.ts';
import { splitEvenly, sum } from './money.ts';
import { OrderPayment, OrderPayments, orderPayments } from './order-payments.ts';
import { OrderStatus } from './order-status.ts';
import { lazy } from './pure.ts';
import { Currency, Email, LocaleTag, MAX_MONEY, Money, OptionalText, Quantity, Text, Timestamp, Version } from './schema-kit.ts';

export const PAYMENT_METHODS = ['card', 'cod', 'bank_transfer', 'voucher'] as const;
export const PaymentMethod = /* @__PURE__ */ lazy(() => z.enum(PAYMENT_METHODS));
export type PaymentMethod = z.infer<typeof PaymentMethod>;
export const PaymentStatus = /* @__PURE__ */ lazy(() => z.enum(['unpaid', 'paid', 'partially_refunded', 'refunded']));
export type PaymentStatus = z.infer<typeof PaymentStatus>;

export const Address = /* @__PURE__ */ lazy(() =>
  z
    .object({
      name: Text(),
      line1: Text(),
      line2: OptionalText(),
      city: Text(100),
      region: OptionalText(100),
      // Optional: not every country has postal codes.
      postalCode: OptionalText(20),
      // ISO 3166-1 alpha-2 is what a storefront should send, but API.md does not
      // require it, and a shop must not lose an order over how a country is spelled.
      country: Text(60),
      phone: OptionalText(40),
    })
    .clone()
    .register(z.globalRegistry, { id: 'Address' }),
);
export type Address = z.infer<typeof Address>;

export const Customer = /* @__PURE__ */ lazy(() =>
  z
    .object({
      customerId: Text(128),
      name: Text(),
      email: Email,
      phone: OptionalText(40),
      locale: z.optional(LocaleTag).clone().register(z.globalRegistry, {
        description: "The language the customer reads: their emails and documents use it (the shop's default when it is not enabled).",
      }),
    })
    .clone()
    .register(z.globalRegistry, { id: 'OrderCustomer' }),
);

const CategoryIds = /* @__PURE__ */ lazy(() => z.array(Text(100)).check(z.maxLength(50)));

export const LineItem = /* @__PURE__ */ lazy(() =>
  z
    .object({
      id: z.string(),
      sku: z.string(),
      productId: z.nullable(z.string()),
      title: z.string(),
      variantTitle: z.nullable(z.string()),
      categoryIds: z.array(z.string()),
      quantity: z.number().check(z.int()),
      unitPrice: Money,
      discount: Money.clone().register(z.globalRegistry, { description: 'Line total discount.' }),
      tax: Money.clone().register(z.globalRegistry, { description: 'Line total tax.' }),
      imageUrl: z.nullable(z.string()),
      refundedQuantity: z.number().check(z.int()),
      returnedQuantity: z.number().check(z.int()),
    })
    .clone()
    .register(z.globalRegistry, { id: 'LineItem' }),
);
export type LineItem = z.infer<typeof LineItem>;

export const TimelineEntry = /* @__PURE__ */ lazy(() =>
  z.object({
    status: OrderStatus,
    at: Timestamp,
    by: z
      .string()
      .clone()
      .register(z.globalRegistry, { description: 'Who acted: the actor id (`admin:<sub>`…) for admins; `customer`, `shop` or `carrier` for customers.' }),
    note: z.nullable(z.string()),
  }),
);
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const Totals = /* @__PURE__ */ lazy(() =>
  z.object({
    subtotal: Money,
    discount: Money,
    tax: Money,
    shipping: Money,
    total: Money,
    refunded: Money,
  }),
);
export type Totals = z.infer<typeof Totals>;

export const Order = /* @__PURE__ */ lazy(() =>
  z
    .object({
      id: z.string().clone().register(z.globalRegistry, { example: 'ord_01JD3V7N8Q2M4K6P9R1T3W5Y7Z' }),
      number: z.string(),
      customer: z.object({
        customerId: z.string(),
        name: z.string(),
        email: z.string(),
        phone: z.nullable(z.string()),
        locale: z.optional(z.string()),
      }),
      billingAddress: Address,
      shippingAddress: Address,
      currency: z.string(),
      lineItems: z.array(LineItem),
      shipping: z.object({ method: z.string(), amount: Money, tax: Money }),
      totals: Totals,
      paymentMethod: PaymentMethod,
      paymentReference: z.nullable(z.string()).clone().register(z.globalRegistry, {
        description: "The payment provider's id of the charge (a Stripe PaymentIntent `pi_…`): what a card refund is sent against.",
      }),
      paymentStatus: PaymentStatus,
      payments: z.optional(z.array(OrderPayment)).clone().register(z.globalRegistry, {
        description: 'How the order was paid when more than one way (store credit first on a refund); absent: all by `paymentMethod`.',
      }),
      // What made the order when the storefront did not: the exchange whose replacement it is (absent on a storefront order).
      source: z.optional(z.object({ type: z.literal('exchange'), id: z.string() })),
      status: OrderStatus,
      timeline: z.array(TimelineEntry),
      invoicedAt: z.nullable(Timestamp),
      deliveredAt: z.nullable(Timestamp),
      version: Version,
      createdAt: Timestamp,
      updatedAt: Timestamp,
    })
    .clone()
    .register(z.globalRegistry, { id: 'Order' }),
);
export type Order = z.infer<typeof Order>;

export const CreateOrderBody = /* @__PURE__ */ lazy(() =>
  z
    .object({
      number: z.optional(Text(40)),
      customer: Customer,
      billingAddress: Address,
      shippingAddress: Address,
      currency: Currency,
      lineItems: z
        .array(
          z.object({
            sku: Text(100),
            productId: z.optional(Text(100)),
            title: Text(),
            variantTitle: z.optional(Text()),
            categoryIds: z.optional(CategoryIds),
            quantity: Quantity,
            unitPrice: Money,
            discount: z.optional(Money),
            tax: z.optional(Money),
            imageUrl: z.optional(z.url().check(z.maxLength(2048))),
          }),
        )
        .check(z.minLength(1), z.maxLength(100)),
      shipping: z.object({ method: Text(100), amount: Money, tax: z.optional(Money) }),
      paymentMethod: PaymentMethod,
      paymentReference: z.optional(Text(255)),
      paymentStatus: z.enum(['paid', 'unpaid']),
      payments: z.optional(OrderPayments).clone().register(z.globalRegistry, {
        description: 'Several ways the order was paid, adding up to its total (a `store_credit` payment names its debit).',
      }),
    })
    .clone()
    .register(z.globalRegistry, { id: 'CreateOrderBody' }),
);
export type CreateOrderBody = z.infer<typeof CreateOrderBody>;

export const OrderStatusBody = /* @__PURE__ */ lazy(() =>
  z
    .object({
      status: OrderStatus,
      note: OptionalText(1000),
      paymentCollected: z.optional(z.boolean()),
    })
    .clone()
    .register(z.globalRegistry, { id: 'OrderStatusBody' }),
);
export type OrderStatusBody = z.infer<typeof OrderStatusBody>;

export const Tracking = /* @__PURE__ */ lazy(() =>
  z
    .object({ orderId: z.string(), number: z.string(), status: OrderStatus, deliveredAt: z.nullable(Timestamp), timeline: z.array(TimelineEntry) })
    .clone()
    .register(z.globalRegistry, { id: 'Tracking' }),
);

/** Totals per API.md: total = subtotal − discount + tax + shipping. */
export const computeTotals = (
  lines: readonly Pick<LineItem, 'quantity' | 'unitPrice' | 'discount' | 'tax'>[],
  shipping: { amount: number; tax: number },
  refunded = 0,
): Totals => {
  const subtotal = sum(lines.map((l) => l.quantity * l.unitPrice));
  const discount = sum(lines.map((l) => l.discount));
  const tax = sum(lines.map((l) => l.tax)) + shipping.tax;
  return { subtotal, discount, tax, shipping: shipping.amount, total: subtotal - discount + tax + shipping.amount, refunded };
};

/** What one line cost the customer in all: its gross, less its discount, plus its tax. */
export const lineTotal = (line: Pick<LineItem, 'quantity' | 'unitPrice' | 'discount' | 'tax'>): number =>
  line.quantity * line.unitPrice - line.discount + line.tax;

/** Per-unit paid values of a line, split by largest remainder so they add up to the line total. */
export const unitValues = (line: Pick<LineItem, 'quantity' | 'unitPrice' | 'discount' | 'tax'>): number[] => splitEvenly(lineTotal(line), line.quantity);

/** What was paid on the order: all of it once paid, nothing while unpaid. */
export const amountPaid = (order: Pick<Order, 'paymentStatus' | 'totals'>): number => (order.paymentStatus === 'unpaid' ? 0 : order.totals.total);

export interface NewOrderIds {
  readonly id: string;
  readonly number: string;
  readonly lineIds: readonly string[];
  readonly now: string;
  readonly by: string;
}

/**
 * Every amount an order holds is Money. A line (100,000 × 10^12) or a total
 * beyond that cap would be an unsafe integer: DynamoDB's marshaller refuses it
 * (a 500) and refund arithmetic would lose cents. So it is a 400 at creation.
 */
const MAX_AMOUNT = MAX_MONEY;

/** Builds a new order (status pending) from a storefront's request. */
export const buildOrder = (body: CreateOrderBody, ids: NewOrderIds): Order => {
  const errors: FieldError[] = [];
  const lineItems: LineItem[] = body.lineItems.map((line, i) => {
    const gross = line.quantity * line.unitPrice;
    if ((line.discount ?? 0) > gross) {
      errors.push({ path: `lineItems.${i}.discount`, message: 'must not exceed quantity × unitPrice' });
    }
    if (gross > MAX_AMOUNT) errors.push({ path: `lineItems.${i}.quantity`, message: `quantity × unitPrice must not exceed ${MAX_AMOUNT}` });
    return {
      id: ids.lineIds[i] as string,
      sku: line.sku,
      productId: line.productId ?? null,
      title: line.title,
      variantTitle: line.variantTitle ?? null,
      categoryIds: line.categoryIds ?? [],
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      discount: line.discount ?? 0,
      tax: line.tax ?? 0,
      imageUrl: line.imageUrl ?? null,
      refundedQuantity: 0,
      returnedQuantity: 0,
    };
  });
  const shipping = { method: body.shipping.method, amount: body.shipping.amount, tax: body.shipping.tax ?? 0 };
  if (errors.length === 0 && Object.values(computeTotals(lineItems, shipping)).some((amount) => amount > MAX_AMOUNT)) {
    errors.push({ path: 'lineItems', message: `the order's totals must not exceed ${MAX_AMOUNT}` });
  }
  if (errors.length > 0) throw new ValidationError(errors);
  const totals = computeTotals(lineItems, shipping);
  const payments = orderPayments(body.payments, totals.total, body.paymentStatus);
  return {
    id: ids.id,
    number: body.number ?? ids.number,
    customer: {
      customerId: body.customer.customerId,
      name: body.customer.name,
      email: body.customer.email,
      phone: body.customer.phone ?? null,
      ...(body.customer.locale ? { locale: body.customer.locale } : {}),
    },
    billingAddress: body.billingAddress,
    shippingAddress: body.shippingAddress,
    currency: body.currency,
    lineItems,
    shipping,
    totals,
    paymentMethod: body.paymentMethod,
    paymentReference: body.paymentReference ?? null,
    paymentStatus: body.paymentStatus,
    ...(payments ? { payments } : {}),
    status: 'pending',
    timeline: [{ status: 'pending', at: ids.now, by: ids.by, note: null }],
    invoicedAt: null,
    deliveredAt: null,
    version: 1,
    createdAt: ids.now,
    updatedAt: ids.now,
  };
};
