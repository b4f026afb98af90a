// The order's refund ledger: each refund with what it covers and its
// transactions; a pending transaction is settled here (the money went out, or
// it failed).
import type { Refund } from '#shared/domain/refund';
import { whyNoNewAttempt } from '#shared/domain/refund-ledger';
import { api } from '../../api/client.ts';
import { AmountTable } from '../../ui/amount-table.tsx';
import { formatDateTime, money, words } from '../../ui/format.ts';
import { Empty, Loaded, useLoad } from '../../ui/states.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { TransactionAction } from '../settle.tsx';
import type { AdminOrder } from './order.ts';
import { RetryRefund } from './retry.tsx';

export function Refunds({ order, onChange }: { order: AdminOrder; onChange: () => void }) {
  const [state, reload] = useLoad(
    (signal) => api('refunds.list', { params: { orderId: order.id }, query: { limit: 100 }, signal }),
    // The order's version moves with every refund and settlement: reload with it.
    [order.id, order.version],
  );
  return (
    <section aria-labelledby="refunds" id="refunds-section">
      <h2 id="refunds">Refunds</h2>
      <Loaded state={state} onRetry={reload}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>Nothing has been refunded.</Empty>
          ) : (
            page.items.map((refund) => (
              <RefundCard
                key={refund.id}
                refund={refund}
                onChange={() => {
                  // A settlement may leave the order as it was: reload the ledger itself too.
                  reload();
                  onChange();
                }}
              />
            ))
          )
        }
      </Loaded>
    </section>
  );
}

/** "Restock fee", with its reason only when the reason says more than the kind ("Restock fee (restock fee)" said it twice). */
const adjustmentLabel = (a: Refund['orderAdjustments'][number]): string => {
  const kind = words(a.kind);
  return a.reason && a.reason.trim().toLowerCase() !== kind.toLowerCase() ? `${kind} (${a.reason})` : kind;
};

export function RefundSummary({ refund }: { refund: Pick<Refund, 'refundLineItems' | 'shipping' | 'orderAdjustments' | 'total' | 'currency'> }) {
  const m = (amount: number) => money(amount, refund.currency);
  const rows: [string, string][] = [
    ...refund.refundLineItems.map((l): [string, string] => [`${l.lineItem.title} × ${l.quantity}`, m(l.subtotal + l.tax)]),
    ...(refund.shipping.amount > 0 ? [['Shipping', m(refund.shipping.amount + refund.shipping.tax)] as [string, string]] : []),
    ...refund.orderAdjustments.map((a): [string, string] => [adjustmentLabel(a), m(a.amount + a.tax)]),
  ];
  return <AmountTable rows={rows} total={['Total', m(refund.total)]} />;
}

function RefundCard({ refund, onChange }: { refund: Refund; onChange: () => void }) {
  return (
    <article aria-labelledby={`refund-${refund.id}`}>
      <header>
        <h3 id={`refund-${refund.id}`}>
          Refund of {money(refund.total, refund.currency)} · {words(refund.source.type)}
        </h3>
        <small>
          {formatDateTime(refund.createdAt)} by {refund.userId}
          {refund.note ? ` — ${refund.note}` : ''}
        </small>
      </header>
      <RefundSummary refund={refund} />
      <p>Still owed: {money(refund.owed, refund.currency)}</p>
      <h4>Transactions</h4>
      <ul class="transactions">
        {refund.transactions.map((txn) => (
          <li key={txn.id}>
            <StatusBadge status={txn.status} /> {money(txn.amount, txn.currency)} by {words(txn.gateway).toLowerCase()} · {formatDateTime(txn.createdAt)}
            {txn.voucherCode ? ` · voucher ${txn.voucherCode}` : ''}
            {txn.message ? ` · ${txn.message}` : ''}
            <TransactionAction refundId={refund.id} txn={txn} onChange={onChange} />
          </li>
        ))}
      </ul>
      {whyNoNewAttempt(refund) === undefined ? <RetryRefund refundId={refund.id} owed={refund.owed} currency={refund.currency} onChange={onChange} /> : null}
    </article>
  );
}
