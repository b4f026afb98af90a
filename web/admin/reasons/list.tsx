// The shop's reason lists (seed 002's custom return options, seed 003's
// reason tables): every reason, inactive ones included, to add, edit, and
// switch off (old records keep what they named). Switching one off asks first.
import { useState } from 'preact/hooks';
import type { Reason, ReasonKind } from '#shared/domain/reason';
import { api } from '../../api/client.ts';
import { Confirm } from '../../ui/confirm.tsx';
import { ErrorSummary, useSubmission } from '../../ui/form.tsx';
import { words } from '../../ui/format.ts';
import { Empty, Loaded, useLoad } from '../../ui/states.tsx';
import { announce } from '../../ui/status-message.tsx';
import { ReasonForm } from './reason-form.tsx';

export function ReasonList() {
  const [state, reload] = useLoad((signal) => api('settings.adminReasons', { signal }), []);
  return (
    <>
      <h1>Reasons</h1>
      <Loaded state={state} onRetry={reload}>
        {(list) => (
          <>
            {(['return', 'cancellation'] as const satisfies readonly ReasonKind[]).map((kind) => (
              <ReasonTable key={kind} kind={kind} reasons={list.items.filter((r) => r.kind === kind)} onChange={reload} />
            ))}
          </>
        )}
      </Loaded>
      <section aria-labelledby="new-reason-title">
        <h2 id="new-reason-title">New reason</h2>
        <ReasonForm onDone={reload} />
      </section>
    </>
  );
}

function ReasonTable({ kind, reasons, onChange }: { kind: ReasonKind; reasons: readonly Reason[]; onChange: () => void }) {
  return (
    <section aria-labelledby={`reasons-${kind}`}>
      <h2 id={`reasons-${kind}`}>{words(kind)} reasons</h2>
      {reasons.length === 0 ? (
        <Empty>None yet.</Empty>
      ) : (
        <ul class="cards">
          {reasons.map((reason) => (
            <li key={reason.id}>
              <ReasonRow reason={reason} onChange={onChange} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The edit form opens under a real button (a <summary> is no button to assistive technology). */
function ReasonRow({ reason, onChange }: { reason: Reason; onChange: () => void }) {
  const [editing, setEditing] = useState(false);
  const formId = `edit-${reason.id}`;
  const toggle = useSubmission(
    () => api('settings.updateReason', { params: { id: reason.id }, body: { active: !reason.active }, ifMatch: reason.version }),
    () => {
      announce(
        reason.active
          ? `“${reason.label}” deactivated. Customers can no longer choose it; records that name it keep it.`
          : `“${reason.label}” activated. Customers can choose it again.`,
      );
      onChange();
    },
  );
  return (
    <article aria-label={reason.label}>
      <p>
        <strong>{reason.label}</strong> <code>{reason.code}</code> · {reason.active ? 'active' : 'inactive'}
        {reason.kind === 'return' ? ` · ${reason.maxDays === null ? 'shop return window' : `${reason.maxDays} days to return`}` : ''}
      </p>
      <form onSubmit={toggle.onSubmit} aria-label={`Switch ${reason.label}`}>
        <ErrorSummary error={toggle.error} />
        {reason.active ? (
          <Confirm
            action={`Deactivate “${reason.label}”`}
            question={`Are you sure you want to deactivate “${reason.label}”?`}
            confirm="Yes, deactivate it"
            keep="No, keep it active"
            busy={toggle.submitting}
            onConfirm={toggle.submit}
          >
            <p>Customers can no longer choose it. Requests that already name it keep it, and you can activate it again.</p>
          </Confirm>
        ) : (
          <button type="submit" class="secondary outline" aria-busy={toggle.submitting ? 'true' : undefined}>
            Activate “{reason.label}”
          </button>
        )}
      </form>
      <button type="button" class="secondary outline" aria-expanded={editing ? 'true' : 'false'} aria-controls={formId} onClick={() => setEditing(!editing)}>
        Edit “{reason.label}”
      </button>
      <div id={formId} hidden={!editing}>
        {editing ? (
          <ReasonForm
            reason={reason}
            onDone={() => {
              setEditing(false);
              onChange();
            }}
          />
        ) : null}
      </div>
    </article>
  );
}
