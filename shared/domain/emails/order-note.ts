// A note an admin shared with the customer (seed 000) — to the customer.
import type { OrderNoteView, OrderView } from '../notifications/views.ts';
import { type Email, type EmailContext, layout, pageUrl } from './layout.ts';
import { wordsFor } from './words.ts';

export interface OrderNoteData {
  readonly note: OrderNoteView;
  /** Loaded by the consumer: the number and customer of the order. */
  readonly order: OrderView;
}

export const orderNoteEmail = ({ note, order }: OrderNoteData, ctx: EmailContext): Email => {
  const { t, hello } = wordsFor(ctx);
  const subject = t('email.note.subject', { number: order.number });
  return layout(
    {
      subject,
      heading: subject,
      paragraphs: [hello(order.customer.name), t('email.note.body')],
      quote: { label: t('email.label.note'), text: note.body },
      link: { label: t('email.link.order'), url: pageUrl(ctx, 'orders', order.id) },
    },
    ctx,
  );
};
