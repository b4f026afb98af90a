// Everything filed against the order: its return requests and cancellations,
// each a link to where it is decided.
import { api } from '../../api/client.ts';
import { APP_BASE } from '../../base.ts';
import { formatDate } from '../../ui/format.ts';
import { Empty, Loaded, useLoad } from '../../ui/states.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import type { AdminOrder } from './detail.tsx';

export function Related({ order }: { order: AdminOrder }) {
  const [state, reload] = useLoad(
    (signal) =>
      Promise.all([
        api('returns.orderList', { params: { orderId: order.id }, query: { limit: 100 }, signal }),
        api('cancellations.orderList', { params: { orderId: order.id }, query: { limit: 100 }, signal }),
      ]),
    [order.id, order.version],
  );
  return (
    <section aria-labelledby="related-title">
      <h2 id="related-title">Returns and cancellations</h2>
      <Loaded state={state} onRetry={reload}>
        {([returns, cancellations]) =>
          returns.items.length + cancellations.items.length === 0 ? (
            <Empty>Nothing has been filed against this order.</Empty>
          ) : (
            <ul>
              {returns.items.map((r) => (
                <li key={r.id}>
                  <a href={`${APP_BASE}/admin/returns/${r.id}`}>Return request of {formatDate(r.createdAt)}</a> <StatusBadge status={r.status} />
                </li>
              ))}
              {cancellations.items.map((c) => (
                <li key={c.id}>
                  <a href={`${APP_BASE}/admin/cancellations/${c.id}`}>Cancellation of {formatDate(c.createdAt)}</a> <StatusBadge status={c.status} />
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}
