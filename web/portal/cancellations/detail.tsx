// One of my cancellations: what I asked and when, where the refund goes, and
// what the shop decided (declined and why, or approved and refunded).
import type { Cancellation } from '#shared/domain/cancellation';
import { api } from '../../api/client.ts';
import { APP_BASE } from '../../base.ts';
import { bankAccount, formatDateTime, money } from '../../ui/format.ts';
import { Loaded, useLoad } from '../../ui/states.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';

const NEXT: Record<Cancellation['status'], string> = {
  requested: 'The shop is reviewing your request and will email you its decision.',
  approved: 'The order is cancelled. Any refund is on its way: we will email you once it is paid.',
  rejected: 'The shop declined to cancel the order.',
  refunded: 'The order is cancelled and your refund has been paid.',
};

export function CancellationDetail({ cancellationId }: { cancellationId: string }) {
  const [state, reload] = useLoad(
    async (signal) => {
      const cancellation = await api('cancellations.get', { params: { cancellationId }, signal });
      const [order, reasons] = await Promise.all([
        api('orders.get', { params: { orderId: cancellation.orderId }, signal }),
        api('settings.reasons', { query: { kind: 'cancellation' }, signal }),
      ]);
      // Only active reasons are listed: an old record's retired one shows no label.
      return { c: cancellation, currency: order.currency, reason: reasons.items.find((r) => r.id === cancellation.reasonId)?.label };
    },
    [cancellationId],
  );
  return (
    <Loaded state={state} onRetry={reload}>
      {({ c, currency, reason }) => (
        <>
          <hgroup>
            <h1>Cancellation of order {c.orderNumber}</h1>
            <p>
              Asked {formatDateTime(c.createdAt)} · <StatusBadge status={c.status} />
            </p>
          </hgroup>
          <p>{NEXT[c.status]}</p>
          {c.rejectionReason ? (
            <p class="notice">
              <strong>Why it was declined:</strong> {c.rejectionReason}
            </p>
          ) : null}
          <dl class="facts">
            <dt>Order</dt>
            <dd>
              <a href={`${APP_BASE}/orders/${c.orderId}`}>View order {c.orderNumber}</a>
            </dd>
            <dt>Reason</dt>
            <dd>{[reason, c.reasonText].filter(Boolean).join(': ') || '—'}</dd>
            {c.refundAccount ? (
              <>
                <dt>Refund to</dt>
                <dd>{bankAccount(c.refundAccount)}</dd>
              </>
            ) : null}
            {c.refundAmount !== null ? (
              <>
                <dt>Refund</dt>
                <dd>{money(c.refundAmount, currency)}</dd>
              </>
            ) : null}
            {c.voucherCode ? (
              <>
                <dt>Voucher code</dt>
                <dd>
                  <strong>{c.voucherCode}</strong>
                </dd>
              </>
            ) : null}
          </dl>
          <p>
            <a href={`${APP_BASE}/cancellations`}>All my cancellations</a>
          </p>
        </>
      )}
    </Loaded>
  );
}
