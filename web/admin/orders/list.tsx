// Orders (GET /admin/orders): by status and date, or found the way a customer
// quotes one, by its number or their email.
import { useState } from 'preact/hooks';
import { ORDER_STATUSES } from '#shared/domain/order-transitions';
import { api } from '../../api/client.ts';
import { APP_BASE } from '../../base.ts';
import { inputValue } from '../../ui/form.tsx';
import { formatDate, money, words } from '../../ui/format.ts';
import { Empty, Loaded, useLoad } from '../../ui/states.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { ChoiceFilter, DateRange, type Dates, Pager, useChoice, useCursor, useQueryParam } from '../list-kit.tsx';

/** A search is an order number unless it holds an @. */
const searchQuery = (text: string): { number?: string; email?: string } => {
  const term = text.trim();
  if (!term) return {};
  return term.includes('@') ? { email: term } : { number: term };
};

export function OrderList() {
  const [chosen, setStatus] = useChoice('status', ORDER_STATUSES);
  const [search, setSearch] = useQueryParam('q');
  const [draft, setDraft] = useState(search);
  const [dates, setDates] = useState<Dates>({});
  const [cursor, setCursor] = useCursor([chosen, dates, search]);
  const [state, reload] = useLoad(
    (signal) => api('orders.adminList', { query: { limit: 20, status: chosen, ...dates, ...searchQuery(search), cursor }, signal }),
    [chosen, dates.dateStart, dates.dateEnd, search, cursor],
  );
  return (
    <>
      <h1>Orders</h1>
      <form
        aria-label="Find an order"
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(draft.trim());
        }}
      >
        <label>
          Order number or customer email
          <input type="search" value={draft} onInput={(e) => setDraft(inputValue(e))} />
        </label>
        <button type="submit">Find</button>
      </form>
      <div class="filters">
        <ChoiceFilter label="Status" value={chosen} options={ORDER_STATUSES} onChange={setStatus} />
      </div>
      <DateRange dates={dates} onChange={setDates} />
      <Loaded state={state} onRetry={reload}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>No orders match.</Empty>
          ) : (
            <>
              <div class="table-scroll">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Order</th>
                      <th scope="col">Customer</th>
                      <th scope="col">Placed</th>
                      <th scope="col">Status</th>
                      <th scope="col">Payment</th>
                      <th scope="col" class="amount">
                        Total
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((order) => (
                      <tr key={order.id}>
                        <td>
                          <a href={`${APP_BASE}/admin/orders/${order.id}`}>Order {order.number}</a>
                        </td>
                        <td>
                          {order.customer.name}
                          <br />
                          <small>{order.customer.email}</small>
                        </td>
                        <td>{formatDate(order.createdAt)}</td>
                        <td>
                          <StatusBadge status={order.status} />
                        </td>
                        <td>
                          {words(order.paymentMethod)}, {words(order.paymentStatus).toLowerCase()}
                        </td>
                        <td class="amount">{money(order.totals.total, order.currency)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager cursor={cursor} next={page.nextCursor} onPage={setCursor} />
            </>
          )
        }
      </Loaded>
    </>
  );
}
