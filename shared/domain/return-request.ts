// The return request (seed 002, API.md "Return request" and "Comment"): its
// schemas (type, validator and OpenAPI entry in one) and the bodies that
// create and change it.
import { z } from 'zod';
import { AttachmentMeta } from './attachment.ts';
import { Address } from './order.ts';
import { ReturnItemStatus, ReturnStatus } from './return-status.ts';
import { Id, Money, OptionalText, Quantity, Text, Timestamp, Version } from './schema-kit.ts';

export const REFUND_METHODS = ['card', 'bank_transfer', 'voucher'] as const;
export const RefundMethod = z.enum(REFUND_METHODS);
export type RefundMethod = z.infer<typeof RefundMethod>;

/** API.md caps the customer's free-text comment; longer is a 422 (rule `extra_comment_too_long`). */
export const EXTRA_COMMENT_MAX = 250;

export const ReturnItem = z
  .object({
    lineItemId: z.string(),
    sku: z.string(),
    title: z.string(),
    quantity: z.number().int(),
    unitPrice: Money,
    reasonId: z.string(),
    reasonText: z.string().nullable(),
    condition: z.string().nullable(),
    goodQuantity: z.number().int().nullable().meta({ description: 'Units found in good condition; null until verified.' }),
    status: ReturnItemStatus,
  })
  .meta({ id: 'ReturnItem' });
export type ReturnItem = z.infer<typeof ReturnItem>;

export const ReturnHistoryEntry = z
  .object({
    status: ReturnStatus,
    at: Timestamp,
    submittedBy: z.string().meta({ description: 'Who acted: the actor id for admins; `customer`, `shop` or `carrier` for customers.' }),
  })
  .meta({ id: 'ReturnHistoryEntry' });
export type ReturnHistoryEntry = z.infer<typeof ReturnHistoryEntry>;

export const ReturnComment = z
  .object({ id: z.string(), body: z.string(), visibleToCustomer: z.boolean(), submittedBy: z.string(), createdAt: Timestamp })
  .meta({ id: 'ReturnComment' });
export type ReturnComment = z.infer<typeof ReturnComment>;

export const RefundBreakdownLine = z.object({
  lineItemId: z.string(),
  goodQuantity: z.number().int(),
  unitValues: z.array(Money).meta({ description: 'Paid value of each good unit (tax in, discount out), split by largest remainder.' }),
  amount: Money,
});

export const RefundBreakdown = z
  .object({
    items: z.array(RefundBreakdownLine),
    itemsTotal: Money,
    refundedShipping: Money,
    refundedShippingTax: Money.meta({ description: "The refunded shipping's share of the shipping tax (shipping goes back at its paid value)." }),
    restockFee: Money,
    shippingDeduction: Money.meta({
      description: 'Shipping kept back (setting refunds.deductShipping): the order shipping amount, once per order, by its first refund with goods.',
    }),
    refundable: Money.meta({ description: 'What is still refundable on the order (the cap).' }),
    refundAmount: Money,
  })
  .meta({ id: 'ReturnRefundBreakdown' });
export type RefundBreakdown = z.infer<typeof RefundBreakdown>;

const ReturnFields = {
  id: z.string().meta({ example: 'ret_01JD3V7N8Q2M4K6P9R1T3W5Y7Z' }),
  orderId: z.string(),
  orderNumber: z.string(),
  customerId: z.string(),
  status: ReturnStatus,
  items: z.array(ReturnItem),
  refundMethod: RefundMethod,
  iban: z.string().nullable(),
  accountHolder: z.string().nullable(),
  voucherCode: z.string().nullable(),
  currency: z.string(),
  customer: z.object({ name: z.string(), email: z.string(), phone: z.string().nullable() }),
  pickupAddress: Address,
  extraComment: z.string().nullable(),
  attachments: z.array(z.string()),
  termsAccepted: z.boolean(),
  restockFee: Money,
  refundedShipping: Money,
  refundAmount: Money.nullable().meta({ description: 'Set by verify-package, and by the refund.' }),
  breakdown: RefundBreakdown.nullable(),
  refundId: z.string().nullable(),
  // Optional: requests stored before refunds carried `owed` have none.
  owed: Money.nullable().optional().meta({
    description: "What the return's refund still owes (its `owed`); null until refunded. `refunded` means the shop has paid or issued it.",
  }),
  rejectionReason: z.string().nullable(),
  statusHistory: z.array(ReturnHistoryEntry),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: Version,
};

/** The request as stored: one item; its comments are items of their own. */
export const ReturnRecord = z.object(ReturnFields).meta({ id: 'ReturnRequestSummary' });
export type ReturnRecord = z.infer<typeof ReturnRecord>;

/** The request as answered: with its comments (only customer-visible ones for a customer). */
export const ReturnRequest = z.object({ ...ReturnFields, comments: z.array(ReturnComment) }).meta({ id: 'ReturnRequest' });
export type ReturnRequest = z.infer<typeof ReturnRequest>;

/** The admin view adds the attachments' metadata. */
export const AdminReturnRequest = ReturnRequest.extend({ attachmentDetails: z.array(AttachmentMeta) }).meta({ id: 'AdminReturnRequest' });

export const CreateReturnBody = z
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
      .min(1)
      .max(100)
      .superRefine((items, ctx) => {
        const seen = new Set<string>();
        items.forEach((item, i) => {
          if (seen.has(item.lineItemId))
            ctx.addIssue({ code: 'custom', path: [i, 'lineItemId'], message: 'appears twice; put every unit of a line in one item' });
          seen.add(item.lineItemId);
        });
      }),
    refundMethod: RefundMethod,
    iban: OptionalText(64),
    accountHolder: OptionalText(200),
    pickupAddress: Address.optional(),
    // The 250-character rule is a business rule (422); this cap only bounds the body.
    extraComment: z.string().trim().max(5000).optional(),
    attachments: z.array(Id('att')).max(20).optional(),
    termsAccepted: z.boolean().optional(),
  })
  .meta({ id: 'CreateReturnBody' });
export type CreateReturnBody = z.infer<typeof CreateReturnBody>;

export const ReturnStatusBody = z.object({ status: ReturnStatus, rejectionReason: OptionalText(1000) }).meta({ id: 'ReturnStatusBody' });
export type ReturnStatusBody = z.infer<typeof ReturnStatusBody>;

export const VerificationBody = z
  .object({ goodQuantity: z.number().int().min(0).max(100_000), condition: OptionalText(200) })
  .meta({ id: 'ReturnItemVerificationBody' });
export type VerificationBody = z.infer<typeof VerificationBody>;

export const VerifyPackageBody = z.object({ restockFee: Money.default(0), refundedShipping: Money.default(0) }).meta({ id: 'VerifyPackageBody' });
export type VerifyPackageBody = z.infer<typeof VerifyPackageBody>;

export const CustomerCommentBody = z.object({ body: Text(2000) }).meta({ id: 'ReturnCustomerCommentBody' });
export const AdminCommentBody = z.object({ body: Text(2000), visibleToCustomer: z.boolean().default(false) }).meta({ id: 'ReturnAdminCommentBody' });

export const NextStatuses = z
  .object({
    status: ReturnStatus,
    nextStatuses: z.array(ReturnStatus),
    requiredSteps: z.array(
      z.object({ lineItemId: z.string(), sku: z.string(), title: z.string(), info: z.literal('Verification required'), status: ReturnItemStatus }),
    ),
  })
  .meta({ id: 'ReturnNextStatuses' });
export type NextStatuses = z.infer<typeof NextStatuses>;

export const ReturnableItem = z
  .object({
    lineItemId: z.string(),
    sku: z.string(),
    title: z.string(),
    purchased: z.number().int(),
    refunded: z.number().int(),
    inOpenReturns: z.number().int(),
    returnable: z.number().int().meta({ description: 'Units that can be put in a return request now.' }),
    deadline: Timestamp.nullable().meta({ description: 'Last moment a return can be requested (the longest window any active reason allows).' }),
    excluded: z.boolean(),
    excludedReason: z.enum(['category_excluded', 'order_not_delivered', 'return_window_expired']).nullable(),
  })
  .meta({ id: 'ReturnableItem' });
export type ReturnableItem = z.infer<typeof ReturnableItem>;
