// The back office's first screen: what is waiting for staff, counted by
// GET /admin/summary, each count a link to its list.
import type { ReturnStatus } from '#shared/domain/return-status';
import { api } from '../../api/client.ts';
import { APP_BASE } from '../../base.ts';
import { words } from '../../ui/format.ts';
import { Loaded, useLoad } from '../../ui/states.tsx';

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
      <h1>Back office</h1>
      <Loaded state={state} onRetry={reload}>
        {(summary) => (
          <>
            <QueueGroup
              title="Returns"
              queues={OPEN_RETURNS.map((s) => ({ label: words(s), count: summary.returns[s], href: `${APP_BASE}/admin/returns?status=${s}` }))}
            />
            <QueueGroup
              title="Cancellations"
              queues={[{ label: 'To decide', count: summary.cancellations.requested, href: `${APP_BASE}/admin/cancellations?status=requested` }]}
            />
            <QueueGroup
              title="Refund transactions"
              queues={[
                { label: 'Pending', count: summary.refundTransactions.pending, href: `${APP_BASE}/admin/payouts?status=pending` },
                { label: 'Failed', count: summary.refundTransactions.failed, href: `${APP_BASE}/admin/payouts?status=failure` },
              ]}
            />
          </>
        )}
      </Loaded>
    </>
  );
}

function QueueGroup({ title, queues }: { title: string; queues: readonly Queue[] }) {
  const id = `queue-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
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
