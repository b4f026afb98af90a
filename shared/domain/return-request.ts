// The return request (seed 002, API.md "Return request" and "Comment"): its
// schemas (type, validator and OpenAPI entry in one) and the bodies that
// create and change it.
import * as z from 'zod/mini';
import { AttachmentMeta } from './attachment.ts';
import { Address } from './order.ts';
import { lazy } from './pure.ts';
import { ReturnItemStatus, ReturnStatus } from './return-status.ts';
import { Id, Money, OptionalText, Quantity, Text, Timestamp, Version } from './schema-kit.ts';

export const REFUND_METHODS = ['card', 'bank_transfer', 'voucher', 'store_credit'] as const;
export const RefundMethod = /* @__PURE__ */ lazy(() => z.enum(REFUND_METHODS));
export type RefundMethod = z.infer<typeof RefundMethod>;

/**
 * What a stored request says it is refunded by: a refund method, or `exchange`
 * for the inbound side of an exchange (settled by its exchange, never by the
 * return's own refund). Only an exchange creates one: POST /returns takes `RefundMethod`.
 */
export const RETURN_REFUND_METHODS = [...REFUND_METHODS, 'exchange'] as const;
export const ReturnRefundMethod = /* @__PURE__ */ lazy(() => z.enum(RETURN_REFUND_METHODS));
export type ReturnRefundMethod = z.infer<typeof ReturnRefundMethod>;

/** Items that name a line once each: every unit of a line goes in one item (its index named otherwise). */
export const oneItemPerLine = (items: readonly { readonly lineItemId: string }[], ctx: z.core.$RefinementCtx<readonly { readonly lineItemId: string }[]>) => {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.lineItemId)) ctx.addIssue({ code: 'custom', path: [i, 'lineItemId'], message: 'appears twice; put every unit of a line in one item' });
    seen.add(item.lineItemId);
  });
};

/** API.md caps the customer's free-text comment; longer is a 422 (rule `extra_comment_too_long`). */
export const EXTRA_COMMENT_MAX = 250;

export const ReturnItem = /* @__PURE__ */ lazy(() =>
  z
    .object({
      lineItemId: z.string(),
      sku: z.string(),
      title: z.string(),
      quantity: z.number().check(z.int()),
      unitPrice: Money,
      reasonId: z.string(),
      reasonText: z.nullable(z.string()),
      condition: z.nullable(z.string()),
      goodQuantity: z
        .nullable(z.number().check(z.int()))
        .clone()
        .register(z.globalRegistry, { description: 'Units found in good condition; null until verified.' }),
      status: ReturnItemStatus,
    })
    .clone()
    .register(z.globalRegistry, { id: 'ReturnItem' }),
);
export type ReturnItem = z.infer<typeof ReturnItem>;

export const ReturnHistoryEntry = /* @__PURE__ */ lazy(() =>
  z
    .object({
      status: ReturnStatus,
      at: Timestamp,
      submittedBy: z
        .string()
        .clone()
        .register(z.globalRegistry, { description: 'Who acted: the actor id for admins; `customer`, `shop` or `carrier` for customers.' }),
    })
    .clone()
    .register(z.globalRegistry, { id: 'ReturnHistoryEntry' }),
);
export type ReturnHistoryEntry = z.infer<typeof ReturnHistoryEntry>;

export const ReturnComment = /* @__PURE__ */ lazy(() =>
  z
    .object({ id: z.string(), body: z.string(), visibleToCustomer: z.boolean(), submittedBy: z.string(), createdAt: Timestamp })
    .clone()
    .register(z.globalRegistry, { id: 'ReturnComment' }),
);
export type ReturnComment = z.infer<typeof ReturnComment>;

export const RefundBreakdownLine = /* @__PURE__ */ lazy(() =>
  z.object({
    lineItemId: z.string(),
    goodQuantity: z.number().check(z.int()),
    unitValues: z
      .array(Money)
      .clone()
      .register(z.globalRegistry, { description: 'Paid value of each good unit (tax in, discount out), split by largest remainder.' }),
    amount: Money,
  }),
);

export const RefundBreakdown = /* @__PURE__ */ lazy(() =>
  z
    .object({
      items: z.array(RefundBreakdownLine),
      itemsTotal: Money,
      refundedShipping: Money,
      restockFee: Money,
      shippingDeduction: Money.clone().register(z.globalRegistry, {
        description: 'Shipping kept back (setting refunds.deductShipping): the order shipping amount, once per order, by its first refund with goods.',
      }),
      refundable: Money.clone().register(z.globalRegistry, { description: 'What is still refundable on the order (the cap).' }),
      refundAmount: Money,
    })
    .clone()
    .register(z.globalRegistry, { id: 'ReturnRefundBreakdown' }),
);
export type RefundBreakdown = z.infer<typeof RefundBreakdown>;

const ReturnFields = /* @__PURE__ */ lazy(() => ({
  id: z.string().clone().register(z.globalRegistry, { example: 'ret_01JD3V7N8Q2M4K6P9R1T3W5Y7Z' }),
  orderId: z.string(),
  orderNumber: z.string(),
  customerId: z.string(),
  status: ReturnStatus,
  items: z.array(ReturnItem),
  refundMethod: ReturnRefundMethod,
  exchangeId: z.optional(
    z.string().clone().register(z.globalRegistry, { description: 'The exchange whose inbound items this request is (refund method `exchange`).' }),
  ),
  iban: z.nullable(z.string()),
  accountHolder: z.nullable(z.string()),
  voucherCode: z.nullable(z.string()),
  currency: z.string(),
  customer: z.object({ name: z.string(), email: z.string(), phone: z.nullable(z.string()), locale: z.optional(z.string()) }),
  pickupAddress: Address,
  extraComment: z.nullable(z.string()),
  attachments: z.array(z.string()),
  termsAccepted: z.boolean(),
  restockFee: Money,
  refundedShipping: Money,
  refundAmount: z.nullable(Money).clone().register(z.globalRegistry, { description: 'Set by verify-package, and by the refund.' }),
  breakdown: z.nullable(RefundBreakdown),
  refundId: z.nullable(z.string()),
  owed: z.nullable(Money).clone().register(z.globalRegistry, {
    description: "What the return's refund still owes (its `owed`); null until refunded. `refunded` means the shop has paid or issued it.",
  }),
  rejectionReason: z.nullable(z.string()),
  statusHistory: z.array(ReturnHistoryEntry),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: Version,
}));

/** The request as stored: one item; its comments are items of their own. */
export const ReturnRecord = /* @__PURE__ */ lazy(() => z.object(ReturnFields).clone().register(z.globalRegistry, { id: 'ReturnRequestSummary' }));
export type ReturnRecord = z.infer<typeof ReturnRecord>;

/** The request as answered: with its comments (only customer-visible ones for a customer). */
export const ReturnRequest = /* @__PURE__ */ lazy(() =>
  z
    .object({ ...ReturnFields, comments: z.array(ReturnComment) })
    .clone()
    .register(z.globalRegistry, { id: 'ReturnRequest' }),
);
export type ReturnRequest = z.infer<typeof ReturnRequest>;

/** The admin view adds the attachments' metadata. */
export const AdminReturnRequest = /* @__PURE__ */ lazy(() =>
  z
    .extend(ReturnRequest, { attachmentDetails: z.array(AttachmentMeta) })
    .clone()
    .register(z.globalRegistry, { id: 'AdminReturnRequest' }),
);

export const CreateReturnBody = /* @__PURE__ */ lazy(() =>
  z
    .object({
      orderId: Id('ord'),
      items: z
        .array(
          z.object({
            lineItemId: Id('li'),
            quantity: Quantity,
            reasonId: Id('rsn'),
            reasonText: OptionalText(500),
            condition: OptionalText(200),
          }),
        )
        .check(z.minLength(1), z.maxLength(100), z.superRefine(oneItemPerLine)),
      refundMethod: RefundMethod,
      iban: OptionalText(64),
      accountHolder: OptionalText(200),
      pickupAddress: z.optional(Address),
      // The 250-character rule is a business rule (422); this cap only bounds the body.
      extraComment: z.optional(z.string().check(z.trim(), z.maxLength(5000))),
      attachments: z.optional(z.array(Id('att')).check(z.maxLength(20))),
      termsAccepted: z.optional(z.boolean()),
    })
    .clone()
    .register(z.globalRegistry, { id: 'CreateReturnBody' }),
);
export type CreateReturnBody = z.infer<typeof CreateReturnBody>;

export const ReturnStatusBody = /* @__PURE__ */ lazy(() =>
  z
    .object({ status: ReturnStatus, rejectionReason: OptionalText(1000) })
    .clone()
    .register(z.globalRegistry, { id: 'ReturnStatusBody' }),
);
export type ReturnStatusBody = z.infer<typeof ReturnStatusBody>;

export const VerificationBody = /* @__PURE__ */ lazy(() =>
  z
    .object({ goodQuantity: z.number().check(z.int(), z.minimum(0), z.maximum(100_000)), condition: OptionalText(200) })
    .clone()
    .register(z.globalRegistry, { id: 'ReturnItemVerificationBody' }),
);
export type VerificationBody = z.infer<typeof VerificationBody>;

export const VerifyPackageBody = /* @__PURE__ */ lazy(() =>
  z
    .object({ restockFee: z._default(Money, 0), refundedShipping: z._default(Money, 0) })
    .clone()
    .register(z.globalRegistry, { id: 'VerifyPackageBody' }),
);
export type VerifyPackageBody = z.infer<typeof VerifyPackageBody>;

export const CustomerCommentBody = /* @__PURE__ */ lazy(() =>
  z
    .object({ body: Text(2000) })
    .clone()
    .register(z.globalRegistry, { id: 'ReturnCustomerCommentBody' }),
);
export const AdminCommentBody = /* @__PURE__ */ lazy(() =>
  z
    .object({ body: Text(2000), visibleToCustomer: z._default(z.boolean(), false) })
    .clone()
    .register(z.globalRegistry, { id: 'ReturnAdminCommentBody' }),
);

export const NextStatuses = /* @__PURE__ */ lazy(() =>
  z
    .object({
      status: ReturnStatus,
      nextStatuses: z.array(ReturnStatus),
      requiredSteps: z.array(
        z.object({ lineItemId: z.string(), sku: z.string(), title: z.string(), info: z.literal('Verification required'), status: ReturnItemStatus }),
      ),
    })
    .clone()
    .register(z.globalRegistry, { id: 'ReturnNextStatuses' }),
);
export type NextStatuses = z.infer<typeof NextStatuses>;

export const ReturnableItem = /* @__PURE__ */ lazy(() =>
  z
    .object({
      lineItemId: z.string(),
      sku: z.string(),
      title: z.string(),
      purchased: z.number().check(z.int()),
      refunded: z.number().check(z.int()),
      inOpenReturns: z.number().check(z.int()),
      returnable: z.number().check(z.int()).clone().register(z.globalRegistry, { description: 'Units that can be put in a return request now.' }),
      deadline: z
        .nullable(Timestamp)
        .clone()
        .register(z.globalRegistry, { description: 'Last moment a return can be requested (the longest window any active reason allows).' }),
      excluded: z.boolean(),
      excludedReason: z.nullable(z.enum(['category_excluded', 'order_not_delivered', 'return_window_expired'])),
    })
    .clone()
    .register(z.globalRegistry, { id: 'ReturnableItem' }),
);
export type ReturnableItem = z.infer<typeof ReturnableItem>;
