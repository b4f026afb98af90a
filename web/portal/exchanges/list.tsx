// My exchanges, newest first: when, where each stands, and who pays whom.
import { api } from '../../api/client.ts';
import { APP_BASE } from '../../base.ts';
import { t } from '../../i18n/locale.ts';
import { useCursor } from '../../ui/address.ts';
import { formatDate, money } from '../../ui/format.ts';
import { Pager } from '../../ui/pager.tsx';
import { Empty, Loaded, useLoad } from '../../ui/states.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { TableScroll } from '../../ui/table-scroll.tsx';
import { direction } from './difference.tsx';

export function ExchangeList() {
  const [cursor, setCursor] = useCursor();
  const [state, reload] = useLoad((signal) => api('exchanges.list', { query: { limit: 20, ...(cursor ? { cursor } : {}) }, signal }), [cursor]);
  return (
    <>
      <h1>{t('web.exchanges.title')}</h1>
      <p>
        {t('web.exchanges.howTo.before')} <a href={`${APP_BASE}/orders`}>{t('web.orders.title')}</a> {t('web.exchanges.howTo.after')}
      </p>
      <Loaded state={state} onRetry={reload}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{t('web.exchanges.empty')}</Empty>
          ) : (
            <>
              <TableScroll label={t('web.exchanges.title')}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('web.exchange.col.exchange')}</th>
                      <th scope="col">{t('web.col.status')}</th>
                      <th scope="col" class="amount">
                        {t('web.exchange.col.difference')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((x) => (
                      <tr key={x.id}>
                        <td>
                          <a href={`${APP_BASE}/exchanges/${x.id}`}>{t('web.exchange.of', { date: formatDate(x.createdAt) })}</a>
                        </td>
                        <td>
                          <StatusBadge status={x.status} kind="exchange" />
                        </td>
                        <td class="amount">
                          {t('web.exchange.differenceShort', { who: direction(x.differenceDue), amount: money(Math.abs(x.differenceDue), x.currency) })}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
              <Pager cursor={cursor} nextCursor={page.nextCursor} onPage={setCursor} older={t('web.exchanges.older')} />
            </>
          )
        }
      </Loaded>
    </>
  );
}
