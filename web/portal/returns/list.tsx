// My returns (seed 002's "My returns"), newest first.
import { useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { APP_BASE } from '../../base.ts';
import { formatDate, money } from '../../ui/format.ts';
import { Pager } from '../../ui/pager.tsx';
import { Empty, Loaded, useLoad } from '../../ui/states.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { TableScroll } from '../../ui/table-scroll.tsx';

export function ReturnList() {
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const [state, reload] = useLoad((signal) => api('returns.list', { query: { limit: 20, ...(cursor ? { cursor } : {}) }, signal }), [cursor]);
  return (
    <>
      <h1>My returns</h1>
      <p>
        To return something, open the order in <a href={`${APP_BASE}/orders`}>My orders</a> and choose “Request a return”.
      </p>
      <Loaded state={state} onRetry={reload}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>You have not asked to return anything.</Empty>
          ) : (
            <>
              <TableScroll label="My returns">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Return</th>
                      <th scope="col">Requested</th>
                      <th scope="col">Status</th>
                      <th scope="col" class="amount">
                        Refund
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((r) => (
                      <tr key={r.id}>
                        <td>
                          <a href={`${APP_BASE}/returns/${r.id}`}>Return for order {r.orderNumber}</a>
                        </td>
                        <td>{formatDate(r.createdAt)}</td>
                        <td>
                          <StatusBadge status={r.status} />
                        </td>
                        <td class="amount">{r.refundAmount === null ? '—' : money(r.refundAmount, r.currency)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
              <Pager cursor={cursor} nextCursor={page.nextCursor} onPage={setCursor} older="Older returns" />
            </>
          )
        }
      </Loaded>
    </>
  );
}
