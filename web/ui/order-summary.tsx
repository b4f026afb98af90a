// An order's lines and totals, in its currency, and its addresses.
import type { Order } from '#shared/domain/order';
import { t } from '../i18n/locale.ts';
import { money } from './format.ts';
import { TableScroll } from './table-scroll.tsx';

type Address = Order['shippingAddress'];

export const AddressBlock = ({ address }: { address: Address }) => (
  <address>
    {[address.name, address.line1, address.line2, [address.postalCode, address.city].filter(Boolean).join(' '), address.region, address.country]
      .filter(Boolean)
      .map((line) => (
        <span key={line}>
          {line}
          <br />
        </span>
      ))}
  </address>
);

export function OrderLines({ order }: { order: Order }) {
  const m = (amount: number) => money(amount, order.currency);
  const { totals } = order;
  return (
    <TableScroll label={t('web.order.itemsIn', { number: order.number })}>
      <table>
        <caption class="visually-hidden">{t('web.order.itemsIn', { number: order.number })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('web.col.item')}</th>
            <th scope="col" class="amount">
              {t('web.col.qty')}
            </th>
            <th scope="col" class="amount">
              {t('web.col.unitPrice')}
            </th>
            <th scope="col" class="amount">
              {t('web.col.lineTotal')}
            </th>
          </tr>
        </thead>
        <tbody>
          {order.lineItems.map((line) => (
            <tr key={line.id}>
              <td>
                {line.title}
                {line.variantTitle ? ` (${line.variantTitle})` : ''}
                {line.refundedQuantity > 0 ? <small> · {t('web.order.lineRefunded', { count: line.refundedQuantity })}</small> : null}
                {line.returnedQuantity > 0 ? <small> · {t('web.order.lineInReturns', { count: line.returnedQuantity })}</small> : null}
              </td>
              <td class="amount">{line.quantity}</td>
              <td class="amount">{m(line.unitPrice)}</td>
              <td class="amount">{m(line.quantity * line.unitPrice - line.discount + line.tax)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          {(
            [
              [t('web.summary.subtotal'), totals.subtotal],
              [t('web.summary.discount'), -totals.discount],
              [t('web.summary.tax'), totals.tax],
              [t('web.shipping'), totals.shipping],
              [t('web.summary.total'), totals.total],
              ...(totals.refunded > 0 ? ([[t('web.summary.refunded'), -totals.refunded]] as const) : []),
            ] as const
          ).map(([label, amount]) => (
            <tr key={label}>
              <th scope="row" colSpan={3}>
                {label}
              </th>
              <td class="amount">{m(amount)}</td>
            </tr>
          ))}
        </tfoot>
      </table>
    </TableScroll>
  );
}
