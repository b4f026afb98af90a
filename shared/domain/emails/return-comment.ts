// A comment on a return request: an admin's visible comment to the customer,
// a customer's comment to the admins.
import type { OrderView, ReturnCommentView } from '../notifications/views.ts';
import { type Email, type EmailContext, layout, pageUrl } from './layout.ts';
import { wordsFor } from './words.ts';

export interface ReturnCommentData {
  readonly comment: ReturnCommentView;
  /** Loaded by the consumer: the number and customer of the order. */
  readonly order: OrderView;
}

export const returnCommentCustomerEmail = ({ comment, order }: ReturnCommentData, ctx: EmailContext): Email => {
  const { t, hello } = wordsFor(ctx);
  return layout(
    {
      subject: t('email.comment.subject', { number: order.number }),
      heading: t('email.comment.heading'),
      paragraphs: [hello(order.customer.name), t('email.comment.body', { number: order.number })],
      quote: { label: t('email.label.message'), text: comment.body },
      link: { label: t('email.link.return'), url: pageUrl(ctx, 'returns', comment.returnId) },
    },
    ctx,
  );
};

export const returnCommentAdminEmail = ({ comment, order }: ReturnCommentData, ctx: EmailContext): Email => {
  const { t } = wordsFor(ctx);
  return layout(
    {
      subject: t('email.commentAdmin.subject', { number: order.number }),
      heading: t('email.commentAdmin.heading', { returnId: comment.returnId }),
      paragraphs: [t('email.commentAdmin.body', { customer: `${order.customer.name} <${order.customer.email}>`, number: order.number })],
      details: [
        [t('email.label.order'), order.number],
        [t('email.label.return'), comment.returnId],
      ],
      quote: { label: t('email.label.comment'), text: comment.body },
      link: { label: t('email.link.admin'), url: pageUrl(ctx, 'admin', 'returns', comment.returnId) },
    },
    ctx,
  );
};
