// "Your order #1001 is now shipped." — to the customer.
import type { OrderView } from '../notifications/views.ts';
import { type Email, type EmailContext, inWords, layout, pageUrl } from './layout.ts';

const MESSAGES: Readonly<Record<string, string>> = {
  confirmed: 'We have confirmed your order and are preparing it.',
  picked_up: 'Your order has been picked and packed.',
  shipped: 'Your order is on its way.',
  out_for_delivery: 'Your order is out for delivery today.',
  delivered: 'Your order has been delivered. We hope you enjoy it.',
  delivery_failed: 'We could not deliver your order. We will try again or contact you.',
  cancelled: 'Your order has been cancelled.',
};

export interface OrderStatusData {
  readonly order: OrderView & { readonly status: string; readonly timeline?: readonly { readonly note?: string | null }[] };
}

export const orderStatusEmail = ({ order }: OrderStatusData, ctx: EmailContext): Email => {
  const status = inWords(order.status);
  const note = order.timeline?.at(-1)?.note;
  return layout(
    {
      subject: `Order ${order.number} is now ${status}`,
      heading: `Your order ${order.number} is now ${status}`,
      paragraphs: [`Hello ${order.customer.name},`, MESSAGES[order.status] ?? `The status of your order changed to "${status}".`],
      details: [
        ['Order', order.number],
        ['Status', status],
      ],
      ...(note ? { quote: { label: 'Note', text: note } } : {}),
      link: { label: 'Track your order', url: pageUrl(ctx, 'orders', order.id) },
    },
    ctx,
  );
};
