// A note an admin shared with the customer (seed 000) — to the customer.
import type { OrderNoteView, OrderView } from '../notifications/views.ts';
import { type Email, type EmailContext, layout, pageUrl } from './layout.ts';

export interface OrderNoteData {
  readonly note: OrderNoteView;
  /** Loaded by the consumer: the number and customer of the order. */
  readonly order: OrderView;
}

export const orderNoteEmail = ({ note, order }: OrderNoteData, ctx: EmailContext): Email =>
  layout(
    {
      subject: `A message about your order ${order.number}`,
      heading: `A message about your order ${order.number}`,
      paragraphs: [`Hello ${order.customer.name},`, 'We added a note to your order:'],
      quote: { label: 'Note', text: note.body },
      link: { label: 'View your order', url: pageUrl(ctx, 'orders', order.id) },
    },
    ctx,
  );
