// My cancellations, newest first: what I asked, what the shop decided, the refund.
import { api } from '../../api/client.ts';
import { APP_BASE } from '../../base.ts';
import { t } from '../../i18n/locale.ts';
import { useCursor } from '../../ui/address.ts';
import { formatDate } from '../../ui/format.ts';
import { Pager } from '../../ui/pager.tsx';
import { Empty, Loaded, useLoad } from '../../ui/states.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';

export function CancellationList() {
  const [cursor, setCursor] = useCursor();
  const [state, reload] = useLoad((signal) => api('cancellations.list', { query: { limit: 20, ...(cursor ? { cursor } : {}) }, signal }), [cursor]);
  return (
    <>
      <h1>{t('web.route.myCancellations')}</h1>
      <Loaded state={state} onRetry={reload}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{t('web.cancellations.empty')}</Empty>
          ) : (
            <>
              <ul class="cards">
                {page.items.map((c) => (
                  <li key={c.id}>
                    <article>
                      <header>
                        <a href={`${APP_BASE}/orders/${c.orderId}`}>{t('web.order.name', { number: c.orderNumber })}</a> ·{' '}
                        <StatusBadge status={c.status} kind="cancellation" />
                      </header>
                      <p>
                        {t('web.cancellations.askedOn', { date: formatDate(c.createdAt) })}{' '}
                        <a href={`${APP_BASE}/cancellations/${c.id}`}>{t('web.cancellations.see')}</a>
                      </p>
                      {c.status === 'requested' ? <p>{t('web.cancellations.reviewing')}</p> : null}
                      {c.rejectionReason ? <p>{t('web.cancellations.declined', { reason: c.rejectionReason })}</p> : null}
                      {c.refundAccount ? <p>{t('web.cancellations.refundTo', { name: c.refundAccount.accountName })}</p> : null}
                    </article>
                  </li>
                ))}
              </ul>
              <Pager cursor={cursor} nextCursor={page.nextCursor} onPage={setCursor} older={t('web.cancellations.older')} />
            </>
          )
        }
      </Loaded>
    </>
  );
}
