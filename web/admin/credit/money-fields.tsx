// The fields a back-office form moving store credit shares (a manual credit
// or debit, a new gift card): an amount typed as a person writes it and read
// as exact minor units of its currency, the currency, an optional expiry date.
import type { FieldError } from '#shared/domain/errors';
import { parseMoney } from '#shared/domain/money';
import { Field, inputValue } from '../../ui/form.tsx';

export interface MoneyDraft {
  readonly amount: string;
  readonly currency: string;
}

/** The draft's amount in minor units, or the field errors that say why not (the server checks the cap and the currency). */
export const readMoney = (draft: MoneyDraft): { amount: number; currency: string; errors: FieldError[] } => {
  const currency = draft.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) return { amount: 0, currency, errors: [{ path: 'currency', message: 'must be a 3-letter currency code, like USD' }] };
  const amount = parseMoney(draft.amount, currency);
  if (amount === undefined || amount === 0)
    return { amount: 0, currency, errors: [{ path: 'amount', message: `must be an amount in ${currency} above 0, like 12.50` }] };
  return { amount, currency, errors: [] };
};

/** A date input's day as the end of that day where the admin is: credit "until 31 Dec" is spendable all that day. */
export const endOfDay = (date: string): string | undefined => (date ? new Date(`${date}T23:59:59.999`).toISOString() : undefined);

export function MoneyFields(props: {
  draft: MoneyDraft;
  onChange: (draft: MoneyDraft) => void;
  errorFor: (path: string) => string | undefined;
  /** Prefixes the field ids: two such forms on one page must not share them. */
  idPrefix?: string;
}) {
  const at = (path: string) => (props.idPrefix ? `${props.idPrefix}.${path}` : path);
  return (
    <div class="grid">
      <Field path={at('amount')} label="Amount" hint="For example 12.50" error={props.errorFor(at('amount'))}>
        {(c) => (
          <input
            {...c}
            inputMode="decimal"
            autoComplete="off"
            value={props.draft.amount}
            onInput={(e) => props.onChange({ ...props.draft, amount: inputValue(e) })}
          />
        )}
      </Field>
      <Field path={at('currency')} label="Currency" error={props.errorFor(at('currency'))}>
        {(c) => (
          <input
            {...c}
            maxLength={3}
            autoComplete="off"
            autoCapitalize="characters"
            value={props.draft.currency}
            onInput={(e) => props.onChange({ ...props.draft, currency: inputValue(e) })}
          />
        )}
      </Field>
    </div>
  );
}
