// Cancellations (GET /admin/cancellations) by status and date, newest first;
// the requested ones can be decided right here.
import { api } from '../../api/client.ts';
import { APP_BASE } from '../../base.ts';
import { useChoice, useCursor } from '../../ui/address.ts';
import { bankAccount, formatDateTime, words } from '../../ui/format.ts';
import { Loaded, useLoad } from '../../ui/states.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { ChoiceFilter, DateRange, PagedList, useDates } from '../list-kit.tsx';
import { CANCELLATION_STATUS_LIST } from '../statuses.ts';
import { DecideCancellation } from './decide.tsx';

export function CancellationList() {
  const [chosen, setStatus] = useChoice('status', CANCELLATION_STATUS_LIST);
  const [dates, setDates] = useDates();
  const [cursor, setCursor] = useCursor();
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
        <ChoiceFilter label="Status" value={chosen} options={CANCELLATION_STATUS_LIST} onChange={setStatus} />
      </div>
      <DateRange dates={dates} onChange={setDates} error={state.status === 'error' ? state.error : null} />
      <Loaded state={state} onRetry={reload}>
        {([page, reasons]) => (
          <PagedList page={page} cursor={cursor} onPage={setCursor} empty={`No cancellations ${chosen ? `are ${words(chosen).toLowerCase()}` : 'match'}.`}>
            {(items) => (
              <ul class="cards">
                {items.map((c) => (
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
                      {c.refundAccount ? <p>Refund to {bankAccount(c.refundAccount)}</p> : null}
                      {c.rejectionReason ? <p>Rejected: {c.rejectionReason}</p> : null}
                      <DecideCancellation cancellation={c} orderNumber={c.orderNumber} onChange={reload} />
                    </article>
                  </li>
                ))}
              </ul>
            )}
          </PagedList>
        )}
      </Loaded>
    </>
  );
}
