// Every email template by id; the stream consumer renders through this table.
import { cancellationAdminEmail, cancellationCustomerEmail } from './cancellation.ts';
import type { Email, EmailContext } from './layout.ts';
import { orderNoteEmail } from './order-note.ts';
import { orderStatusEmail } from './order-status.ts';
import { refundCreatedEmail, refundFailedAdminEmail, refundTransactionEmail } from './refund.ts';
import { returnCommentAdminEmail, returnCommentCustomerEmail } from './return-comment.ts';
import { returnCreatedAdminEmail, returnStatusAdminEmail, returnStatusCustomerEmail } from './return-request.ts';
import { creditIssuedEmail, creditReminderEmail } from './store-credit.ts';

export type { Email, EmailContext } from './layout.ts';

/** Any renderer: each takes its own data type (checked where it is written). */
type Render = (data: never, ctx: EmailContext) => Email;

export const TEMPLATES = {
  'order-status': orderStatusEmail,
  'cancellation-customer': cancellationCustomerEmail,
  'cancellation-admin': cancellationAdminEmail,
  'return-created-admin': returnCreatedAdminEmail,
  'return-status-customer': returnStatusCustomerEmail,
  'return-status-admin': returnStatusAdminEmail,
  'refund-created': refundCreatedEmail,
  'refund-transaction': refundTransactionEmail,
  'refund-failed-admin': refundFailedAdminEmail,
  'order-note': orderNoteEmail,
  'return-comment-customer': returnCommentCustomerEmail,
  'return-comment-admin': returnCommentAdminEmail,
  'store-credit-issued': creditIssuedEmail,
  'store-credit-reminder': creditReminderEmail,
} as const satisfies Record<string, Render>;

export type TemplateId = keyof typeof TEMPLATES;

/** The data a template renders from. */
export type TemplateData<T extends TemplateId> = Parameters<(typeof TEMPLATES)[T]>[0];

export const renderEmail = <T extends TemplateId>(template: T, data: TemplateData<T>, ctx: EmailContext): Email =>
  (TEMPLATES[template] as (data: TemplateData<T>, ctx: EmailContext) => Email)(data, ctx);
