// An endpoint's deliveries, newest first: event, status, the last attempt's
// status code, duration and error, the next retry; a failed one can be retried.
import { type ApiResult, api } from '../../api/client.ts';
import { ErrorSummary, useSubmission } from '../../ui/form.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Loaded, useLoad } from '../../ui/states.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { type Column, ListTable, PagedList, useCursor } from '../list-kit.tsx';

type Delivery = ApiResult<'webhooks.deliveries'>['items'][number];

export function Deliveries({ id, round }: { id: string; round: number }) {
  const [cursor, setCursor] = useCursor([id]);
  const [state, reload] = useLoad((signal) => api('webhooks.deliveries', { params: { id }, query: { limit: 20, cursor }, signal }), [id, cursor, round]);
  const columns: readonly Column<Delivery>[] = [
    { header: 'Event', cell: (d) => `${d.eventType} ${d.eventId}` },
    { header: 'Status', cell: (d) => <StatusBadge status={d.status} /> },
    { header: 'Status code', cell: (d) => (d.statusCode === null ? '—' : String(d.statusCode)) },
    { header: 'Duration', amount: true, cell: (d) => (d.durationMs === null ? '—' : `${d.durationMs} ms`) },
    { header: 'Error', cell: (d) => d.error ?? '' },
    { header: 'Next retry', cell: (d) => (d.nextRetryAt ? formatDateTime(d.nextRetryAt) : '') },
    { header: 'Action', cell: (d) => (d.status === 'failed' ? <RetryDelivery endpointId={id} delivery={d} onDone={reload} /> : null) },
  ];
  return (
    <section aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">Deliveries</h2>
      <Loaded state={state} onRetry={reload}>
        {(page) => (
          <PagedList page={page} cursor={cursor} onPage={setCursor} empty="Nothing delivered yet.">
            {(items) => <ListTable columns={columns} rows={items} />}
          </PagedList>
        )}
      </Loaded>
    </section>
  );
}

function RetryDelivery({ endpointId, delivery, onDone }: { endpointId: string; delivery: Delivery; onDone: () => void }) {
  const retry = useSubmission(() => api('webhooks.retry', { params: { id: endpointId, deliveryId: delivery.id } }), onDone);
  return (
    <form onSubmit={retry.onSubmit} aria-label={`Retry delivery ${delivery.id}`}>
      <ErrorSummary error={retry.error} />
      <button type="submit" class="secondary outline" aria-busy={retry.submitting ? 'true' : undefined}>
        Retry
      </button>
    </form>
  );
}
