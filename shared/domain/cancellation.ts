// Cancellations (seeds 000 and 003): who may cancel which order when, the
// cancellation record and its status machine. Pure: ids and time passed in.
import * as z from 'zod/mini';
import { BusinessRuleError, ConflictError, ValidationError } from './errors.ts';
import type { Order } from './order.ts';
import { allowedOrderTransitions } from './order-status.ts';
import { lazy } from './pure.ts';
import { Id, Money, OptionalText, Text, Timestamp, Version } from './schema-kit.ts';
import type { Settings } from './settings.ts';

export const CANCELLATION_STATUSES = ['requested', 'approved', 'rejected', 'refunded'] as const;
export const CancellationStatus = /* @__PURE__ */ lazy(() => z.enum(CANCELLATION_STATUSES));
export type CancellationStatus = z.infer<typeof CancellationStatus>;

export const CANCELLATION_TRANSITIONS = {
  requested: ['approved', 'rejected'],
  approved: ['refunded'],
  rejected: [],
  refunded: [],
} as const satisfies Record<CancellationStatus, readonly CancellationStatus[]>;

/** The move a cancellation makes once its refund owes nothing. */
export const PAID_OFF = { from: 'approved', to: 'refunded' } as const satisfies {
  from: CancellationStatus;
  to: (typeof CANCELLATION_TRANSITIONS)['approved'][number];
};

/**
 * The move back when the payment provider reports a failure after the refund
 * had succeeded: its money did not arrive, the refund owes it again, and the
 * cancellation waits for it as before. Not a transition anyone may ask for.
 */
export const PAYMENT_REVERSED = { from: 'refunded', to: 'approved' } as const satisfies { from: CancellationStatus; to: CancellationStatus };

export const allowedCancellationTransitions = (from: CancellationStatus): readonly CancellationStatus[] => CANCELLATION_TRANSITIONS[from];

/** Seed 003's refund account; the number must hold at least 6 digits (an IBAN passes too). */
export const RefundAccount = /* @__PURE__ */ lazy(() =>
  z
    .object({
      accountName: Text(200),
      accountNumber: z
        .string()
        .check(
          z.trim(),
          z.maxLength(64, { abort: true }),
          z.regex(/^(?=(?:\D*\d){6})[A-Za-z0-9 -]{6,64}$/, 'must hold at least 6 digits (letters, digits, spaces or dashes only)'),
        ),
      bankName: Text(200),
      bankBranch: z.optional(z.nullable(Text(200))),
    })
    .clone()
    .register(z.globalRegistry, { id: 'RefundAccount' }),
);
export type RefundAccountBody = z.infer<typeof RefundAccount>;

export const Cancellation = /* @__PURE__ */ lazy(() =>
  z
    .object({
      id: z.string().clone().register(z.globalRegistry, { example: 'can_01JD3V7N8Q2M4K6P9R1T3W5Y7Z' }),
      orderId: z.string(),
      orderNumber: z.string(),
      customerId: z.string(),
      requestedBy: z.enum(['customer', 'admin']).clone().register(z.globalRegistry, {
        description: '`admin`: the shop cancelled it, by an admin or through the storefront’s status update (the order’s timeline names which).',
      }),
      reasonId: z.string(),
      reasonText: z.nullable(z.string()),
      comment: z.nullable(z.string()),
      refundAccount: z.nullable(z.object({ accountName: z.string(), accountNumber: z.string(), bankName: z.string(), bankBranch: z.nullable(z.string()) })),
      status: CancellationStatus,
      rejectionReason: z.nullable(z.string()),
      refundAmount: z.nullable(Money),
      refundId: z.nullable(z.string()),
      voucherCode: z.optional(z.nullable(z.string())).clone().register(z.globalRegistry, {
        description: 'The store voucher its refund issued, when the order was refunded by voucher (told in the cancellation email).',
      }),
      createdAt: Timestamp,
      updatedAt: Timestamp,
      version: Version,
    })
    .clone()
    .register(z.globalRegistry, { id: 'Cancellation' }),
);
export type Cancellation = z.infer<typeof Cancellation>;

export const CreateCancellationBody = /* @__PURE__ */ lazy(() =>
  z
    .object({
      reasonId: Id('rsn'),
      reasonText: OptionalText(500),
      comment: OptionalText(1000),
      refundAccount: z.optional(RefundAccount).clone().register(z.globalRegistry, { description: 'Required when a paid order was not paid by card.' }),
    })
    .clone()
    .register(z.globalRegistry, { id: 'CreateCancellationBody' }),
);
export type CreateCancellationBody = z.infer<typeof CreateCancellationBody>;

export const AdminCancelBody = /* @__PURE__ */ lazy(() =>
  z
    .object({ reasonId: Id('rsn'), reasonText: OptionalText(500), comment: OptionalText(1000) })
    .clone()
    .register(z.globalRegistry, { id: 'AdminCancelBody' }),
);
export type AdminCancelBody = z.infer<typeof AdminCancelBody>;

export const RejectCancellationBody = /* @__PURE__ */ lazy(() =>
  z
    .object({ rejectionReason: Text(1000) })
    .clone()
    .register(z.globalRegistry, { id: 'RejectCancellationBody' }),
);
export type RejectCancellationBody = z.infer<typeof RejectCancellationBody>;

/** The state machine refuses first (409: the order can no longer be cancelled at all)… */
export const checkOrderCancellable = (order: Pick<Order, 'status'>): void => {
  const allowed = allowedOrderTransitions(order.status);
  if (!allowed.includes('cancelled')) {
    throw new ConflictError(`An order that is ${order.status} can no longer be cancelled.`, { allowedTransitions: allowed });
  }
};

/** …then the shop's policy (422: an admin could still cancel it, the customer may not). */
export const checkCustomerMayCancel = (order: Pick<Order, 'status'>, settings: Pick<Settings, 'cancellation'>): void => {
  checkOrderCancellable(order);
  if (!settings.cancellation.customerCancellableStatuses.includes(order.status)) {
    throw new BusinessRuleError('not_cancellable', `Orders that are ${order.status} cannot be cancelled by the customer; contact the shop.`, {
      allowed: settings.cancellation.customerCancellableStatuses,
    });
  }
};

/** Nothing was paid (COD before delivery): cancelling is immediate, with no refund. */
export const isImmediate = (order: Pick<Order, 'paymentStatus'>): boolean => order.paymentStatus === 'unpaid';

/** Money paid other than by card cannot go back to its source: the customer names an account. */
export const checkRefundAccount = (order: Pick<Order, 'paymentStatus' | 'paymentMethod'>, account: RefundAccountBody | undefined): void => {
  if (!isImmediate(order) && order.paymentMethod !== 'card' && !account) {
    throw new ValidationError([{ path: 'refundAccount', message: `is required for an order paid by ${order.paymentMethod}` }]);
  }
};

export interface NewCancellation {
  readonly id: string;
  readonly now: string;
  readonly requestedBy: Cancellation['requestedBy'];
  readonly reasonId: string;
  readonly reasonText?: string | undefined;
  readonly comment?: string | undefined;
  readonly refundAccount?: RefundAccountBody | undefined;
}

/** A new cancellation: `requested`, or `approved` at once when immediate (the caller cancels the order with it). */
export const buildCancellation = (order: Pick<Order, 'id' | 'number' | 'customer'>, c: NewCancellation, status: 'requested' | 'approved'): Cancellation => ({
  id: c.id,
  orderId: order.id,
  orderNumber: order.number,
  customerId: order.customer.customerId,
  requestedBy: c.requestedBy,
  reasonId: c.reasonId,
  reasonText: c.reasonText || null,
  comment: c.comment || null,
  refundAccount: c.refundAccount ? { ...c.refundAccount, bankBranch: c.refundAccount.bankBranch ?? null } : null,
  status,
  rejectionReason: null,
  refundAmount: null,
  refundId: null,
  createdAt: c.now,
  updatedAt: c.now,
  version: 1,
});

/** Moves a cancellation along its table; an illegal move is a 409 listing the legal ones. */
export const transitionCancellation = (
  c: Cancellation,
  to: CancellationStatus,
  now: string,
  patch: Partial<Pick<Cancellation, 'rejectionReason' | 'refundAmount' | 'refundId'>> = {},
): Cancellation => {
  const allowed = allowedCancellationTransitions(c.status);
  if (!(allowed as readonly string[]).includes(to)) {
    throw new ConflictError(`A cancellation cannot move from ${c.status} to ${to}.`, { allowedTransitions: allowed });
  }
  return { ...c, ...patch, status: to, updatedAt: now, version: c.version + 1 };
};

/**
 * An approved cancellation with its refund (none when nothing was paid): the
 * amount and id, and straight on to `refunded` when the refund owes nothing
 * already (a voucher is issued at once). Same write, so no version step.
 */
export const withRefund = (
  approved: Cancellation,
  refund: { readonly id: string; readonly total: number; readonly owed: number } | undefined,
): Cancellation => {
  const settled = refund !== undefined && refund.owed === 0;
  return { ...approved, refundAmount: refund?.total ?? 0, refundId: refund?.id ?? null, status: settled ? 'refunded' : approved.status };
};

/**
 * The voucher its refund issued at once, kept on the cancellation: the
 * cancellation's email is the only one its action sends (the refund's own sends
 * nothing), so it is the only one that can give the customer the code.
 */
export const withVoucher = (
  cancellation: Cancellation,
  refund: { readonly transactions: readonly { readonly voucherCode?: string | undefined }[] },
): Cancellation => {
  const voucherCode = refund.transactions.find((t) => t.voucherCode)?.voucherCode;
  return voucherCode ? { ...cancellation, voucherCode } : cancellation;
};

/** Units to put back in stock on cancellation: those not already refunded (a restocking refund put those back). */
export const unitsToRestore = (order: Pick<Order, 'lineItems'>): { sku: string; quantity: number }[] =>
  order.lineItems.filter((l) => l.quantity > l.refundedQuantity).map((l) => ({ sku: l.sku, quantity: l.quantity - l.refundedQuantity }));
