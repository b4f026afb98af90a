// The two fields every line of a return or an exchange asks for: how many units
// (0 up to what is still returnable, whole numbers only) and why.
import type { Reason } from '#shared/domain/reason';
import { t } from '../i18n/locale.ts';
import { Field, inputValue } from '../ui/form.tsx';

export function UnitsField(props: { path: string; label: string; error: string | undefined; max: number; value: number; onChange: (units: number) => void }) {
  return (
    <Field path={props.path} label={props.label} error={props.error}>
      {(control) => (
        <input
          {...control}
          type="number"
          min={0}
          max={props.max}
          step={1}
          inputMode="numeric"
          value={props.value}
          onInput={(e) => props.onChange(Math.max(0, Math.min(props.max, Number.parseInt(inputValue(e), 10) || 0)))}
        />
      )}
    </Field>
  );
}

export function ReasonField(props: {
  path: string;
  label: string;
  error: string | undefined;
  reasons: readonly Reason[];
  value: string;
  onChange: (reasonId: string) => void;
}) {
  return (
    <Field path={props.path} label={props.label} error={props.error}>
      {(control) => (
        <select {...control} value={props.value} onChange={(e) => props.onChange(inputValue(e))}>
          <option value="">{t('web.newReturn.chooseReason')}</option>
          {props.reasons.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
