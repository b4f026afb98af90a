// Forms the GOV.UK way: on a failed submit an error summary at the top, focused,
// linking to each bad field; each field shows its own message beside it.
// Messages come from the server's problem+json (the final word) or from the
// few checks the form makes first, in the same shape.
import type { ComponentChildren, TargetedEvent, VNode } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { FieldError } from '#shared/domain/errors';
import { ApiError, networkError } from '../api/problem.ts';
import { t } from '../i18n/locale.ts';
import { words } from './format.ts';

/** The DOM id of the control for an API field path (`items.0.quantity` → `field-items-0-quantity`). */
export const fieldId = (path: string): string => `field-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;

/** A 400 made by the form itself, before sending: shown exactly like the server's. */
export const clientProblem = (errors: readonly FieldError[]): ApiError =>
  new ApiError({ type: 'about:blank', title: 'Invalid request', status: 400, detail: t('web.form.needsCorrecting'), errors });

export interface Submission {
  readonly submitting: boolean;
  readonly error: ApiError | null;
  /** The message for one field path, if any. */
  readonly errorFor: (path: string) => string | undefined;
  readonly onSubmit: (event: Event) => void;
  /** Submits without a form event: a confirmation panel's button. */
  readonly submit: () => void;
  /** Runs the form's own checks now, showing what is missing: a confirmation asks only about a complete form. */
  readonly ready: () => boolean;
}

/** Runs `action` on submit unless `check` finds problems; one submission at a time. */
export function useSubmission<T>(action: () => Promise<T>, onDone: (result: T) => void, check?: () => readonly FieldError[]): Submission {
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const ready = () => {
    const problems = check?.() ?? [];
    setError(problems.length > 0 ? clientProblem(problems) : null);
    return problems.length === 0;
  };
  const submit = () => {
    if (submitting || !ready()) return;
    setSubmitting(true);
    action().then(
      (result) => {
        setSubmitting(false);
        onDone(result);
      },
      (failure: unknown) => {
        setSubmitting(false);
        setError(failure instanceof ApiError ? failure : networkError(failure));
      },
    );
  };
  const onSubmit = (event: Event) => {
    event.preventDefault();
    submit();
  };
  const errorFor = (path: string) => error?.fieldErrors.find((e) => e.path === path)?.message;
  return { submitting, error, errorFor, onSubmit, submit, ready };
}

const focusField = (path: string) => (event: Event) => {
  const target = document.getElementById(fieldId(path));
  if (!target) return;
  event.preventDefault();
  target.scrollIntoView({ block: 'center' });
  target.focus();
};

/** "There is a problem": the error's detail, and a link to each bad field. `labels` names fields by path. */
export function ErrorSummary({ error, labels = {} }: { error: ApiError | null; labels?: Readonly<Record<string, string>> }) {
  const ref = useRef<HTMLDivElement>(null);
  // Several forms on one page (a card per cancellation) may each show a summary at once.
  const titleId = useId();
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  const fields = error.fieldErrors;
  const label = (path: string) => labels[path] ?? words(path.split('.').pop() ?? path);
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={titleId}>
      <h2 id={titleId}>{t('web.form.problem')}</h2>
      {fields.length === 0 ? <p>{error.problem.detail || error.problem.title}</p> : null}
      {fields.length > 0 ? (
        <ul class="error-list">
          {fields.map((f) => (
            <li key={f.path}>
              <a href={`#${fieldId(f.path)}`} onClick={focusField(f.path)}>
                {label(f.path)}: {f.message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export interface ControlProps {
  readonly id: string;
  readonly 'aria-invalid'?: 'true';
  readonly 'aria-describedby'?: string;
}

/** A field's own message, beside it; its id is what the field's `aria-describedby` names. */
export const FieldMessage = ({ path, error }: { path: string; error?: string | undefined }) =>
  error ? (
    <small class="field-error" id={`${fieldId(path)}-error`}>
      <span class="visually-hidden">{t('web.form.errorPrefix')} </span>
      {error}
    </small>
  ) : null;

/**
 * Ties controls that are not one Field's input (each radio of a group, a
 * checkbox, a fieldset) to the message of `path`: invalid, and described by it.
 */
export const invalidFor = (path: string, error: string | undefined): { 'aria-invalid'?: 'true'; 'aria-describedby'?: string } =>
  error ? { 'aria-invalid': 'true', 'aria-describedby': `${fieldId(path)}-error` } : {};

/**
 * Radios with their legend and their own message: the group is where the
 * error summary's link lands, and each radio is tied to the message.
 */
export function RadioGroup<V extends string>(props: {
  path: string;
  legend: ComponentChildren;
  options: readonly (readonly [V, ComponentChildren])[];
  /** '' while none is chosen yet. */
  value: V | '';
  onChange: (value: V) => void;
  error?: string | undefined;
}) {
  const invalid = invalidFor(props.path, props.error);
  return (
    <fieldset id={fieldId(props.path)} tabIndex={-1} {...invalid}>
      <legend>{props.legend}</legend>
      <FieldMessage path={props.path} error={props.error} />
      {props.options.map(([value, label]) => (
        <label key={value}>
          <input type="radio" name={props.path} value={value} checked={props.value === value} onChange={() => props.onChange(value)} {...invalid} />
          {label}
        </label>
      ))}
    </fieldset>
  );
}

/** A labelled control with its hint and its own error message; `children` draws the control with the given props. */
export function Field(props: {
  path: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  error?: string | undefined;
  children: (control: ControlProps) => VNode;
}) {
  const id = fieldId(props.path);
  const describedBy = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const control: ControlProps = {
    id,
    ...(props.error ? { 'aria-invalid': 'true' as const } : {}),
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
  };
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.hint ? <small id={`${id}-hint`}>{props.hint}</small> : null}
      <FieldMessage path={props.path} error={props.error} />
      {props.children(control)}
    </div>
  );
}

/** The value of an input event's target. */
export const inputValue = (event: TargetedEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>): string => event.currentTarget.value;
