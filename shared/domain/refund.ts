// A refund (seed 001): a ledger entry of money handed back and of the units it
// covers. The schema is the type, the validator and the OpenAPI entry; the
// planning arithmetic lives in refund-plan.ts. Pure: no I/O, no clock.
import * as z from 'zod/mini';
import { RefundAccount } from './cancellation.ts';
import { ConflictError } from './errors.ts';
import { LineItem, type Order, type PaymentMethod, type PaymentStatus } from './order.ts';
import { lazy } from './pure.ts';
import { Id, Money, OptionalText, Quantity, Timestamp, Version } from './schema-kit.ts';

export const REFUND_GATEWAYS = ['card', 'bank_transfer', 'voucher', 'cash', 'store_credit'] as const;
export const RefundGateway = /* @__PURE__ */ lazy(() => z.enum(REFUND_GATEWAYS));
export type RefundGateway = z.infer<typeof RefundGateway>;

export const TRANSACTION_STATUSES = ['pending', 'success', 'failure'] as const;
export const TransactionStatus = /* @__PURE__ */ lazy(() => z.enum(TRANSACTION_STATUSES));
export type TransactionStatus = z.infer<typeof TransactionStatus>;

export const RefundSource = /* @__PURE__ */ lazy(() =>
  z
    .object({ type: z.enum(['return', 'cancellation', 'manual']), id: z.nullable(z.string()) })
    .clone()
    .register(z.globalRegistry, { id: 'RefundSource' }),
);
export type RefundSource = z.infer<typeof RefundSource>;

export const RefundLineItem = /* @__PURE__ */ lazy(() =>
  z
    .object({
      id: z.string(),
      lineItemId: z.string(),
      quantity: z.number().check(z.int()),
      subtotal: Money.clone().register(z.globalRegistry, { description: 'Value of the units before tax (after the line discount).' }),
      tax: Money,
      lineItem: LineItem.clone().register(z.globalRegistry, { description: 'The order line as it was when refunded.' }),
    })
    .clone()
    .register(z.globalRegistry, { id: 'RefundLineItem' }),
);
export type RefundLineItem = z.infer<typeof RefundLineItem>;

/**
 * What an adjustment is for (amounts signed: what it adds to the total).
 * `shipping_deduction`: the order's shipping kept back (setting
 * `refunds.deductShipping`); `restock_fee`: a return's restocking fee;
 * `refund_discrepancy`: goodwill, or what a cap at "still refundable" takes
 * off. `shipping_refund` (shipping given back) is in API.md's list, but the
 * planner books shipping it hands back in the refund's own `shipping` part
 * (amount and tax, as seed 001 shows) so that `total = lines + shipping +
 * adjustments` counts it once: no refund it plans carries that kind.
 */
export const AdjustmentKind = /* @__PURE__ */ lazy(() => z.enum(['shipping_refund', 'shipping_deduction', 'restock_fee', 'refund_discrepancy']));
export type AdjustmentKind = z.infer<typeof AdjustmentKind>;

export const OrderAdjustment = /* @__PURE__ */ lazy(() =>
  z
    .object({
      id: z.string(),
      kind: AdjustmentKind,
      amount: z
        .number()
        .check(z.int())
        .clone()
        .register(z.globalRegistry, { description: 'Signed: what the adjustment adds to the refund total (a restock fee is negative).' }),
      tax: z.number().check(z.int()),
      reason: z.nullable(z.string()),
    })
    .clone()
    .register(z.globalRegistry, { id: 'OrderAdjustment' }),
);
export type OrderAdjustment = z.infer<typeof OrderAdjustment>;

export const RefundTransaction = /* @__PURE__ */ lazy(() =>
  z
    .object({
      id: z.string(),
      kind: z.literal('refund'),
      amount: Money,
      currency: z.string(),
      gateway: RefundGateway,
      status: TransactionStatus,
      message: z.nullable(z.string()),
      errorCode: z.nullable(z.string()),
      createdAt: Timestamp,
      voucherCode: z.optional(z.string()).clone().register(z.globalRegistry, { description: 'The voucher issued (voucher gateway only).' }),
      refundAccount: z
        .optional(RefundAccount)
        .clone()
        .register(z.globalRegistry, { description: 'Where a retried bank transfer goes, when given with the attempt.' }),
      iban: z.optional(z.string()).clone().register(z.globalRegistry, { description: 'Where a retried bank transfer goes, when given with the attempt.' }),
      providerRefundId: z
        .optional(z.string())
        .clone()
        .register(z.globalRegistry, { description: "The payment provider's id of this refund (a Stripe `re_…`)." }),
      provider: z.optional(z.string()).clone().register(z.globalRegistry, {
        description: 'The payment provider this card transaction was sent to (`stripe`): while pending, only its signed events settle it.',
      }),
    })
    .clone()
    .register(z.globalRegistry, { id: 'RefundTransaction' }),
);
export type RefundTransaction = z.infer<typeof RefundTransaction>;

export const Refund = /* @__PURE__ */ lazy(() =>
  z
    .object({
      id: z.string().clone().register(z.globalRegistry, { example: 'rfd_01JD3V7N8Q2M4K6P9R1T3W5Y7Z' }),
      orderId: z.string(),
      createdAt: Timestamp,
      note: z.nullable(z.string()),
      restock: z.boolean(),
      userId: z.string().clone().register(z.globalRegistry, { description: 'Who refunded: `admin:<sub>`.' }),
      source: RefundSource,
      refundLineItems: z.array(RefundLineItem),
      shipping: z.object({ amount: Money, tax: Money }),
      orderAdjustments: z.array(OrderAdjustment),
      transactions: z.array(RefundTransaction),
      total: Money.clone().register(z.globalRegistry, { description: 'Σ line subtotal and tax + shipping amount and tax + Σ adjustments.' }),
      owed: Money.clone().register(z.globalRegistry, { description: 'What the refund still owes: its total less its successful transactions (settled at 0).' }),
      currency: z.string(),
      version: Version,
    })
    .clone()
    .register(z.globalRegistry, { id: 'Refund' }),
);
export type Refund = z.infer<typeof Refund>;

/** Body of create and calculate (API.md); `restockFee` is what the returns flow passes. */
export const RefundBody = /* @__PURE__ */ lazy(() =>
  z
    .object({
      note: OptionalText(1000),
      restock: z.optional(z.boolean()),
      refundLineItems: z.optional(z.array(z.object({ lineItemId: Id('li'), quantity: Quantity })).check(z.maxLength(100))),
      shipping: z.optional(z.object({ amount: Money })),
      amount: z.optional(Money).clone().register(z.globalRegistry, { description: 'Goodwill amount, added as a refund_discrepancy adjustment.' }),
      gateway: z.optional(RefundGateway),
    })
    .clone()
    .register(z.globalRegistry, { id: 'RefundBody' }),
);
export type RefundBody = z.infer<typeof RefundBody>;

export const TransactionBody = /* @__PURE__ */ lazy(() =>
  z
    .object({
      status: z.enum(['success', 'failure']),
      message: OptionalText(1000),
      errorCode: OptionalText(100),
    })
    .clone()
    .register(z.globalRegistry, { id: 'RefundTransactionBody' }),
);
export type TransactionBody = z.infer<typeof TransactionBody>;

/** Where a refund goes by default: back the way the money came (COD is paid back in cash). */
export const defaultGateway = (method: PaymentMethod): RefundGateway => (method === 'cod' ? 'cash' : method);

/** A voucher is issued and store credit credited on the spot (in the refund's own transaction); every other gateway waits for confirmation. */
export const initialTransactionStatus = (gateway: RefundGateway): TransactionStatus =>
  gateway === 'voucher' || gateway === 'store_credit' ? 'success' : 'pending';

/**
 * Payment status once `refunded` of what was paid is refunded. `refunded` is
 * the order's `totals.refunded`: Σ the totals of its refunds, i.e. what the
 * shop has committed to give back, paid out or still owed. A failed
 * transaction leaves its amount owed (a new attempt pays it), so neither
 * moves when one fails; `owed` on each refund tells what has not gone yet.
 */
export const paymentStatusAfter = (order: Pick<Order, 'paymentStatus' | 'totals'>, refunded: number): PaymentStatus => {
  if (order.paymentStatus === 'unpaid') return 'unpaid';
  if (refunded <= 0) return 'paid';
  return refunded >= order.totals.total ? 'refunded' : 'partially_refunded';
};

/** pending → success | failure; a settled transaction never moves again. */
export const settleTransaction = (txn: RefundTransaction, body: TransactionBody): RefundTransaction => {
  if (txn.status !== 'pending') {
    throw new ConflictError(`Transaction ${txn.id} is already ${txn.status}.`, { allowedTransitions: [] });
  }
  return { ...txn, status: body.status, message: body.message ?? null, errorCode: body.status === 'failure' ? (body.errorCode ?? null) : null };
};

/**
 * A card transaction the payments consumer still has to send: pending, and no
 * provider answer recorded yet. Sending again is safe (the transaction id is
 * the provider's idempotency key), so one claimed but not yet answered is sent
 * again by a retry.
 */
export const awaitsSending = (txn: Pick<RefundTransaction, 'gateway' | 'status' | 'providerRefundId'>): boolean =>
  txn.gateway === 'card' && txn.status === 'pending' && !txn.providerRefundId;

/**
 * The payment provider holds it: sent, or being sent (claimed before the call).
 * Only the provider's signed events move it then, never an admin's hand: money
 * already on its way cannot be marked failed and paid a second time.
 */
export const awaitsProvider = (txn: Pick<RefundTransaction, 'status' | 'provider' | 'providerRefundId'>): boolean =>
  txn.status === 'pending' && (txn.provider !== undefined || txn.providerRefundId !== undefined);
