// My orders, newest first (GET /orders), a page at a time.
import { api } from '../../api/client.ts';
import { APP_BASE } from '../../base.ts';
import { t } from '../../i18n/locale.ts';
import { useCursor } from '../../ui/address.ts';
import { formatDate, money } from '../../ui/format.ts';
import { Pager } from '../../ui/pager.tsx';
import { Empty, Loaded, useLoad } from '../../ui/states.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { TableScroll } from '../../ui/table-scroll.tsx';

export function OrderList() {
  const [cursor, setCursor] = useCursor();
  const [state, reload] = useLoad((signal) => api('orders.list', { query: { limit: 20, ...(cursor ? { cursor } : {}) }, signal }), [cursor]);
  return (
    <>
      <h1>{t('web.orders.title')}</h1>
      <Loaded state={state} onRetry={reload}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{t('web.orders.empty')}</Empty>
          ) : (
            <>
              <TableScroll label={t('web.orders.title')}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('web.col.order')}</th>
                      <th scope="col">{t('web.col.placed')}</th>
                      <th scope="col">{t('web.col.status')}</th>
                      <th scope="col" class="amount">
                        {t('web.col.total')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((order) => (
                      <tr key={order.id}>
                        <td>
                          <a href={`${APP_BASE}/orders/${order.id}`}>{t('web.order.name', { number: order.number })}</a>
                        </td>
                        <td>{formatDate(order.createdAt)}</td>
                        <td>
                          <StatusBadge status={order.status} kind="order" />
                        </td>
                        <td class="amount">{money(order.totals.total, order.currency)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
              <Pager cursor={cursor} nextCursor={page.nextCursor} onPage={setCursor} older={t('web.orders.older')} />
            </>
          )
        }
      </Loaded>
    </>
  );
}
