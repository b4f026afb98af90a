// The back office's first screen: what is waiting for staff, counted by
// GET /admin/summary, each count a link to its list.
import type { ReturnStatus } from '#shared/domain/return-status';
import { api } from '../../api/client.ts';
import { APP_BASE } from '../../base.ts';
import { t } from '../../i18n/locale.ts';
import { Loaded, useLoad } from '../../ui/states.tsx';
import { statusLabel } from '../../ui/status-badge.tsx';

interface Queue {
  readonly label: string;
  readonly count: number;
  readonly href: string;
}

const OPEN_RETURNS = ['new', 'picked_up', 'pending_verification', 'approved', 'partially_approved'] as const satisfies readonly ReturnStatus[];

export function AdminHome() {
  const [state, reload] = useLoad((signal) => api('orders.summary', { signal }), []);
  return (
    <>
      <h1>{t('web.route.backOffice')}</h1>
      <Loaded state={state} onRetry={reload}>
        {(summary) => (
          <>
            <QueueGroup
              id="returns"
              title={t('web.route.returns')}
              queues={OPEN_RETURNS.map((s) => ({ label: statusLabel(s, 'return'), count: summary.returns[s], href: `${APP_BASE}/admin/returns?status=${s}` }))}
            />
            <QueueGroup
              id="cancellations"
              title={t('web.route.cancellations')}
              queues={[
                { label: t('web.admin.queue.toDecide'), count: summary.cancellations.requested, href: `${APP_BASE}/admin/cancellations?status=requested` },
              ]}
            />
            <QueueGroup
              id="refund-transactions"
              title={t('web.route.refundTransactions')}
              queues={[
                { label: t('web.admin.queue.pending'), count: summary.refundTransactions.pending, href: `${APP_BASE}/admin/payouts?status=pending` },
                { label: t('web.admin.queue.failed'), count: summary.refundTransactions.failed, href: `${APP_BASE}/admin/payouts?status=failure` },
              ]}
            />
          </>
        )}
      </Loaded>
    </>
  );
}

/** `id` keys the heading in every language (a title like "Rücksendungen" makes no id). */
function QueueGroup({ id, title, queues }: { id: string; title: string; queues: readonly Queue[] }) {
  return (
    <section aria-labelledby={`queue-${id}`}>
      <h2 id={`queue-${id}`}>{title}</h2>
      <ul class="queues">
        {queues.map((q) => (
          <li key={q.href}>
            <a href={q.href}>
              <span>
                <span class="visually-hidden">{title}: </span>
                {q.label}
              </span>{' '}
              <strong class="count">{q.count}</strong>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
