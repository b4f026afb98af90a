// The payout queue (GET /admin/refund-transactions): refund transactions across
// orders by status and gateway — bank transfers to send, failures to retry.
import { useState } from 'preact/hooks';
import type { RefundGateway, TransactionStatus } from '#shared/domain/refund';
import { api } from '../../api/client.ts';
import { APP_BASE } from '../../base.ts';
import { inputValue } from '../../ui/form.tsx';
import { formatDateTime, money, words } from '../../ui/format.ts';
import { Empty, Loaded, useLoad } from '../../ui/states.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { Pager, useQueryParam } from '../list-kit.tsx';
import { Settle } from '../orders/settle.tsx';
import { GATEWAY_LIST, TRANSACTION_STATUS_LIST } from '../statuses.ts';

export function PayoutList() {
  const [status, setStatus] = useQueryParam('status');
  const [gateway, setGateway] = useQueryParam('gateway');
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const chosen = (TRANSACTION_STATUS_LIST as readonly string[]).includes(status) ? (status as TransactionStatus) : undefined;
  const via = (GATEWAY_LIST as readonly string[]).includes(gateway) ? (gateway as RefundGateway) : undefined;
  const [state, reload] = useLoad(
    (signal) => api('refunds.transactions', { query: { limit: 20, status: chosen, gateway: via, cursor }, signal }),
    [chosen, via, cursor],
  );
  const filter = (label: string, value: string, options: readonly string[], onValue: (v: string) => void) => (
    <label>
      {label}
      <select
        value={value}
        onChange={(e) => {
          setCursor(undefined);
          onValue(inputValue(e));
        }}
      >
        <option value="">All</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {words(o)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <>
      <h1>Refund transactions</h1>
      <div class="filters">
        {filter('Status', chosen ?? '', TRANSACTION_STATUS_LIST, setStatus)}
        {filter('Gateway', via ?? '', GATEWAY_LIST, setGateway)}
      </div>
      <Loaded state={state} onRetry={reload}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>No refund transactions match.</Empty>
          ) : (
            <>
              <ul class="cards">
                {page.items.map((row) => (
                  <li key={row.id}>
                    <article aria-label={`${money(row.amount, row.currency)} by ${words(row.gateway).toLowerCase()}`}>
                      <p>
                        <StatusBadge status={row.status} /> <strong>{money(row.amount, row.currency)}</strong> by {words(row.gateway).toLowerCase()} ·{' '}
                        {formatDateTime(row.createdAt)} ·{' '}
                        <a href={`${APP_BASE}/admin/orders/${row.orderId}#refunds`}>{words(row.source.type)} refund of the order</a>
                        {row.message ? ` · ${row.message}` : ''}
                      </p>
                      {row.status === 'pending' ? <Settle refundId={row.refundId} txn={row} onChange={reload} /> : null}
                    </article>
                  </li>
                ))}
              </ul>
              <Pager cursor={cursor} next={page.nextCursor} onPage={setCursor} />
            </>
          )
        }
      </Loaded>
    </>
  );
}
