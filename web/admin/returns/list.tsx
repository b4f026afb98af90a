// Return requests (GET /admin/returns): a tab per status, a date range, a page at a time.
import { type ApiResult, api } from '../../api/client.ts';
import { APP_BASE } from '../../base.ts';
import { useChoice, useCursor } from '../../ui/address.ts';
import { formatDate, money, words } from '../../ui/format.ts';
import { Loaded, useLoad } from '../../ui/states.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { type Column, DateRange, ListTable, PagedList, useDates } from '../list-kit.tsx';
import { RETURN_STATUS_LIST } from '../statuses.ts';

const COLUMNS: readonly Column<ApiResult<'returns.adminList'>['items'][number]>[] = [
  { header: 'Request', cell: (r) => <a href={`${APP_BASE}/admin/returns/${r.id}`}>Return for order {r.orderNumber}</a> },
  { header: 'Customer', cell: (r) => r.customer.name },
  { header: 'Filed', cell: (r) => formatDate(r.createdAt) },
  { header: 'Status', cell: (r) => <StatusBadge status={r.status} /> },
  { header: 'Refund', amount: true, cell: (r) => (r.refundAmount === null ? '—' : money(r.refundAmount, r.currency)) },
];

export function ReturnList() {
  const [chosen, setStatus] = useChoice('status', RETURN_STATUS_LIST);
  const [dates, setDates] = useDates();
  const [cursor, setCursor] = useCursor();
  const [state, reload] = useLoad(
    (signal) => api('returns.adminList', { query: { limit: 20, status: chosen, ...dates, cursor }, signal }),
    [chosen, dates.dateStart, dates.dateEnd, cursor],
  );
  return (
    <>
      <h1>Returns</h1>
      <nav aria-label="Return status" class="tabs">
        <ul>
          {['', ...RETURN_STATUS_LIST].map((s) => (
            <li key={s}>
              <a
                href={`${APP_BASE}/admin/returns${s ? `?status=${s}` : ''}`}
                onClick={(e) => {
                  e.preventDefault();
                  setStatus(s);
                }}
                {...((chosen ?? '') === s ? { 'aria-current': 'page' as const } : {})}
              >
                {s ? words(s) : 'All'}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <DateRange dates={dates} onChange={setDates} error={state.status === 'error' ? state.error : null} />
      <Loaded state={state} onRetry={reload}>
        {(page) => (
          <PagedList page={page} cursor={cursor} onPage={setCursor} empty={`No return requests ${chosen ? `are ${words(chosen).toLowerCase()}` : 'match'}.`}>
            {(requests) => <ListTable label="Return requests" columns={COLUMNS} rows={requests} />}
          </PagedList>
        )}
      </Loaded>
    </>
  );
}
