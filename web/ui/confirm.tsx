// A destructive action asks first, in the page (GOV.UK warning button): its
// button opens a panel with the question, a danger-styled confirm and a way
// back. Focus moves to the question when it opens and back to the button when
// the person keeps things as they are. No browser confirm(): it cannot be
// styled, read by every screen reader the same way, nor tested by role.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

export interface ConfirmProps {
  /** The button that asks, e.g. "Cancel request". */
  readonly action: ComponentChildren;
  /** "Are you sure you want to cancel this return? It cannot be undone." */
  readonly question: string;
  /** The button that acts, e.g. "Yes, cancel this return". */
  readonly confirm: string;
  /** The way back, e.g. "No, keep it". */
  readonly keep: string;
  readonly busy?: boolean;
  readonly onConfirm: () => void;
  /** Checked before asking: false leaves the question closed (the form shows what is missing). */
  readonly ready?: () => boolean;
  /** What happens, said under the question. */
  readonly children?: ComponentChildren;
}

export function Confirm(props: ConfirmProps) {
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLFieldSetElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  // Where focus goes after the panel opens or closes; null: leave it (the action's own result takes it).
  const focusNext = useRef<'panel' | 'trigger' | null>(null);
  useEffect(() => {
    const target = focusNext.current === 'panel' ? panel.current : focusNext.current === 'trigger' ? trigger.current : null;
    focusNext.current = null;
    target?.focus();
  }, [open]);
  const keep = () => {
    focusNext.current = 'trigger';
    setOpen(false);
  };
  if (!open) {
    return (
      <button
        type="button"
        class="danger outline"
        ref={trigger}
        aria-busy={props.busy ? 'true' : undefined}
        onClick={() => {
          if (props.busy || (props.ready && !props.ready())) return;
          focusNext.current = 'panel';
          setOpen(true);
        }}
      >
        {props.action}
      </button>
    );
  }
  return (
    <fieldset
      class="confirm"
      tabIndex={-1}
      ref={panel}
      onKeyDown={(e) => {
        if (e.key === 'Escape') keep();
      }}
    >
      <legend class="question">{props.question}</legend>
      {props.children}
      <div class="actions">
        <button
          type="button"
          class="danger"
          onClick={() => {
            setOpen(false);
            props.onConfirm();
          }}
        >
          {props.confirm}
        </button>
        <button type="button" class="secondary" onClick={keep}>
          {props.keep}
        </button>
      </div>
    </fieldset>
  );
}
