// One cancellation (where the admins' email links): the request, the order it
// cancels, and the decision while it is requested.
import { api } from '../../api/client.ts';
import { APP_BASE } from '../../base.ts';
import { bankAccount, formatDateTime, money, words } from '../../ui/format.ts';
import { paymentMethodWords } from '../../ui/names.ts';
import { Loaded, useLoad } from '../../ui/states.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { DecideCancellation } from './decide.tsx';

export function CancellationDetail({ id }: { id: string }) {
  const [state, reload] = useLoad(
    async (signal) => {
      const cancellation = await api('cancellations.adminGet', { params: { id }, signal });
      const [order, reasons] = await Promise.all([
        api('orders.adminGet', { params: { orderId: cancellation.orderId }, signal }),
        api('settings.adminReasons', { query: { kind: 'cancellation' }, signal }),
      ]);
      return { cancellation, order, reason: reasons.items.find((r) => r.id === cancellation.reasonId)?.label ?? cancellation.reasonId };
    },
    [id],
  );
  return (
    <Loaded state={state} onRetry={reload}>
      {({ cancellation: c, order, reason }) => (
        <>
          <hgroup>
            <h1>Cancellation of order {c.orderNumber}</h1>
            <p>
              <StatusBadge status={c.status} /> Requested by the {c.requestedBy} {formatDateTime(c.createdAt)}
            </p>
          </hgroup>
          <dl class="facts">
            <dt>Order</dt>
            <dd>
              <a href={`${APP_BASE}/admin/orders/${c.orderId}`}>Order {c.orderNumber}</a> · {words(order.status).toLowerCase()} ·{' '}
              {money(order.totals.total, order.currency)} by {paymentMethodWords(order.paymentMethod).toLowerCase()}, {words(order.paymentStatus).toLowerCase()}
            </dd>
            <dt>Reason</dt>
            <dd>
              {reason}
              {c.reasonText ? `: ${c.reasonText}` : ''}
            </dd>
            <dt>Comment</dt>
            <dd>{c.comment ?? '—'}</dd>
            <dt>Refund account</dt>
            <dd>{c.refundAccount ? bankAccount(c.refundAccount) : '—'}</dd>
            <dt>Refund</dt>
            <dd>{c.refundAmount === null ? '—' : money(c.refundAmount, order.currency)}</dd>
            {c.rejectionReason ? (
              <>
                <dt>Rejected because</dt>
                <dd>{c.rejectionReason}</dd>
              </>
            ) : null}
          </dl>
          <DecideCancellation cancellation={c} orderNumber={c.orderNumber} onChange={reload} />
        </>
      )}
    </Loaded>
  );
}
