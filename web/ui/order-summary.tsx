// An order's lines and totals, in its currency, and its addresses.
import type { Order } from '#shared/domain/order';
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
    <TableScroll label={`Items in order ${order.number}`}>
      <table>
        <caption class="visually-hidden">Items in order {order.number}</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col" class="amount">
              Qty
            </th>
            <th scope="col" class="amount">
              Unit price
            </th>
            <th scope="col" class="amount">
              Line total
            </th>
          </tr>
        </thead>
        <tbody>
          {order.lineItems.map((line) => (
            <tr key={line.id}>
              <td>
                {line.title}
                {line.variantTitle ? ` (${line.variantTitle})` : ''}
                {line.refundedQuantity > 0 ? <small> · {line.refundedQuantity} refunded</small> : null}
                {line.returnedQuantity > 0 ? <small> · {line.returnedQuantity} in return requests</small> : null}
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
              ['Subtotal', totals.subtotal],
              ['Discount', -totals.discount],
              ['Tax', totals.tax],
              ['Shipping', totals.shipping],
              ['Total', totals.total],
              ...(totals.refunded > 0 ? ([['Refunded', -totals.refunded]] as const) : []),
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
