// Refund planning: from an order, what was refunded before and a request, the
// exact refund to record. Integer minor units only; every split is largest
// remainder, so the units of a line always add up to what the line cost.
import { BusinessRuleError, type FieldError, ValidationError } from './errors.ts';
import { splitEvenly, sum } from './money.ts';
import { amountPaid, type LineItem, type Order, unitValues } from './order.ts';
import { creditShare, withCreditRefunded } from './order-payments.ts';
import {
  defaultGateway,
  initialTransactionStatus,
  type OrderAdjustment,
  paymentStatusAfter,
  type Refund,
  type RefundGateway,
  type RefundLineItem,
  type RefundSource,
  type RefundTransaction,
} from './refund.ts';
import { owedOf } from './refund-ledger.ts';

export interface RefundRequest {
  readonly note?: string | undefined;
  readonly restock: boolean;
  readonly refundLineItems?: readonly { readonly lineItemId: string; readonly quantity: number }[] | undefined;
  readonly shipping?: { readonly amount: number } | undefined;
  /**
   * Give `shipping.amount` back without a share of the shipping tax: a
   * return's `refundedShipping` is added to its refund as entered (API.md's
   * refund amount formula), unlike a manual refund's shipping at paid value.
   */
  readonly shippingWithoutTax?: boolean | undefined;
  /** Goodwill: a positive refund_discrepancy adjustment. */
  readonly amount?: number | undefined;
  /** Subtracted as a restock_fee adjustment, never below a zero total. */
  readonly restockFee?: number | undefined;
  /**
   * The setting `refunds.deductShipping`: a refund with goods keeps back what
   * is left of the order's shipping amount (a shipping_deduction adjustment;
   * see `shippingDeduction`). A cancellation's refund never does.
   */
  readonly deductShipping?: boolean | undefined;
  /** Cap the total at what is still refundable (a negative refund_discrepancy) instead of refusing it: a return's refund. */
  readonly capped?: boolean | undefined;
  readonly gateway?: RefundGateway | undefined;
  /** Where a bank transfer goes (a return's IBAN, a cancellation's account): put on its transaction, so the payout queue says where to send it. */
  readonly payee?: Pick<RefundTransaction, 'refundAccount' | 'iban'> | undefined;
  readonly source: RefundSource;
  /**
   * Every unit and all shipping not refunded yet, capped at what is still
   * refundable (a negative refund_discrepancy absorbs earlier goodwill):
   * a cancellation's refund. Line items, shipping and amount are then ignored.
   */
  readonly everything?: boolean | undefined;
}

/** Shipping already handed back by earlier refunds of the order, and kept back by them (the order's refund counters, see refund-counters.ts). */
export interface ShippingRefunded {
  readonly amount: number;
  readonly tax: number;
  /** Σ of the earlier shipping_deduction adjustments, as a positive amount. */
  readonly deducted: number;
}

export interface PlanIds {
  readonly refundId: string;
  readonly newId: (prefix: 'rli' | 'adj' | 'txn') => string;
  /** Undefined when only calculating: no voucher is issued for a refund nobody makes. */
  readonly voucherCode: () => string | undefined;
}

export interface PlanContext {
  readonly shippingRefunded: ShippingRefunded;
  readonly ids: PlanIds;
  readonly now: string;
  readonly actor: string;
}

/** Money that may still go back: what was paid less what is refunded or reserved by pending refunds. */
export const refundableRemaining = (order: Pick<Order, 'paymentStatus' | 'totals'>): number => amountPaid(order) - order.totals.refunded;

/**
 * The value and tax of `quantity` more units of a line. Units already refunded
 * are taken from the end of the per-unit split, so whatever sequence of partial
 * refunds happens, all the units together are worth exactly the line total.
 */
export const unitsValue = (line: Pick<LineItem, 'quantity' | 'unitPrice' | 'discount' | 'tax' | 'refundedQuantity'>, quantity: number) => {
  const end = line.quantity - line.refundedQuantity;
  const value = sum(unitValues(line).slice(end - quantity, end));
  const tax = sum(splitEvenly(line.tax, line.quantity).slice(end - quantity, end));
  return { subtotal: value - tax, tax };
};

const requestedLines = (order: Order, request: RefundRequest): { line: LineItem; quantity: number }[] => {
  if (request.everything) {
    return order.lineItems.filter((l) => l.quantity > l.refundedQuantity).map((line) => ({ line, quantity: line.quantity - line.refundedQuantity }));
  }
  const wanted = request.refundLineItems ?? [];
  const duplicates = wanted.filter((w, i) => wanted.findIndex((o) => o.lineItemId === w.lineItemId) !== i);
  if (duplicates.length > 0) {
    throw new ValidationError(
      wanted.flatMap((w, i) => (duplicates.includes(w) ? [{ path: `refundLineItems.${i}.lineItemId`, message: 'names a line already listed' }] : [])),
    );
  }
  const unknown: FieldError[] = [];
  const over: FieldError[] = [];
  const lines = wanted.flatMap((w, i) => {
    const line = order.lineItems.find((l) => l.id === w.lineItemId);
    if (!line) {
      unknown.push({ path: `refundLineItems.${i}.lineItemId`, message: 'is not a line of this order' });
      return [];
    }
    const left = line.quantity - line.refundedQuantity;
    if (w.quantity > left) over.push({ path: `refundLineItems.${i}.quantity`, message: `only ${left} unit(s) of this line can still be refunded` });
    return [{ line, quantity: w.quantity }];
  });
  if (unknown.length > 0) throw new BusinessRuleError('unknown_line_item', 'A refund line names no line of this order.', { errors: unknown });
  if (over.length > 0) throw new BusinessRuleError('quantity_exceeds_refundable', 'More units than are left to refund.', { errors: over });
  return lines;
};

/** Shipping to refund and its share of the shipping tax; the last part takes what is left. */
const shippingPart = (order: Order, request: RefundRequest, before: ShippingRefunded): { amount: number; tax: number } => {
  const left = order.shipping.amount - before.amount;
  const taxLeft = order.shipping.tax - before.tax;
  const amount = request.everything ? left : (request.shipping?.amount ?? 0);
  if (amount > left) {
    throw new BusinessRuleError('over_refund', `Only ${left} of the shipping can still be refunded.`, {
      errors: [{ path: 'shipping.amount', message: `must be at most ${left}` }],
      refundable: left,
    });
  }
  if (amount === 0) return { amount: 0, tax: request.everything ? taxLeft : 0 };
  if (request.shippingWithoutTax) return { amount, tax: 0 };
  if (amount === left) return { amount, tax: taxLeft };
  const share = Number((BigInt(amount) * BigInt(order.shipping.tax)) / BigInt(order.shipping.amount));
  return { amount, tax: Math.min(share, taxLeft) };
};

/**
 * What a refund with goods keeps back for shipping when the shop deducts it:
 * the order's shipping amount, once per order. It is never more than the
 * shipping paid less what earlier refunds kept back, and never more than the
 * refund has (`available`), so no refund goes negative; what a small refund
 * could not keep back is carried to the order's next refund with goods, until
 * the shipping amount has been kept back once in all.
 */
export const shippingDeduction = (order: Pick<Order, 'shipping'>, before: Pick<ShippingRefunded, 'deducted'>, available: number): number =>
  Math.max(0, Math.min(order.shipping.amount - before.deducted, available));

const adjustment = (ids: PlanIds, kind: OrderAdjustment['kind'], amount: number, reason: string): OrderAdjustment => ({
  id: ids.newId('adj'),
  kind,
  amount,
  tax: 0,
  reason,
});

/** Plans a refund; throws the business rule it breaks. Writes nothing, reads nothing. */
export const planRefund = (order: Order, request: RefundRequest, ctx: PlanContext): Refund => {
  const { ids } = ctx;
  const gateway = request.gateway ?? defaultGateway(order.paymentMethod);
  if (gateway === 'card' && order.paymentMethod !== 'card') {
    throw new BusinessRuleError('gateway_unavailable', 'Only an order paid by card can be refunded to a card.', {
      errors: [{ path: 'gateway', message: `must not be card for an order paid by ${order.paymentMethod}` }],
    });
  }
  const refundLineItems: RefundLineItem[] = requestedLines(order, request).map(({ line, quantity }) => ({
    id: ids.newId('rli'),
    lineItemId: line.id,
    quantity,
    ...unitsValue(line, quantity),
    lineItem: line,
  }));
  const shipping = shippingPart(order, request, ctx.shippingRefunded);
  const goods = sum(refundLineItems.map((l) => l.subtotal + l.tax)) + shipping.amount + shipping.tax;
  const orderAdjustments: OrderAdjustment[] = [];
  const goodwill = request.everything ? 0 : (request.amount ?? 0);
  if (goodwill > 0) orderAdjustments.push(adjustment(ids, 'refund_discrepancy', goodwill, 'goodwill'));
  const fee = Math.min(request.restockFee ?? 0, goods + goodwill);
  if (fee > 0) orderAdjustments.push(adjustment(ids, 'restock_fee', -fee, 'restock fee'));
  const deducts = request.deductShipping === true && request.source.type !== 'cancellation' && refundLineItems.length > 0;
  const deduction = deducts ? shippingDeduction(order, ctx.shippingRefunded, goods + goodwill - fee) : 0;
  if (deduction > 0) orderAdjustments.push(adjustment(ids, 'shipping_deduction', -deduction, 'shipping kept back'));
  const refundable = refundableRemaining(order);
  const uncapped = goods + goodwill - fee - deduction;
  // A cancellation's or a return's refund is capped; an explicit request over the limit is refused below.
  const cap = request.everything || request.capped ? Math.min(0, refundable - uncapped) : 0;
  if (cap < 0) orderAdjustments.push(adjustment(ids, 'refund_discrepancy', cap, 'capped at what is still refundable'));
  const total = uncapped + cap;
  if (refundLineItems.length === 0 && shipping.amount === 0 && shipping.tax === 0 && orderAdjustments.length === 0) {
    throw new BusinessRuleError('empty_refund', 'Nothing to refund: name line items, shipping or an amount.');
  }
  if (total > refundable) {
    throw new BusinessRuleError('over_refund', `The refund of ${total} exceeds the ${refundable} still refundable on this order.`, { refundable, total });
  }
  // Back the way the order was paid: what store credit paid goes back to it first, then the rest by the gateway
  // (unless the customer or an admin chose shop money, store credit or a gift card, for all of it).
  const toCredit = request.gateway === 'store_credit' || request.gateway === 'voucher' ? 0 : creditShare(order.payments, total);
  const transaction = (via: RefundGateway, amount: number): RefundTransaction[] => {
    if (amount <= 0) return [];
    const voucherCode = via === 'voucher' ? ids.voucherCode() : undefined;
    return [
      {
        id: ids.newId('txn'),
        kind: 'refund',
        amount,
        currency: order.currency,
        gateway: via,
        status: initialTransactionStatus(via),
        message: null,
        errorCode: null,
        createdAt: ctx.now,
        ...(voucherCode ? { voucherCode } : {}),
        ...(via === 'bank_transfer' ? request.payee : {}),
      },
    ];
  };
  const transactions = [...transaction('store_credit', toCredit), ...transaction(gateway, total - toCredit)];
  return {
    id: ids.refundId,
    orderId: order.id,
    createdAt: ctx.now,
    note: request.note ?? null,
    restock: request.restock,
    userId: ctx.actor,
    source: request.source,
    refundLineItems,
    shipping,
    orderAdjustments,
    transactions,
    total,
    owed: owedOf({ total, transactions }),
    currency: order.currency,
    version: 1,
  };
};

/**
 * The order's refund counters once `refund` is recorded (the writer bumps
 * `version` once per write): `totals.refunded` grows by the refund's total,
 * paid out or still owed (see `paymentStatusAfter`).
 */
export const applyRefund = (order: Order, refund: Pick<Refund, 'refundLineItems' | 'total'>): Order => {
  const units = new Map(refund.refundLineItems.map((l) => [l.lineItemId, l.quantity]));
  const refunded = order.totals.refunded + refund.total;
  return {
    ...order,
    ...(order.payments ? { payments: withCreditRefunded(order.payments, creditShare(order.payments, refund.total)) } : {}),
    lineItems: order.lineItems.map((l) => ({ ...l, refundedQuantity: l.refundedQuantity + (units.get(l.id) ?? 0) })),
    totals: { ...order.totals, refunded },
    paymentStatus: paymentStatusAfter(order, refunded),
  };
};
