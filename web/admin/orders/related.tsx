// Everything filed against the order: its return requests and cancellations,
// each a link to where it is decided.
import { type ApiResult, api } from '../../api/client.ts';
import { APP_BASE } from '../../base.ts';
import { formatDate } from '../../ui/format.ts';
import { Empty, Loaded, type LoadState, useLoad } from '../../ui/states.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import type { AdminOrder } from './order.ts';

export type Filed = readonly [ApiResult<'returns.orderList'>, ApiResult<'cancellations.orderList'>];

/** Loaded once for the order page: the list below, and the lines' returned and requested units. */
export const useFiled = (order: AdminOrder): [LoadState<Filed>, () => void] =>
  useLoad(
    (signal) =>
      Promise.all([
        api('returns.orderList', { params: { orderId: order.id }, query: { limit: 100 }, signal }),
        api('cancellations.orderList', { params: { orderId: order.id }, query: { limit: 100 }, signal }),
      ] as const),
    [order.id, order.version],
  );

export function Related({ state, reload }: { state: LoadState<Filed>; reload: () => void }) {
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
