// The lines of the order a customer may return: per line, how many (up to
// what is still returnable), why, and the deadline; excluded lines say why not.
import type { Reason } from '#shared/domain/reason';
import type { ReturnableItem } from '#shared/domain/return-request';
import { Field, FieldMessage, inputValue } from '../../ui/form.tsx';
import { formatDate } from '../../ui/format.ts';

export interface ItemChoice {
  readonly quantity: number;
  readonly reasonId: string;
  readonly reasonText: string;
}

const EXCLUDED: Record<NonNullable<ReturnableItem['excludedReason']>, string> = {
  category_excluded: 'This kind of item cannot be returned.',
  order_not_delivered: 'The order has not been delivered yet.',
  return_window_expired: 'The time to return it has passed.',
};

const NONE: ItemChoice = { quantity: 0, reasonId: '', reasonText: '' };

export function ItemChoices(props: {
  items: readonly ReturnableItem[];
  reasons: readonly Reason[];
  choices: Readonly<Record<string, ItemChoice>>;
  onChange: (choices: Readonly<Record<string, ItemChoice>>) => void;
  errorFor: (path: string) => string | undefined;
}) {
  const set = (lineItemId: string, change: Partial<ItemChoice>) =>
    props.onChange({ ...props.choices, [lineItemId]: { ...(props.choices[lineItemId] ?? NONE), ...change } });
  return (
    <fieldset {...(props.errorFor('items') ? { 'aria-describedby': 'field-items-error' } : {})}>
      <legend id="field-items" tabIndex={-1}>
        What are you returning?
      </legend>
      <FieldMessage path="items" error={props.errorFor('items')} />
      {props.items.map((item) => {
        const choice = props.choices[item.lineItemId] ?? NONE;
        const path = `items.${item.lineItemId}`;
        if (item.excluded || item.returnable === 0) {
          return (
            <article key={item.lineItemId} class="return-item">
              <h3>{item.title}</h3>
              <p>{item.excludedReason ? EXCLUDED[item.excludedReason] : 'Every unit of this item is already refunded or in a return.'}</p>
            </article>
          );
        }
        return (
          <article key={item.lineItemId} class="return-item">
            <h3>{item.title}</h3>
            <p>
              <small>
                {item.returnable} of {item.purchased} can be returned
                {item.deadline ? `, until ${formatDate(item.deadline)}` : ''}.
              </small>
            </p>
            <div class="grid">
              <Field path={`${path}.quantity`} label={`Quantity of ${item.title} to return`} error={props.errorFor(`${path}.quantity`)}>
                {(control) => (
                  <input
                    {...control}
                    type="number"
                    min={0}
                    max={item.returnable}
                    step={1}
                    inputMode="numeric"
                    value={choice.quantity}
                    onInput={(e) => set(item.lineItemId, { quantity: Math.max(0, Math.min(item.returnable, Number.parseInt(inputValue(e), 10) || 0)) })}
                  />
                )}
              </Field>
              <Field path={`${path}.reasonId`} label={`Reason for returning ${item.title}`} error={props.errorFor(`${path}.reasonId`)}>
                {(control) => (
                  <select {...control} value={choice.reasonId} onChange={(e) => set(item.lineItemId, { reasonId: inputValue(e) })}>
                    <option value="">Choose a reason</option>
                    {props.reasons.map((r) => (
                      <option key={r.id} value={r.id}>
                        {r.label}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
            {choice.quantity > 0 ? (
              <Field path={`${path}.reasonText`} label={`More about ${item.title} (optional)`} error={props.errorFor(`${path}.reasonText`)}>
                {(control) => (
                  <input {...control} maxLength={500} value={choice.reasonText} onInput={(e) => set(item.lineItemId, { reasonText: inputValue(e) })} />
                )}
              </Field>
            ) : null}
          </article>
        );
      })}
    </fieldset>
  );
}
