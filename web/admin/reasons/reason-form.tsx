// One reason's form: a new one (POST /admin/reasons) or an edit (PUT with If-Match).
import { useState } from 'preact/hooks';
import type { Reason, ReasonKind } from '#shared/domain/reason';
import { api } from '../../api/client.ts';
import { useIntentKey } from '../../api/intent-key.ts';
import { ErrorSummary, Field, inputValue, useSubmission } from '../../ui/form.tsx';
import { announce } from '../../ui/status-message.tsx';
import { underPrefix } from '../form-kit.ts';

export function ReasonForm({ reason, onDone }: { reason?: Reason; onDone: () => void }) {
  const prefix = reason ? `reason-${reason.id}` : 'new-reason';
  const [kind, setKind] = useState<ReasonKind>(reason?.kind ?? 'return');
  const [label, setLabel] = useState(reason?.label ?? '');
  const [code, setCode] = useState(reason?.code ?? '');
  const [maxDays, setMaxDays] = useState(reason?.maxDays === null || reason === undefined ? '' : String(reason.maxDays));
  const intent = useIntentKey();
  const body = () => ({
    kind,
    label: label.trim(),
    ...(code.trim() ? { code: code.trim() } : {}),
    maxDays: kind === 'return' && maxDays.trim() ? Number(maxDays) : null,
  });
  const sub = useSubmission(
    () =>
      (reason
        ? api('settings.updateReason', { params: { id: reason.id }, body: body(), ifMatch: reason.version })
        : api('settings.createReason', { body: body(), idempotencyKey: intent.keyFor(body()) })
      ).catch(underPrefix(prefix)),
    () => {
      announce(reason ? `Reason “${label.trim()}” saved.` : `Reason “${label.trim()}” added.`);
      if (!reason) {
        setLabel('');
        setCode('');
        setMaxDays('');
        intent.renew();
      }
      onDone();
    },
    () => [
      ...(label.trim() ? [] : [{ path: `${prefix}.label`, message: 'is required' }]),
      ...(maxDays.trim() === '' || /^\d+$/.test(maxDays.trim()) ? [] : [{ path: `${prefix}.maxDays`, message: 'must be a whole number of days' }]),
    ],
  );
  const f = (name: string) => `${prefix}.${name}`;
  const labels = { [f('kind')]: 'Kind', [f('label')]: 'Label', [f('code')]: 'Code', [f('maxDays')]: 'Days to return' };
  return (
    <form onSubmit={sub.onSubmit} aria-label={reason ? `Edit ${reason.label}` : 'New reason'} noValidate>
      <ErrorSummary error={sub.error} labels={labels} />
      <div class="grid-fields">
        <Field path={f('kind')} label="Kind" error={sub.errorFor(f('kind'))}>
          {(c) => (
            <select {...c} value={kind} onChange={(e) => setKind(inputValue(e) as ReasonKind)}>
              <option value="return">Return</option>
              <option value="cancellation">Cancellation</option>
            </select>
          )}
        </Field>
        <Field path={f('label')} label="Label" hint="What the customer reads" error={sub.errorFor(f('label'))}>
          {(c) => <input {...c} type="text" value={label} onInput={(e) => setLabel(inputValue(e))} />}
        </Field>
        <Field path={f('code')} label="Code (optional)" hint="Made from the label when empty" error={sub.errorFor(f('code'))}>
          {(c) => <input {...c} type="text" value={code} onInput={(e) => setCode(inputValue(e))} />}
        </Field>
        {kind === 'return' ? (
          <Field path={f('maxDays')} label="Days to return (optional)" hint="Empty: the shop's return window" error={sub.errorFor(f('maxDays'))}>
            {(c) => <input {...c} type="number" min={0} value={maxDays} onInput={(e) => setMaxDays(inputValue(e))} />}
          </Field>
        ) : null}
      </div>
      <button type="submit" aria-busy={sub.submitting ? 'true' : undefined}>
        {reason ? `Save “${reason.label}”` : 'Add reason'}
      </button>
    </form>
  );
}
