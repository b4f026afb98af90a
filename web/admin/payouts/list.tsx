// The payout queue (GET /admin/refund-transactions): refund transactions across
// orders by status and gateway — bank transfers to send, failures to retry.
import { api } from '../../api/client.ts';
import { APP_BASE } from '../../base.ts';
import { useChoice, useCursor } from '../../ui/address.ts';
import { formatDateTime, money, words } from '../../ui/format.ts';
import { Loaded, useLoad } from '../../ui/states.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { ChoiceFilter, PagedList } from '../list-kit.tsx';
import { TransactionAction } from '../settle.tsx';
import { GATEWAY_LIST, TRANSACTION_STATUS_LIST } from '../statuses.ts';

export function PayoutList() {
  const [chosen, setStatus] = useChoice('status', TRANSACTION_STATUS_LIST);
  const [via, setGateway] = useChoice('gateway', GATEWAY_LIST);
  const [cursor, setCursor] = useCursor();
  const [state, reload] = useLoad(
    (signal) => api('refunds.transactions', { query: { limit: 20, status: chosen, gateway: via, cursor }, signal }),
    [chosen, via, cursor],
  );
  return (
    <>
      <h1>Refund transactions</h1>
      <div class="filters">
        <ChoiceFilter label="Status" value={chosen} options={TRANSACTION_STATUS_LIST} onChange={setStatus} />
        <ChoiceFilter label="Gateway" value={via} options={GATEWAY_LIST} onChange={setGateway} />
      </div>
      <Loaded state={state} onRetry={reload}>
        {(page) => (
          <PagedList page={page} cursor={cursor} onPage={setCursor} empty="No refund transactions match.">
            {(items) => (
              <ul class="cards">
                {items.map((row) => (
                  <li key={row.id}>
                    <article aria-label={`${money(row.amount, row.currency)} by ${words(row.gateway).toLowerCase()}`}>
                      <p>
                        <StatusBadge status={row.status} /> <strong>{money(row.amount, row.currency)}</strong> by {words(row.gateway).toLowerCase()} ·{' '}
                        {formatDateTime(row.createdAt)} ·{' '}
                        <a href={`${APP_BASE}/admin/orders/${row.orderId}#refunds`}>{words(row.source.type)} refund of the order</a>
                        {row.message ? ` · ${row.message}` : ''}
                      </p>
                      <TransactionAction refundId={row.refundId} txn={row} onChange={reload} />
                    </article>
                  </li>
                ))}
              </ul>
            )}
          </PagedList>
        )}
      </Loaded>
    </>
  );
}
