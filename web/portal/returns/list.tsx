// My returns (seed 002's "My returns"), newest first.
import { api } from '../../api/client.ts';
import { APP_BASE } from '../../base.ts';
import { t } from '../../i18n/locale.ts';
import { useCursor } from '../../ui/address.ts';
import { formatDate, money } from '../../ui/format.ts';
import { Pager } from '../../ui/pager.tsx';
import { Empty, Loaded, useLoad } from '../../ui/states.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { TableScroll } from '../../ui/table-scroll.tsx';

export function ReturnList() {
  const [cursor, setCursor] = useCursor();
  const [state, reload] = useLoad((signal) => api('returns.list', { query: { limit: 20, ...(cursor ? { cursor } : {}) }, signal }), [cursor]);
  return (
    <>
      <h1>{t('web.returns.title')}</h1>
      <p>
        {t('web.returns.howTo.before')} <a href={`${APP_BASE}/orders`}>{t('web.orders.title')}</a> {t('web.returns.howTo.after')}
      </p>
      <Loaded state={state} onRetry={reload}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{t('web.returns.empty')}</Empty>
          ) : (
            <>
              <TableScroll label={t('web.returns.title')}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('web.col.return')}</th>
                      <th scope="col">{t('web.col.requested')}</th>
                      <th scope="col">{t('web.col.status')}</th>
                      <th scope="col" class="amount">
                        {t('web.col.refund')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((r) => (
                      <tr key={r.id}>
                        <td>
                          <a href={`${APP_BASE}/returns/${r.id}`}>{t('web.return.name', { number: r.orderNumber })}</a>
                        </td>
                        <td>{formatDate(r.createdAt)}</td>
                        <td>
                          <StatusBadge status={r.status} kind="return" />
                        </td>
                        <td class="amount">{r.refundAmount === null ? '—' : money(r.refundAmount, r.currency)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
              <Pager cursor={cursor} nextCursor={page.nextCursor} onPage={setCursor} older={t('web.returns.older')} />
            </>
          )
        }
      </Loaded>
    </>
  );
}
