// The lines of the order a customer may return: per line, how many (up to
// what is still returnable), why, and the deadline; excluded lines say why not.
import type { Reason } from '#shared/domain/reason';
import type { ReturnableItem } from '#shared/domain/return-request';
import { t } from '../../i18n/locale.ts';
import { Field, FieldMessage, inputValue } from '../../ui/form.tsx';
import { formatDate } from '../../ui/format.ts';
import { ReasonField, UnitsField } from '../line-fields.tsx';

export interface ItemChoice {
  readonly quantity: number;
  readonly reasonId: string;
  readonly reasonText: string;
}

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
        {t('web.newReturn.what')}
      </legend>
      <FieldMessage path="items" error={props.errorFor('items')} />
      {props.items.map((item) => {
        const choice = props.choices[item.lineItemId] ?? NONE;
        const path = `items.${item.lineItemId}`;
        if (item.excluded || item.returnable === 0) {
          return (
            <article key={item.lineItemId} class="return-item">
              <h3>{item.title}</h3>
              <p>{t('web.newReturn.excluded', { reason: item.excludedReason ?? 'none' })}</p>
            </article>
          );
        }
        return (
          <article key={item.lineItemId} class="return-item">
            <h3>{item.title}</h3>
            <p>
              <small>
                {item.deadline
                  ? t('web.newReturn.returnableUntil', { count: item.returnable, purchased: item.purchased, date: formatDate(item.deadline) })
                  : t('web.newReturn.returnable', { count: item.returnable, purchased: item.purchased })}
              </small>
            </p>
            <div class="grid">
              <UnitsField
                path={`${path}.quantity`}
                label={t('web.newReturn.quantityToReturn', { title: item.title })}
                error={props.errorFor(`${path}.quantity`)}
                max={item.returnable}
                value={choice.quantity}
                onChange={(quantity) => set(item.lineItemId, { quantity })}
              />
              <ReasonField
                path={`${path}.reasonId`}
                label={t('web.newReturn.reasonForReturning', { title: item.title })}
                error={props.errorFor(`${path}.reasonId`)}
                reasons={props.reasons}
                value={choice.reasonId}
                onChange={(reasonId) => set(item.lineItemId, { reasonId })}
              />
            </div>
            {choice.quantity > 0 ? (
              <Field path={`${path}.reasonText`} label={t('web.newReturn.moreAbout', { title: item.title })} error={props.errorFor(`${path}.reasonText`)}>
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
