// My cancellations, newest first: what I asked, what the shop decided, the refund.
import { api } from '../../api/client.ts';
import { APP_BASE } from '../../base.ts';
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
      <h1>My cancellations</h1>
      <Loaded state={state} onRetry={reload}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>You have not cancelled any order.</Empty>
          ) : (
            <>
              <ul class="cards">
                {page.items.map((c) => (
                  <li key={c.id}>
                    <article>
                      <header>
                        <a href={`${APP_BASE}/orders/${c.orderId}`}>Order {c.orderNumber}</a> · <StatusBadge status={c.status} />
                      </header>
                      <p>
                        Asked on {formatDate(c.createdAt)}. <a href={`${APP_BASE}/cancellations/${c.id}`}>See the request</a>
                      </p>
                      {c.status === 'requested' ? <p>The shop is reviewing your request.</p> : null}
                      {c.rejectionReason ? <p>Declined: {c.rejectionReason}</p> : null}
                      {c.refundAccount ? <p>Refund to the account of {c.refundAccount.accountName}.</p> : null}
                    </article>
                  </li>
                ))}
              </ul>
              <Pager cursor={cursor} nextCursor={page.nextCursor} onPage={setCursor} older="Older cancellations" />
            </>
          )
        }
      </Loaded>
    </>
  );
}
