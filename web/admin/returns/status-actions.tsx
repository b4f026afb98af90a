// Seed 002's check-status as actions: a button per next status the server
// allows now, the items still to verify, and a reason when denying. A 409
// (someone moved the request first) offers the moves legal now instead.
import { useRef, useState } from 'preact/hooks';
import type { NextStatuses } from '#shared/domain/return-request';
import type { ReturnStatus } from '#shared/domain/return-status';
import { api } from '../../api/client.ts';
import { ErrorSummary, Field, inputValue, useSubmission } from '../../ui/form.tsx';
import { AllowedTransitions } from '../../ui/transitions.tsx';
import type { AdminReturn } from './detail.tsx';

/** What each move is called on its button. */
const ACTION = {
  new: 'Reopen',
  picked_up: 'Mark picked up',
  pending_verification: 'Start verification',
  approved: 'Approve',
  partially_approved: 'Approve partially',
  denied: 'Deny',
  refunded: 'Refund',
  cancelled: 'Cancel request',
} as const satisfies Record<ReturnStatus, string>;

export function ReturnStatusActions({ request, next, onChange }: { request: AdminReturn; next: NextStatuses; onChange: () => void }) {
  // A ref, not state: the click that picks the move submits in the same tick.
  const target = useRef<ReturnStatus>('new');
  const [reason, setReason] = useState('');
  const sub = useSubmission(
    () =>
      api('returns.adminStatus', {
        params: { returnId: request.id },
        body: { status: target.current, ...(target.current === 'denied' ? { rejectionReason: reason.trim() } : {}) },
        ifMatch: request.version,
      }),
    () => {
      setReason('');
      onChange();
    },
    () => (target.current === 'denied' && !reason.trim() ? [{ path: 'rejectionReason', message: 'is required to deny a return request' }] : []),
  );
  const go = (status: ReturnStatus) => {
    target.current = status;
    sub.onSubmit(new Event('submit'));
  };
  const moves = next.nextStatuses.filter((s) => s !== 'denied');
  const mayDeny = next.nextStatuses.includes('denied');
  if (next.nextStatuses.length === 0 && next.requiredSteps.length === 0 && !sub.error) return null;
  return (
    <section aria-labelledby="next-title" class="next-steps">
      <h2 id="next-title">Next step</h2>
      {next.requiredSteps.length > 0 ? (
        <>
          <p>Verify these items before deciding:</p>
          <ul>
            {next.requiredSteps.map((step) => (
              <li key={step.lineItemId}>
                {step.title} ({step.sku}): {step.info}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          go('denied');
        }}
        aria-label="Change status"
        noValidate
      >
        <ErrorSummary error={sub.error} labels={{ rejectionReason: 'Rejection reason' }} />
        <AllowedTransitions error={sub.error} onChoose={(s) => go(s as ReturnStatus)} />
        {moves.length > 0 ? (
          <div class="actions">
            {moves.map((status) => (
              <button key={status} type="button" onClick={() => go(status)} aria-busy={sub.submitting && target.current === status ? 'true' : undefined}>
                {ACTION[status]}
              </button>
            ))}
          </div>
        ) : null}
        {mayDeny ? (
          <fieldset>
            <Field path="rejectionReason" label="Rejection reason" hint="Shown to the customer" error={sub.errorFor('rejectionReason')}>
              {(c) => <textarea {...c} rows={2} value={reason} onInput={(e) => setReason(inputValue(e))} />}
            </Field>
            <button type="submit" class="secondary">
              {ACTION.denied}
            </button>
          </fieldset>
        ) : null}
      </form>
    </section>
  );
}
