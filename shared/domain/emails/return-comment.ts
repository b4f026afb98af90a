// A comment on a return request: an admin's visible comment to the customer,
// a customer's comment to the admins.
import type { OrderView, ReturnCommentView } from '../notifications/views.ts';
import { type Email, type EmailContext, layout, pageUrl } from './layout.ts';

export interface ReturnCommentData {
  readonly comment: ReturnCommentView;
  /** Loaded by the consumer: the number and customer of the order. */
  readonly order: OrderView;
}

export const returnCommentCustomerEmail = ({ comment, order }: ReturnCommentData, ctx: EmailContext): Email =>
  layout(
    {
      subject: `New message about your return for order ${order.number}`,
      heading: 'New message about your return',
      paragraphs: [`Hello ${order.customer.name},`, `We wrote about your return for order ${order.number}:`],
      quote: { label: 'Message', text: comment.body },
      link: { label: 'View your return', url: pageUrl(ctx, 'returns', comment.returnId) },
    },
    ctx,
  );

export const returnCommentAdminEmail = ({ comment, order }: ReturnCommentData, ctx: EmailContext): Email =>
  layout(
    {
      subject: `[Return] Customer comment on the return for order ${order.number}`,
      heading: `Customer comment on return ${comment.returnId}`,
      paragraphs: [`${order.customer.name} <${order.customer.email}> commented on their return for order ${order.number}.`],
      details: [
        ['Order', order.number],
        ['Return', comment.returnId],
      ],
      quote: { label: 'Comment', text: comment.body },
      link: { label: 'Open in admin', url: pageUrl(ctx, 'admin', 'returns', comment.returnId) },
    },
    ctx,
  );
