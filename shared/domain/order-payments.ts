// How an order was paid, when more than one way (API.md "Orders paid partly
// with credit"): `payments[]` adds up to the order total, and a refund goes
// back the way the order was paid: store credit first, up to what was paid
// with it, then the refund's own gateway. Each payment keeps `refunded`, moved
// in the order's one versioned write with the refund (refund-write.ts), so two
// racing refunds can never both give back the same credit. Pure.
import * as z from 'zod/mini';
import { BusinessRuleError, type FieldError, ValidationError } from './errors.ts';
import { sum } from './money.ts';
import { lazy } from './pure.ts';
import { Money, Text } from './schema-kit.ts';
import type { CreditTransaction } from './store-credit.ts';

export const ORDER_PAYMENT_METHODS = ['card', 'store_credit', 'gift_card', 'cod', 'bank_transfer'] as const;

export const OrderPaymentInput = /* @__PURE__ */ lazy(() =>
  z
    .object({
      method: z.enum(ORDER_PAYMENT_METHODS),
      amount: Money,
      reference: z.optional(Text(255)).clone().register(z.globalRegistry, {
        description: "The payment's id: a `store_credit` payment's is its debit (`sct_…`), a card's the provider's charge.",
      }),
    })
    .clone()
    .register(z.globalRegistry, { id: 'OrderPaymentInput' }),
);
export type OrderPaymentInput = z.infer<typeof OrderPaymentInput>;

export const OrderPayments = /* @__PURE__ */ lazy(() => z.array(OrderPaymentInput).check(z.minLength(1), z.maxLength(10)));

export const OrderPayment = /* @__PURE__ */ lazy(() =>
  z
    .object({
      method: z.enum(ORDER_PAYMENT_METHODS),
      amount: Money,
      reference: z.nullable(z.string()),
      refunded: Money.clone().register(z.globalRegistry, { description: 'What refunds gave back of this payment so far (tracked for store credit).' }),
    })
    .clone()
    .register(z.globalRegistry, { id: 'OrderPayment' }),
);
export type OrderPayment = z.infer<typeof OrderPayment>;

/**
 * The order's payments as recorded, or a 422 naming `payments` when they do not
 * add up to the total (400 when a store-credit payment names no debit).
 */
export const orderPayments = (
  payments: readonly OrderPaymentInput[] | undefined,
  total: number,
  paymentStatus: 'paid' | 'unpaid',
): OrderPayment[] | undefined => {
  if (!payments) return undefined;
  // An unpaid order refunds nothing (its cancellation gives nothing back), so credit spent on it would be lost.
  if (paymentStatus === 'unpaid' && payments.some((p) => p.method === 'store_credit')) {
    throw new BusinessRuleError('credit_on_unpaid_order', 'Store credit can pay only an order recorded as paid.', {
      errors: [{ path: 'payments', message: 'must not include store_credit while paymentStatus is unpaid' }],
    });
  }
  const missing: FieldError[] = payments.flatMap((p, i) =>
    p.method === 'store_credit' && !p.reference ? [{ path: `payments.${i}.reference`, message: "is required: the store credit debit's id (sct_…)" }] : [],
  );
  const references = payments.map((p) => (p.method === 'store_credit' ? p.reference : undefined));
  references.forEach((ref, i) => {
    if (ref !== undefined && references.indexOf(ref) !== i)
      missing.push({ path: `payments.${i}.reference`, message: 'names a debit another payment of this order names' });
  });
  if (missing.length > 0) throw new ValidationError(missing);
  const paid = sum(payments.map((p) => p.amount));
  if (paid !== total) {
    throw new BusinessRuleError('payments_mismatch', `The payments add up to ${paid}, not the order total of ${total}.`, {
      errors: [{ path: 'payments', message: `must add up to the order total of ${total} (they add up to ${paid})` }],
    });
  }
  return payments.map((p) => ({ method: p.method, amount: p.amount, reference: p.reference ?? null, refunded: 0 }));
};

/** The one 422 of a store-credit payment whose debit cannot pay: missing, another's, reverted, short or used already. */
export const creditPaymentError = (payment: Pick<OrderPayment, 'amount'>, index: number, currency: string): BusinessRuleError =>
  new BusinessRuleError('debit_unusable', 'A store credit payment names no debit that can pay for this order.', {
    errors: [
      {
        path: `payments.${index}.reference`,
        message: `must be an unreverted store credit debit of this customer in ${currency} of at least ${payment.amount}, not used by another order`,
      },
    ],
  });

/**
 * A store-credit payment's debit must be a live debit of this customer, in the
 * order's currency, of at least the payment: else one and the same 422 on its
 * reference (the storefront learns nothing about other customers' debits).
 */
export const checkCreditPayment = (
  payment: OrderPayment,
  index: number,
  debit: CreditTransaction | undefined,
  order: { readonly customerId: string; readonly currency: string },
): void => {
  const usable =
    debit !== undefined &&
    debit.kind === 'debit' &&
    debit.customerId === order.customerId &&
    debit.currency === order.currency &&
    debit.revertedBy === undefined &&
    debit.amount >= payment.amount;
  if (!usable) throw creditPaymentError(payment, index, order.currency);
};

/** What was paid with store credit and has not gone back yet. */
const creditLeft = (payments: readonly OrderPayment[] | undefined): number =>
  sum((payments ?? []).filter((p) => p.method === 'store_credit').map((p) => p.amount - p.refunded));

/** The part of a refund of `total` that goes back to store credit: what credit paid and is not refunded yet, first. */
export const creditShare = (payments: readonly OrderPayment[] | undefined, total: number): number => Math.max(0, Math.min(total, creditLeft(payments)));

/** The payments once a refund gave `share` back to store credit: the store-credit payments take it in order. */
export const withCreditRefunded = (payments: readonly OrderPayment[], share: number): OrderPayment[] => {
  let left = share;
  return payments.map((p) => {
    if (p.method !== 'store_credit' || left === 0) return p;
    const take = Math.min(left, p.amount - p.refunded);
    left -= take;
    return { ...p, refunded: p.refunded + take };
  });
};
