// An admin cancels any order that is not final, with a reason (refunded at once
// when it was paid). Reasons are the shop's active cancellation reasons. The
// form is shown, not folded in a <details>: a <summary> is no button to
// assistive technology. Choosing a reason first keeps it from a stray click.
import { useState } from 'preact/hooks';
import { isFinalOrderStatus } from '#shared/domain/order-transitions';
import { api, newIdempotencyKey } from '../../api/client.ts';
import { ErrorSummary, Field, inputValue, useSubmission } from '../../ui/form.tsx';
import { Loaded, useLoad } from '../../ui/states.tsx';
import type { AdminOrder } from './detail.tsx';

export function AdminCancel({ order, onChange }: { order: AdminOrder; onChange: () => void }) {
  if (isFinalOrderStatus(order.status)) return null;
  return (
    <section aria-labelledby="cancel-title">
      <h2 id="cancel-title">Cancel the order</h2>
      <CancelForm order={order} onChange={onChange} />
    </section>
  );
}

function CancelForm({ order, onChange }: { order: AdminOrder; onChange: () => void }) {
  const [reasons, reload] = useLoad((signal) => api('settings.adminReasons', { query: { kind: 'cancellation', active: 'true' }, signal }), []);
  const [reasonId, setReasonId] = useState('');
  const [comment, setComment] = useState('');
  const [key] = useState(newIdempotencyKey);
  const sub = useSubmission(
    () =>
      api('cancellations.adminCancel', {
        params: { orderId: order.id },
        body: { reasonId, ...(comment.trim() ? { comment: comment.trim() } : {}) },
        idempotencyKey: key,
      }),
    onChange,
    () => (reasonId ? [] : [{ path: 'reasonId', message: 'choose a reason' }]),
  );
  return (
    <Loaded state={reasons} onRetry={reload}>
      {(list) => (
        <form onSubmit={sub.onSubmit} aria-label="Cancel the order" noValidate>
          <ErrorSummary error={sub.error} labels={{ reasonId: 'Reason', comment: 'Comment' }} />
          <Field path="reasonId" label="Reason" error={sub.errorFor('reasonId')}>
            {(c) => (
              <select {...c} value={reasonId} onChange={(e) => setReasonId(inputValue(e))}>
                <option value="">Choose a reason</option>
                {list.items.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field path="comment" label="Comment (optional)" error={sub.errorFor('comment')}>
            {(c) => <textarea {...c} rows={2} value={comment} onInput={(e) => setComment(inputValue(e))} />}
          </Field>
          <button type="submit" class="contrast" aria-busy={sub.submitting ? 'true' : undefined}>
            Cancel order {order.number}
          </button>
        </form>
      )}
    </Loaded>
  );
}
