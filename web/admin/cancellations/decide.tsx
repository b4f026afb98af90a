// Approve a cancellation request (order cancelled, stock back, refund made) or
// reject it with a reason the customer reads. Used by the list and the detail.
// The reject form is always shown, not folded in a <details>: a <summary> is
// not a button to assistive technology, so "Reject" would be found only as text.
import { useState } from 'preact/hooks';
import type { Cancellation } from '#shared/domain/cancellation';
import { api } from '../../api/client.ts';
import { ErrorSummary, Field, inputValue, useSubmission } from '../../ui/form.tsx';
import { underPrefix } from '../form-kit.ts';

export function DecideCancellation({ cancellation, orderNumber, onChange }: { cancellation: Cancellation; orderNumber: string; onChange: () => void }) {
  const prefix = `cancellation-${cancellation.id}`;
  const [reason, setReason] = useState('');
  const approve = useSubmission(() => api('cancellations.approve', { params: { id: cancellation.id }, ifMatch: cancellation.version }), onChange);
  const reject = useSubmission(
    () =>
      api('cancellations.reject', { params: { id: cancellation.id }, body: { rejectionReason: reason.trim() }, ifMatch: cancellation.version }).catch(
        underPrefix(prefix),
      ),
    onChange,
    () => (reason.trim() ? [] : [{ path: `${prefix}.rejectionReason`, message: 'tell the customer why' }]),
  );
  if (cancellation.status !== 'requested') return null;
  return (
    <div class="decide">
      <form onSubmit={approve.onSubmit} aria-label={`Approve the cancellation of order ${orderNumber}`}>
        <ErrorSummary error={approve.error} />
        <button type="submit" aria-busy={approve.submitting ? 'true' : undefined}>
          Approve cancellation of order {orderNumber}
        </button>
      </form>
      <form onSubmit={reject.onSubmit} aria-label={`Reject the cancellation of order ${orderNumber}`} noValidate>
        <ErrorSummary error={reject.error} labels={{ [`${prefix}.rejectionReason`]: 'Rejection reason' }} />
        <Field
          path={`${prefix}.rejectionReason`}
          label={
            <>
              Rejection reason<span class="visually-hidden"> for order {orderNumber}</span>
            </>
          }
          hint="Shown to the customer; needed only to reject"
          error={reject.errorFor(`${prefix}.rejectionReason`)}
        >
          {(c) => <textarea {...c} rows={2} value={reason} onInput={(e) => setReason(inputValue(e))} />}
        </Field>
        <button type="submit" class="secondary" aria-busy={reject.submitting ? 'true' : undefined}>
          Reject cancellation of order {orderNumber}
        </button>
      </form>
    </div>
  );
}
