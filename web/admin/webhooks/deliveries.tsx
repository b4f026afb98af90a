// An endpoint's deliveries, newest first: event, status, the last attempt's
// status code, duration and error, the next retry; a failed one can be retried.
// A delivery just made (a ping, a retry) is followed until it settles: the list
// reloads every second while it is pending, at most POLLS times.
import { useEffect, useRef, useState } from 'preact/hooks';
import { type ApiResult, api } from '../../api/client.ts';
import { useCursor } from '../../ui/address.ts';
import { ErrorSummary, useSubmission } from '../../ui/form.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Loaded, useLoad } from '../../ui/states.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { announce } from '../../ui/status-message.tsx';
import { type Column, ListTable, PagedList } from '../list-kit.tsx';

type Delivery = ApiResult<'webhooks.deliveries'>['items'][number];

const POLLS = 15;
const POLL_MS = 1000;

/** `watch`: a delivery id to follow until it is no longer pending. */
export function Deliveries({ id, watch }: { id: string; watch: string | null }) {
  const [cursor, setCursor] = useCursor();
  // A new object each time: a delivery retried twice is followed twice.
  const [followed, follow] = useState<{ readonly id: string } | null>(null);
  useEffect(() => follow(watch ? { id: watch } : null), [watch]);
  const [state, reload] = useLoad((signal) => api('webhooks.deliveries', { params: { id }, query: { limit: 20, cursor }, signal }), [id, cursor, followed]);
  const polls = useRef(0);
  useEffect(() => {
    polls.current = 0;
  }, [followed]);
  useEffect(() => {
    if (!followed || state.status !== 'ok' || polls.current >= POLLS) return;
    const delivery = state.data.items.find((d) => d.id === followed.id);
    if (delivery && delivery.status !== 'pending') return;
    polls.current += 1;
    const timer = setTimeout(reload, POLL_MS);
    return () => clearTimeout(timer);
  }, [state, followed]);
  const columns: readonly Column<Delivery>[] = [
    { header: 'Event', cell: (d) => `${d.eventType} ${d.eventId}` },
    { header: 'Status', cell: (d) => <StatusBadge status={d.status} /> },
    { header: 'Status code', cell: (d) => (d.statusCode === null ? '—' : String(d.statusCode)) },
    { header: 'Duration', amount: true, cell: (d) => (d.durationMs === null ? '—' : `${d.durationMs} ms`) },
    { header: 'Error', cell: (d) => d.error ?? '' },
    { header: 'Next retry', cell: (d) => (d.nextRetryAt ? formatDateTime(d.nextRetryAt) : '') },
    {
      header: 'Action',
      cell: (d) => (d.status === 'failed' ? <RetryDelivery endpointId={id} delivery={d} onDone={(deliveryId) => follow({ id: deliveryId })} /> : null),
    },
  ];
  return (
    <section aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">Deliveries</h2>
      <Loaded state={state} onRetry={reload}>
        {(page) => (
          <PagedList page={page} cursor={cursor} onPage={setCursor} empty="Nothing delivered yet.">
            {(items) => <ListTable label="Delivery list" columns={columns} rows={items} />}
          </PagedList>
        )}
      </Loaded>
    </section>
  );
}

function RetryDelivery({ endpointId, delivery, onDone }: { endpointId: string; delivery: Delivery; onDone: (deliveryId: string) => void }) {
  const retry = useSubmission(
    () => api('webhooks.retry', { params: { id: endpointId, deliveryId: delivery.id } }),
    (again) => {
      announce(`Delivery of ${delivery.eventType} sent again.`);
      onDone(again.id);
    },
  );
  return (
    <form onSubmit={retry.onSubmit} aria-label={`Retry delivery ${delivery.id}`}>
      <ErrorSummary error={retry.error} />
      <button type="submit" class="secondary outline" aria-busy={retry.submitting ? 'true' : undefined}>
        Retry
      </button>
    </form>
  );
}
