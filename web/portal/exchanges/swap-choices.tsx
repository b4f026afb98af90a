// The lines a customer may exchange: per line, how many (up to what is still
// returnable), why, and which variant of the same product to get instead, each
// with its availability (an out-of-stock variant cannot be chosen). A line
// with no variants to choose from says so instead.
import type { Reason } from '#shared/domain/reason';
import type { ReturnableItem } from '#shared/domain/return-request';
import type { VariantListing } from '#shared/domain/variant';
import { t } from '../../i18n/locale.ts';
import { Field, FieldMessage, inputValue } from '../../ui/form.tsx';
import { ReasonField, UnitsField } from '../line-fields.tsx';

export interface SwapChoice {
  readonly quantity: number;
  readonly reasonId: string;
  /** The variant to get instead; '' while none is chosen. */
  readonly sku: string;
}

export interface SwapLine {
  readonly item: ReturnableItem;
  /** The same product's active variants; empty when the line has no product or the shop publishes none. */
  readonly variants: readonly VariantListing[];
}

const NONE: SwapChoice = { quantity: 0, reasonId: '', sku: '' };

/** How many of a variant are left, in words: untracked stock is simply "in stock". */
const availability = (variant: VariantListing): string =>
  variant.available === null ? t('web.exchange.inStock') : t('web.exchange.left', { count: Math.max(0, variant.available) });

export function SwapChoices(props: {
  lines: readonly SwapLine[];
  reasons: readonly Reason[];
  choices: Readonly<Record<string, SwapChoice>>;
  onChange: (choices: Readonly<Record<string, SwapChoice>>) => void;
  errorFor: (path: string) => string | undefined;
}) {
  const set = (lineItemId: string, change: Partial<SwapChoice>) =>
    props.onChange({ ...props.choices, [lineItemId]: { ...(props.choices[lineItemId] ?? NONE), ...change } });
  return (
    <fieldset {...(props.errorFor('inbound') ? { 'aria-describedby': 'field-inbound-error' } : {})}>
      <legend id="field-inbound" tabIndex={-1}>
        {t('web.exchange.what')}
      </legend>
      <FieldMessage path="inbound" error={props.errorFor('inbound')} />
      {props.lines.map(({ item, variants }) => {
        const choice = props.choices[item.lineItemId] ?? NONE;
        const path = `inbound.${item.lineItemId}`;
        if (item.excluded || item.returnable === 0) {
          return (
            <article key={item.lineItemId} class="return-item">
              <h3>{item.title}</h3>
              <p>{t('web.newReturn.excluded', { reason: item.excludedReason ?? 'none' })}</p>
            </article>
          );
        }
        if (variants.length === 0) {
          return (
            <article key={item.lineItemId} class="return-item">
              <h3>{item.title}</h3>
              <p>{t('web.exchange.noVariants')}</p>
            </article>
          );
        }
        return (
          <article key={item.lineItemId} class="return-item">
            <h3>{item.title}</h3>
            <p>
              <small>{t('web.newReturn.returnable', { count: item.returnable, purchased: item.purchased })}</small>
            </p>
            <div class="grid">
              <UnitsField
                path={`${path}.quantity`}
                label={t('web.exchange.quantityOf', { title: item.title })}
                error={props.errorFor(`${path}.quantity`)}
                max={item.returnable}
                value={choice.quantity}
                onChange={(quantity) => set(item.lineItemId, { quantity })}
              />
              <Field path={`${path}.sku`} label={t('web.exchange.instead', { title: item.title })} error={props.errorFor(`${path}.sku`)}>
                {(control) => (
                  <select {...control} value={choice.sku} onChange={(e) => set(item.lineItemId, { sku: inputValue(e) })}>
                    <option value="">{t('web.exchange.chooseVariant')}</option>
                    {variants.map((v) => (
                      <option key={v.sku} value={v.sku} disabled={v.available !== null && v.available < Math.max(1, choice.quantity)}>
                        {v.variantTitle} ({availability(v)})
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <ReasonField
                path={`${path}.reasonId`}
                label={t('web.exchange.reasonFor', { title: item.title })}
                error={props.errorFor(`${path}.reasonId`)}
                reasons={props.reasons}
                value={choice.reasonId}
                onChange={(reasonId) => set(item.lineItemId, { reasonId })}
              />
            </div>
          </article>
        );
      })}
    </fieldset>
  );
}
