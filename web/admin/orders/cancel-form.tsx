// An admin cancels any order that is not final, with a reason (refunded at once
// when it was paid). Reasons are the shop's active cancellation reasons. The
// form is shown, not folded in a <details>: a <summary> is no button to
// assistive technology. It is final, so it asks first, then says what it did.
import { useState } from 'preact/hooks';
import { isFinalOrderStatus } from '#shared/domain/order-transitions';
import { api } from '../../api/client.ts';
import { useIntentKey } from '../../api/intent-key.ts';
import { Confirm } from '../../ui/confirm.tsx';
import { ErrorSummary, Field, inputValue, useSubmission } from '../../ui/form.tsx';
import { money } from '../../ui/format.ts';
import { Loaded, useLoad } from '../../ui/states.tsx';
import { announce } from '../../ui/status-message.tsx';
import type { AdminOrder } from './order.ts';

export function AdminCancel({ order, onChange }: { order: AdminOrder; onChange: () => void }) {
  if (isFinalOrderStatus(order.status)) return null;
  return (
    <section aria-labelledby="cancel-title" class="danger-zone">
      <h2 id="cancel-title">Cancel the order</h2>
      <CancelForm order={order} onChange={onChange} />
    </section>
  );
}

function CancelForm({ order, onChange }: { order: AdminOrder; onChange: () => void }) {
  const [reasons, reload] = useLoad((signal) => api('settings.adminReasons', { query: { kind: 'cancellation', active: 'true' }, signal }), []);
  const [reasonId, setReasonId] = useState('');
  const [comment, setComment] = useState('');
  const intent = useIntentKey();
  const sub = useSubmission(
    () => {
      const body = { reasonId, ...(comment.trim() ? { comment: comment.trim() } : {}) };
      return api('cancellations.adminCancel', { params: { orderId: order.id }, body, idempotencyKey: intent.keyFor(body) });
    },
    (cancellation) => {
      announce(
        `Order ${order.number} cancelled.${cancellation.refundAmount ? ` A refund of ${money(cancellation.refundAmount, order.currency)} was created.` : ' Nothing was paid, so nothing is refunded.'}`,
      );
      onChange();
    },
    () => (reasonId ? [] : [{ path: 'reasonId', message: 'choose a reason' }]),
  );
  return (
    <Loaded state={reasons} onRetry={reload}>
      {(list) => (
        <form onSubmit={(e) => e.preventDefault()} aria-label="Cancel the order" noValidate>
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
          <Confirm
            action={`Cancel order ${order.number}`}
            question={`Are you sure you want to cancel order ${order.number}? It cannot be undone.`}
            confirm="Yes, cancel the order"
            keep="No, keep the order"
            busy={sub.submitting}
            ready={sub.ready}
            onConfirm={sub.submit}
          >
            <p>{order.paymentStatus === 'unpaid' ? 'Nothing was paid, so nothing is refunded.' : 'Stock goes back and what was paid is refunded.'}</p>
          </Confirm>
        </form>
      )}
    </Loaded>
  );
}
