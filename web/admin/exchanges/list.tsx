// Exchanges (GET /admin/exchanges) by status, newest first: the queue of
// requests to decide and of exchanges waiting on a payment or a return.
import { api } from '../../api/client.ts';
import { APP_BASE } from '../../base.ts';
import { useChoice, useCursor } from '../../ui/address.ts';
import { formatDateTime, words } from '../../ui/format.ts';
import { Loaded, useLoad } from '../../ui/states.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { ChoiceFilter, type Column, ListTable, PagedList } from '../list-kit.tsx';
import { EXCHANGE_STATUS_LIST } from '../statuses.ts';
import { type AdminExchange, differenceWords } from './words.ts';

const COLUMNS: readonly Column<AdminExchange>[] = [
  { header: 'Exchange', cell: (x) => <a href={`${APP_BASE}/admin/exchanges/${x.id}`}>Exchange {x.id}</a> },
  { header: 'Requested', cell: (x) => formatDateTime(x.createdAt) },
  { header: 'Status', cell: (x) => <StatusBadge status={x.status} /> },
  { header: 'Difference', amount: true, cell: differenceWords },
];

export function ExchangeList() {
  const [chosen, setStatus] = useChoice('status', EXCHANGE_STATUS_LIST);
  const [cursor, setCursor] = useCursor();
  const [state, reload] = useLoad((signal) => api('exchanges.adminList', { query: { limit: 20, status: chosen, cursor }, signal }), [chosen, cursor]);
  return (
    <>
      <h1>Exchanges</h1>
      <div class="filters">
        <ChoiceFilter label="Status" value={chosen} options={EXCHANGE_STATUS_LIST} onChange={setStatus} />
      </div>
      <Loaded state={state} onRetry={reload}>
        {(page) => (
          <PagedList page={page} cursor={cursor} onPage={setCursor} empty={`No exchanges ${chosen ? `are ${words(chosen).toLowerCase()}` : 'yet'}.`}>
            {(items) => <ListTable label="Exchanges" columns={COLUMNS} rows={items} />}
          </PagedList>
        )}
      </Loaded>
    </>
  );
}
