// Cancellations (GET /admin/cancellations) by status and date, newest first;
// the requested ones can be decided right here.
import { useState } from 'preact/hooks';
import type { CancellationStatus } from '#shared/domain/cancellation';
import { api } from '../../api/client.ts';
import { APP_BASE } from '../../base.ts';
import { inputValue } from '../../ui/form.tsx';
import { formatDateTime, words } from '../../ui/format.ts';
import { Empty, Loaded, useLoad } from '../../ui/states.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { DateRange, type Dates, Pager, useQueryParam } from '../list-kit.tsx';
import { CANCELLATION_STATUS_LIST } from '../statuses.ts';
import { DecideCancellation } from './decide.tsx';

export function CancellationList() {
  const [status, setStatus] = useQueryParam('status');
  const [dates, setDates] = useState<Dates>({});
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const chosen = (CANCELLATION_STATUS_LIST as readonly string[]).includes(status) ? (status as CancellationStatus) : undefined;
  const [state, reload] = useLoad(
    (signal) =>
      Promise.all([
        api('cancellations.adminList', { query: { limit: 20, status: chosen, ...dates, cursor }, signal }),
        api('settings.adminReasons', { query: { kind: 'cancellation' }, signal }),
      ]),
    [chosen, dates.dateStart, dates.dateEnd, cursor],
  );
  return (
    <>
      <h1>Cancellations</h1>
      <div class="filters">
        <label>
          Status
          <select
            value={chosen ?? ''}
            onChange={(e) => {
              setCursor(undefined);
              setStatus(inputValue(e));
            }}
          >
            <option value="">All</option>
            {CANCELLATION_STATUS_LIST.map((s) => (
              <option key={s} value={s}>
                {words(s)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <DateRange
        dates={dates}
        onChange={(next) => {
          setCursor(undefined);
          setDates(next);
        }}
      />
      <Loaded state={state} onRetry={reload}>
        {([page, reasons]) =>
          page.items.length === 0 ? (
            <Empty>No cancellations {chosen ? `are ${words(chosen).toLowerCase()}` : 'match'}.</Empty>
          ) : (
            <>
              <ul class="cards">
                {page.items.map((c) => (
                  <li key={c.id}>
                    <article aria-labelledby={`can-${c.id}`}>
                      <header>
                        <h2 id={`can-${c.id}`}>
                          <a href={`${APP_BASE}/admin/cancellations/${c.id}`}>Order {c.orderNumber}</a>
                        </h2>
                        <StatusBadge status={c.status} />
                      </header>
                      <p>
                        {words(c.requestedBy)} · {formatDateTime(c.createdAt)} · {reasons.items.find((r) => r.id === c.reasonId)?.label ?? c.reasonId}
                        {c.reasonText ? `: ${c.reasonText}` : ''}
                      </p>
                      {c.comment ? <p>“{c.comment}”</p> : null}
                      {c.refundAccount ? (
                        <p>
                          Refund to {c.refundAccount.accountName}, {c.refundAccount.bankName} {c.refundAccount.accountNumber}
                        </p>
                      ) : null}
                      {c.rejectionReason ? <p>Rejected: {c.rejectionReason}</p> : null}
                      <DecideCancellation cancellation={c} orderNumber={c.orderNumber} onChange={reload} />
                    </article>
                  </li>
                ))}
              </ul>
              <Pager cursor={cursor} next={page.nextCursor} onPage={setCursor} />
            </>
          )
        }
      </Loaded>
    </>
  );
}
