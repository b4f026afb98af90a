// "Your order #1001 is now shipped." — to the customer.
import type { OrderView } from '../notifications/views.ts';
import { type Email, type EmailContext, layout, pageUrl } from './layout.ts';
import { wordsFor } from './words.ts';

export interface OrderStatusData {
  readonly order: OrderView & { readonly status: string; readonly timeline?: readonly { readonly note?: string | null }[] };
}

export const orderStatusEmail = ({ order }: OrderStatusData, ctx: EmailContext): Email => {
  const { t, hello } = wordsFor(ctx);
  const values = { status: order.status, number: order.number, statusName: t('status.order', { status: order.status }) };
  const note = order.timeline?.at(-1)?.note;
  return layout(
    {
      subject: t('email.orderStatus.subject', values),
      heading: t('email.orderStatus.heading', values),
      paragraphs: [hello(order.customer.name), t('email.orderStatus.body', values)],
      details: [
        [t('email.label.order'), order.number],
        [t('email.label.status'), values.statusName],
      ],
      ...(note ? { quote: { label: t('email.label.note'), text: note } } : {}),
      link: { label: t('email.link.track'), url: pageUrl(ctx, 'orders', order.id) },
    },
    ctx,
  );
};
