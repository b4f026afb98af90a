// Return requests (GET /admin/returns): a tab per status, a date range, a page at a time.
import { type ApiResult, api } from '../../api/client.ts';
import { APP_BASE } from '../../base.ts';
import { t } from '../../i18n/locale.ts';
import { useChoice, useCursor } from '../../ui/address.ts';
import { formatDate, money } from '../../ui/format.ts';
import { Loaded, useLoad } from '../../ui/states.tsx';
import { StatusBadge, statusLabel } from '../../ui/status-badge.tsx';
import { type Column, DateRange, ListTable, PagedList, useDates } from '../list-kit.tsx';
import { RETURN_STATUS_LIST } from '../statuses.ts';

/** The table's columns, headed in the active language (read on each draw). */
const columns = (): readonly Column<ApiResult<'returns.adminList'>['items'][number]>[] => [
  { header: t('web.admin.col.request'), cell: (r) => <a href={`${APP_BASE}/admin/returns/${r.id}`}>{t('web.return.name', { number: r.orderNumber })}</a> },
  { header: t('web.admin.col.customer'), cell: (r) => r.customer.name },
  { header: t('web.admin.col.filed'), cell: (r) => formatDate(r.createdAt) },
  { header: t('web.col.status'), cell: (r) => <StatusBadge status={r.status} kind="return" /> },
  { header: t('web.col.refund'), amount: true, cell: (r) => (r.refundAmount === null ? '—' : money(r.refundAmount, r.currency)) },
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
      <h1>{t('web.route.returns')}</h1>
      <nav aria-label={t('web.admin.returns.statusTabs')} class="tabs">
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
                {s ? statusLabel(s, 'return') : t('web.admin.all')}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <DateRange dates={dates} onChange={setDates} error={state.status === 'error' ? state.error : null} />
      <Loaded state={state} onRetry={reload}>
        {(page) => (
          <PagedList
            page={page}
            cursor={cursor}
            onPage={setCursor}
            empty={chosen ? t('web.admin.returns.noneWith', { statusName: t('status.return', { status: chosen }) }) : t('web.admin.returns.none')}
          >
            {(requests) => <ListTable label={t('web.admin.returns.table')} columns={columns()} rows={requests} />}
          </PagedList>
        )}
      </Loaded>
    </>
  );
}
