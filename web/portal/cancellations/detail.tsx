// One of my cancellations: what I asked and when, where the refund goes, and
// what the shop decided (declined and why, or approved and refunded).
import { api } from '../../api/client.ts';
import { APP_BASE } from '../../base.ts';
import { t } from '../../i18n/locale.ts';
import { bankAccount, formatDateTime, money } from '../../ui/format.ts';
import { Loaded, useLoad } from '../../ui/states.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';

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
            <h1>{t('web.cancellation.title', { number: c.orderNumber })}</h1>
            <p>
              {t('web.cancellation.asked', { date: formatDateTime(c.createdAt) })} · <StatusBadge status={c.status} kind="cancellation" />
            </p>
          </hgroup>
          <p>{t('web.cancellation.next', { status: c.status })}</p>
          {c.rejectionReason ? (
            <p class="notice">
              <strong>{t('web.return.declinedWhy')}</strong> {c.rejectionReason}
            </p>
          ) : null}
          <dl class="facts">
            <dt>{t('web.col.order')}</dt>
            <dd>
              <a href={`${APP_BASE}/orders/${c.orderId}`}>{t('web.return.viewOrder', { number: c.orderNumber })}</a>
            </dd>
            <dt>{t('web.col.reason')}</dt>
            <dd>{[reason, c.reasonText].filter(Boolean).join(': ') || '—'}</dd>
            {c.refundAccount ? (
              <>
                <dt>{t('web.cancellation.refundTo')}</dt>
                <dd>{bankAccount(c.refundAccount)}</dd>
              </>
            ) : null}
            {c.refundAmount !== null ? (
              <>
                <dt>{t('web.col.refund')}</dt>
                <dd>{money(c.refundAmount, currency)}</dd>
              </>
            ) : null}
            {c.voucherCode ? (
              <>
                <dt>{t('web.cancellation.voucherCode')}</dt>
                <dd>
                  <strong>{c.voucherCode}</strong>
                </dd>
              </>
            ) : null}
          </dl>
          <p>
            <a href={`${APP_BASE}/cancellations`}>{t('web.cancellation.all')}</a>
          </p>
        </>
      )}
    </Loaded>
  );
}
