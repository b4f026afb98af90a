// "Your order is now shipped."
import type { Order } from '../order.ts';
import { type Email, type EmailContext, inWords, layout } from './layout.ts';

export const orderStatusEmail = (data: { order: Order }, ctx: EmailContext): Email => {
  const { order } = data;
  const latest = order.timeline.at(-1);
  return layout(
    {
      subject: `Order ${order.number} is now ${inWords(order.status)}`,
      heading: `Your order ${order.number} is now ${inWords(order.status)}`,
      paragraphs: [
        `Hello ${order.customer.name},`,
        `The status of your order ${order.number} changed to "${inWords(order.status)}".`,
        ...(latest?.note ? [`Note: ${latest.note}`] : []),
      ],
      link: { label: 'Track your order', url: `${ctx.storefrontUrl}/orders/${encodeURIComponent(order.id)}` },
    },
    ctx,
  );
};
