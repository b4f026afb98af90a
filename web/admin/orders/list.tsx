// Orders (GET /admin/orders): by status and date, or found the way a customer
// quotes one, by its number or their email.
import { useEffect, useState } from 'preact/hooks';
import { ORDER_STATUSES } from '#shared/domain/order-transitions';
import { type ApiResult, api } from '../../api/client.ts';
import { APP_BASE } from '../../base.ts';
import { useChoice, useCursor, useQueryParam } from '../../ui/address.ts';
import { inputValue } from '../../ui/form.tsx';
import { formatDate, money, words } from '../../ui/format.ts';
import { paymentMethodWords } from '../../ui/names.ts';
import { Loaded, useLoad } from '../../ui/states.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { ChoiceFilter, type Column, DateRange, ListTable, PagedList, useDates } from '../list-kit.tsx';

/** A search is an order number unless it holds an @. */
const searchQuery = (text: string): { number?: string; email?: string } => {
  const term = text.trim();
  if (!term) return {};
  return term.includes('@') ? { email: term } : { number: term };
};

const COLUMNS: readonly Column<ApiResult<'orders.adminList'>['items'][number]>[] = [
  { header: 'Order', cell: (order) => <a href={`${APP_BASE}/admin/orders/${order.id}`}>Order {order.number}</a> },
  {
    header: 'Customer',
    cell: (order) => (
      <>
        {order.customer.name}
        <br />
        <small>{order.customer.email}</small>
      </>
    ),
  },
  { header: 'Placed', cell: (order) => formatDate(order.createdAt) },
  { header: 'Status', cell: (order) => <StatusBadge status={order.status} /> },
  { header: 'Payment', cell: (order) => `${paymentMethodWords(order.paymentMethod)}, ${words(order.paymentStatus).toLowerCase()}` },
  { header: 'Total', amount: true, cell: (order) => money(order.totals.total, order.currency) },
];

export function OrderList() {
  const [chosen, setStatus] = useChoice('status', ORDER_STATUSES);
  const [search, setSearch] = useQueryParam('q');
  const [draft, setDraft] = useState(search);
  // Back and Forward change the search under the box: show the one applied.
  useEffect(() => setDraft(search), [search]);
  const [dates, setDates] = useDates();
  const [cursor, setCursor] = useCursor();
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
      <DateRange dates={dates} onChange={setDates} error={state.status === 'error' ? state.error : null} />
      <Loaded state={state} onRetry={reload}>
        {(page) => (
          <PagedList page={page} cursor={cursor} onPage={setCursor} empty="No orders match.">
            {(orders) => <ListTable label="Orders" columns={COLUMNS} rows={orders} />}
          </PagedList>
        )}
      </Loaded>
    </>
  );
}
