// Checkboxes: one labelled box, and a group answering one field (settings, webhooks).
import type { ComponentChildren } from 'preact';
import { FieldMessage, fieldId, invalidFor } from './form.tsx';

/** A labelled checkbox; `id` lets an error summary link to it, `invalid` ties it to its group's message. */
export const Check = ({
  label,
  checked,
  onChange,
  id,
  invalid,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  id?: string;
  invalid?: ReturnType<typeof invalidFor>;
}) => (
  <label>
    <input type="checkbox" id={id} checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} {...invalid} />
    {label}
  </label>
);

/**
 * Checkboxes answering one setting (`path`): the server's message for it sits
 * under the legend, and the summary's link for it lands on the group.
 */
export const CheckGroup = ({ path, legend, error, children }: { path: string; legend: string; error: string | undefined; children: ComponentChildren }) => (
  <fieldset id={fieldId(path)} tabIndex={-1} {...invalidFor(path, error)}>
    <legend>{legend}</legend>
    <FieldMessage path={path} error={error} />
    {children}
  </fieldset>
);
