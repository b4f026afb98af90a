// Return requests (GET /admin/returns): a tab per status, a date range, a page at a time.
import { useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { APP_BASE } from '../../base.ts';
import { formatDate, money, words } from '../../ui/format.ts';
import { Empty, Loaded, useLoad } from '../../ui/states.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { DateRange, type Dates, Pager, useChoice, useCursor } from '../list-kit.tsx';
import { RETURN_STATUS_LIST } from '../statuses.ts';

export function ReturnList() {
  const [chosen, setStatus] = useChoice('status', RETURN_STATUS_LIST);
  const [dates, setDates] = useState<Dates>({});
  const [cursor, setCursor] = useCursor([chosen, dates]);
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
      <DateRange dates={dates} onChange={setDates} />
      <Loaded state={state} onRetry={reload}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>No return requests {chosen ? `are ${words(chosen).toLowerCase()}` : 'match'}.</Empty>
          ) : (
            <>
              <div class="table-scroll">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Request</th>
                      <th scope="col">Customer</th>
                      <th scope="col">Filed</th>
                      <th scope="col">Status</th>
                      <th scope="col" class="amount">
                        Refund
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((r) => (
                      <tr key={r.id}>
                        <td>
                          <a href={`${APP_BASE}/admin/returns/${r.id}`}>Return for order {r.orderNumber}</a>
                        </td>
                        <td>{r.customer.name}</td>
                        <td>{formatDate(r.createdAt)}</td>
                        <td>
                          <StatusBadge status={r.status} />
                        </td>
                        <td class="amount">{r.refundAmount === null ? '—' : money(r.refundAmount, r.currency)}</td>
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
