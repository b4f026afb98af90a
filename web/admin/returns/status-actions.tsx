// Seed 002's check-status as actions: a button per next status the server
// allows now, the items still to verify, and a reason when denying. A 409
// (someone moved the request first) offers the moves legal now instead.
// Denying and cancelling are final: they sit apart and ask first.
import { useRef, useState } from 'preact/hooks';
import type { NextStatuses } from '#shared/domain/return-request';
import type { ReturnStatus } from '#shared/domain/return-status';
import { api } from '../../api/client.ts';
import { Confirm } from '../../ui/confirm.tsx';
import { ErrorSummary, Field, inputValue, useSubmission } from '../../ui/form.tsx';
import { money } from '../../ui/format.ts';
import { announce } from '../../ui/status-message.tsx';
import { AllowedTransitions } from '../../ui/transitions.tsx';
import type { AdminReturn } from './request.ts';

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

/** What the page says once a move is made. */
const DONE = {
  new: 'Return request reopened.',
  picked_up: 'Return marked picked up.',
  pending_verification: 'Verification started.',
  approved: 'Return approved.',
  partially_approved: 'Return partially approved.',
  denied: 'Return denied. The customer was told why.',
  refunded: 'Return refunded.',
  cancelled: 'Return request cancelled.',
} as const satisfies Record<ReturnStatus, string>;

const FINAL = ['denied', 'cancelled'] as const satisfies readonly ReturnStatus[];
const isFinal = (status: ReturnStatus): boolean => (FINAL as readonly ReturnStatus[]).includes(status);

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
    (moved) => {
      const refunded =
        moved.status === 'refunded' && moved.refundAmount !== null ? ` A refund of ${money(moved.refundAmount, moved.currency)} was created.` : '';
      announce(`${DONE[moved.status]}${refunded}`);
      setReason('');
      onChange();
    },
    () => (target.current === 'denied' && !reason.trim() ? [{ path: 'rejectionReason', message: 'is required to deny a return request' }] : []),
  );
  const go = (status: ReturnStatus) => {
    target.current = status;
    sub.submit();
  };
  const moves = next.nextStatuses.filter((s) => !isFinal(s));
  const mayDeny = next.nextStatuses.includes('denied');
  const mayCancel = next.nextStatuses.includes('cancelled');
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
      <form onSubmit={(e) => e.preventDefault()} aria-label="Change status" noValidate>
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
        {mayDeny || mayCancel ? (
          <div class="danger-zone">
            {mayDeny ? (
              <fieldset>
                <Field
                  path="rejectionReason"
                  label="Rejection reason"
                  hint="Shown to the customer; needed only to deny"
                  error={sub.errorFor('rejectionReason')}
                >
                  {(c) => <textarea {...c} rows={2} value={reason} onInput={(e) => setReason(inputValue(e))} />}
                </Field>
                <Confirm
                  action="Deny return"
                  question="Are you sure you want to deny this return? It cannot be undone."
                  confirm="Yes, deny this return"
                  keep="No, keep it open"
                  busy={sub.submitting && target.current === 'denied'}
                  ready={() => {
                    target.current = 'denied';
                    return sub.ready();
                  }}
                  onConfirm={() => go('denied')}
                >
                  <p>The customer is emailed your reason and nothing is refunded.</p>
                </Confirm>
              </fieldset>
            ) : null}
            {mayCancel ? (
              <Confirm
                action={ACTION.cancelled}
                question="Are you sure you want to cancel this return? It cannot be undone."
                confirm="Yes, cancel this return"
                keep="No, keep it"
                busy={sub.submitting && target.current === 'cancelled'}
                onConfirm={() => go('cancelled')}
              >
                <p>The request is closed without a refund; the customer can file a new one.</p>
              </Confirm>
            ) : null}
          </div>
        ) : null}
      </form>
    </section>
  );
}
