// One exchange (where the admins' email links): what goes back and what goes
// out at which price, the difference and its payment, the linked return and
// replacement order, the decisions its status allows, and its history.
import { api } from '../../api/client.ts';
import { APP_BASE } from '../../base.ts';
import { AmountTable } from '../../ui/amount-table.tsx';
import { formatDateTime, money, words } from '../../ui/format.ts';
import { Loaded, useLoad } from '../../ui/states.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { TableScroll } from '../../ui/table-scroll.tsx';
import { Timeline } from '../../ui/timeline.tsx';
import { DecideExchange } from './decide.tsx';
import { differenceWords, paymentWords } from './words.ts';

export function ExchangeDetail({ id }: { id: string }) {
  const [state, reload] = useLoad(
    async (signal) => {
      const exchange = await api('exchanges.adminGet', { params: { id }, signal });
      return { exchange, order: await api('orders.adminGet', { params: { orderId: exchange.orderId }, signal }) };
    },
    [id],
  );
  return (
    <Loaded state={state} onRetry={reload}>
      {({ exchange: x, order }) => {
        const title = (lineItemId: string) => order.lineItems.find((l) => l.id === lineItemId)?.title ?? lineItemId;
        const m = (amount: number) => money(amount, x.currency);
        return (
          <>
            <hgroup>
              <h1>Exchange for order {order.number}</h1>
              <p>
                <StatusBadge status={x.status} kind="exchange" /> Requested {formatDateTime(x.createdAt)}
              </p>
            </hgroup>
            <dl class="facts">
              <dt>Order</dt>
              <dd>
                <a href={`${APP_BASE}/admin/orders/${x.orderId}`}>Order {order.number}</a> · {order.customer.name}
              </dd>
              <dt>Return</dt>
              <dd>
                <a href={`${APP_BASE}/admin/returns/${x.returnId}`}>Return request of the items sent back</a>
              </dd>
              <dt>Replacement order</dt>
              <dd>{x.replacementOrderId ? <a href={`${APP_BASE}/admin/orders/${x.replacementOrderId}`}>Replacement order</a> : 'Not yet: made on release'}</dd>
              <dt>Payment</dt>
              <dd>
                {paymentWords(x)}
                {x.payment ? ` Payment link open until ${formatDateTime(x.payment.expiresAt)}.` : ''}
              </dd>
              <dt>Negative difference to</dt>
              <dd>{words(x.negativeTo)}</dd>
            </dl>
            <section aria-labelledby="exchange-items">
              <h2 id="exchange-items">Items</h2>
              <TableScroll label="Items exchanged">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Item</th>
                      <th scope="col">Direction</th>
                      <th scope="col" class="amount">
                        Quantity
                      </th>
                      <th scope="col" class="amount">
                        Value
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {x.inbound.map((i) => (
                      <tr key={`in-${i.lineItemId}`}>
                        <td>{title(i.lineItemId)}</td>
                        <td>Back to the shop</td>
                        <td class="amount">{i.quantity}</td>
                        <td class="amount">{m(i.value)}</td>
                      </tr>
                    ))}
                    {x.outbound.map((o, i) => (
                      <tr key={`out-${o.sku}-${i}`}>
                        <td>
                          {o.title} ({o.variantTitle}), SKU {o.sku}
                          {o.priceKept ? ', price paid kept' : ''}
                        </td>
                        <td>Out to the customer</td>
                        <td class="amount">{o.quantity}</td>
                        <td class="amount">{m((o.unitPrice + o.tax) * o.quantity)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
              <AmountTable
                caption="Values"
                rows={[
                  ['Items back', m(x.inboundValue)],
                  ['Items out', m(x.outboundValue)],
                ]}
                total={['Difference', differenceWords(x)]}
              />
            </section>
            <DecideExchange exchange={x} orderNumber={order.number} onChange={reload} />
            <section aria-labelledby="exchange-history">
              <h2 id="exchange-history">History</h2>
              <Timeline entries={x.history} label="Exchange history" />
            </section>
          </>
        );
      }}
    </Loaded>
  );
}
