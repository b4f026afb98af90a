// What an order is: lines, totals, addresses, payment, timeline. Read-only.
// A line's units in returns are told apart: returned (the shop checked them and
// took them back) and requested (in a request still open). The order's own
// `returnedQuantity` counts both, so the columns come from the order's returns.
import type { ReturnStatus } from '#shared/domain/return-status';
import type { ApiResult } from '../../api/client.ts';
import { money, words } from '../../ui/format.ts';
import { paymentMethodWords } from '../../ui/names.ts';
import { AddressBlock } from '../../ui/order-summary.tsx';
import { TableScroll } from '../../ui/table-scroll.tsx';
import { Timeline } from '../../ui/timeline.tsx';
import { customerCreditPath } from '../credit-path.ts';
import type { AdminOrder } from './order.ts';

type OrderReturn = ApiResult<'returns.orderList'>['items'][number];

const ACCEPTED: readonly ReturnStatus[] = ['approved', 'partially_approved', 'refunded'];
const AWAITING: readonly ReturnStatus[] = ['new', 'picked_up', 'pending_verification'];

/** Units of a line the shop took back, and units still only asked for. */
const unitsInReturns = (returns: readonly OrderReturn[], lineItemId: string): { returned: number; requested: number } => {
  let returned = 0;
  let requested = 0;
  for (const request of returns) {
    for (const item of request.items) {
      if (item.lineItemId !== lineItemId) continue;
      if (ACCEPTED.includes(request.status)) returned += item.goodQuantity ?? 0;
      else if (AWAITING.includes(request.status)) requested += item.quantity;
    }
  }
  return { returned, requested };
};

/** `returns`: the order's return requests, null while they load. */
export function OrderFacts({ order, returns }: { order: AdminOrder; returns: readonly OrderReturn[] | null }) {
  const m = (amount: number) => money(amount, order.currency);
  const units = (lineItemId: string, which: 'returned' | 'requested') => (returns ? String(unitsInReturns(returns, lineItemId)[which]) : '…');
  const totals: [string, number][] = [
    ['Subtotal', order.totals.subtotal],
    ['Discount', order.totals.discount],
    ['Tax', order.totals.tax],
    [`Shipping (${order.shipping.method})`, order.totals.shipping],
    ['Total', order.totals.total],
    ['Refunded', order.totals.refunded],
  ];
  return (
    <>
      <section aria-labelledby="lines-title">
        <h2 id="lines-title">Items</h2>
        <TableScroll label="Order lines">
          <table>
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col">SKU</th>
                <th scope="col" class="amount">
                  Qty
                </th>
                <th scope="col" class="amount">
                  Unit price
                </th>
                <th scope="col" class="amount">
                  Discount
                </th>
                <th scope="col" class="amount">
                  Tax
                </th>
                <th scope="col" class="amount">
                  Refunded
                </th>
                <th scope="col" class="amount">
                  Returned
                </th>
                <th scope="col" class="amount">
                  Return requested
                </th>
              </tr>
            </thead>
            <tbody>
              {order.lineItems.map((line) => (
                <tr key={line.id}>
                  <td>
                    {line.title}
                    {line.variantTitle ? <small> ({line.variantTitle})</small> : null}
                  </td>
                  <td>{line.sku}</td>
                  <td class="amount">{line.quantity}</td>
                  <td class="amount">{m(line.unitPrice)}</td>
                  <td class="amount">{m(line.discount)}</td>
                  <td class="amount">{m(line.tax)}</td>
                  <td class="amount">{line.refundedQuantity}</td>
                  <td class="amount">{units(line.id, 'returned')}</td>
                  <td class="amount">{units(line.id, 'requested')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <table class="totals">
          <caption class="visually-hidden">Totals</caption>
          <tbody>
            {totals.map(([label, amount]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td class="amount">{m(amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <div class="grid">
        <section aria-labelledby="customer-title">
          <h2 id="customer-title">Customer</h2>
          <p>
            {order.customer.name}
            <br />
            {order.customer.email}
            {order.customer.phone ? (
              <>
                <br />
                {order.customer.phone}
              </>
            ) : null}
          </p>
          <p>
            <a href={customerCreditPath(order.customer.customerId)}>Store credit of {order.customer.customerId}</a>
          </p>
        </section>
        <section aria-labelledby="payment-title">
          <h2 id="payment-title">Payment</h2>
          <dl class="facts">
            <dt>Method</dt>
            <dd>{paymentMethodWords(order.paymentMethod)}</dd>
            <dt>Status</dt>
            <dd>{words(order.paymentStatus)}</dd>
            <dt>Reference</dt>
            <dd>{order.paymentReference ?? '—'}</dd>
          </dl>
        </section>
      </div>
      <div class="grid">
        {(
          [
            ['Billing address', order.billingAddress],
            ['Shipping address', order.shippingAddress],
          ] as const
        ).map(([title, address]) => (
          <section key={title} aria-label={title}>
            <h2>{title}</h2>
            <AddressBlock address={address} />
          </section>
        ))}
      </div>
      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">Timeline</h2>
        <Timeline entries={order.timeline} label="Order timeline" />
      </section>
    </>
  );
}
