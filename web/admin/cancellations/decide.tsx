// Approve a cancellation request (order cancelled, stock back, refund made) or
// reject it with a reason the customer reads. Used by the list and the detail.
// Both are final, so each asks first in the page and then says what it did.
// The reject form is always shown, not folded in a <details>: a <summary> is
// not a button to assistive technology, so "Reject" would be found only as text.
import { useState } from 'preact/hooks';
import type { Cancellation } from '#shared/domain/cancellation';
import { api } from '../../api/client.ts';
import { Confirm } from '../../ui/confirm.tsx';
import { ErrorSummary, Field, inputValue, useSubmission } from '../../ui/form.tsx';
import { money } from '../../ui/format.ts';
import { announce } from '../../ui/status-message.tsx';
import { underPrefix } from '../form-kit.ts';

/** What approving did, in the order's currency (a cancellation carries none of its own). */
async function approve(cancellation: Cancellation): Promise<string> {
  const approved = await api('cancellations.approve', { params: { id: cancellation.id }, ifMatch: cancellation.version });
  const cancelled = `Cancellation approved. Order ${approved.orderNumber} is cancelled`;
  if (!approved.refundAmount) return `${cancelled}; nothing was paid, so nothing is refunded.`;
  const order = await api('orders.adminGet', { params: { orderId: approved.orderId } });
  return `${cancelled} and a refund of ${money(approved.refundAmount, order.currency)} was created.`;
}

export function DecideCancellation({ cancellation, orderNumber, onChange }: { cancellation: Cancellation; orderNumber: string; onChange: () => void }) {
  const prefix = `cancellation-${cancellation.id}`;
  const [reason, setReason] = useState('');
  const approval = useSubmission(
    () => approve(cancellation),
    (said) => {
      announce(said);
      onChange();
    },
  );
  const reject = useSubmission(
    () =>
      api('cancellations.reject', { params: { id: cancellation.id }, body: { rejectionReason: reason.trim() }, ifMatch: cancellation.version }).catch(
        underPrefix(prefix),
      ),
    () => {
      announce(`Cancellation of order ${orderNumber} rejected. The customer was emailed your reason.`);
      onChange();
    },
    () => (reason.trim() ? [] : [{ path: `${prefix}.rejectionReason`, message: 'tell the customer why' }]),
  );
  if (cancellation.status !== 'requested') return null;
  return (
    <div class="decide">
      <form onSubmit={(e) => e.preventDefault()} aria-label={`Approve the cancellation of order ${orderNumber}`}>
        <ErrorSummary error={approval.error} />
        <Confirm
          action={`Approve cancellation of order ${orderNumber}`}
          question={`Are you sure you want to approve this cancellation? Order ${orderNumber} is cancelled and refunded. It cannot be undone.`}
          confirm="Yes, cancel and refund the order"
          keep="No, decide later"
          busy={approval.submitting}
          onConfirm={approval.submit}
        />
      </form>
      <form onSubmit={(e) => e.preventDefault()} aria-label={`Reject the cancellation of order ${orderNumber}`} noValidate>
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
        <Confirm
          action={`Reject cancellation of order ${orderNumber}`}
          question="Are you sure you want to reject this cancellation? It cannot be undone."
          confirm="Yes, reject it"
          keep="No, decide later"
          busy={reject.submitting}
          ready={reject.ready}
          onConfirm={reject.submit}
        >
          <p>The order goes ahead and the customer is emailed your reason.</p>
        </Confirm>
      </form>
    </div>
  );
}
