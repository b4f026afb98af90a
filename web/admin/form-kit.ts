// Small helpers the back office's forms share on top of ui/form.tsx.
import type { FieldError } from '#shared/domain/errors';
import { formatMoney, parseMoney } from '#shared/domain/money';
import { onFormFields } from '../api/problem.ts';

/**
 * Several forms of one kind on a page (one per item, per refund…) must not
 * share field ids: the server names `goodQuantity`, the page `items.2.goodQuantity`.
 * Rethrows an API error with its field paths under `prefix`.
 */
export const underPrefix = (prefix: string): ((error: unknown) => never) => onFormFields((f) => ({ ...f, path: `${prefix}.${f.path}` }));

/** The amounts of a form as minor units, with a field error for each one that is not an amount. */
export const readAmounts = <K extends string>(
  texts: Readonly<Record<K, string>>,
  currency: string,
  pathOf: (key: K) => string = (key) => key,
): { amounts: Record<K, number>; errors: FieldError[] } => {
  const amounts = {} as Record<K, number>;
  const errors: FieldError[] = [];
  for (const key of Object.keys(texts) as K[]) {
    const text = texts[key].trim();
    const amount = text === '' ? 0 : parseMoney(text, currency);
    if (amount === undefined) errors.push({ path: pathOf(key), message: `must be an amount in ${currency}, like 12.50` });
    else amounts[key] = amount;
  }
  return { amounts, errors };
};

/** An amount as a person types it back into a field: 12.50, no currency sign, no grouping. */
export const amountText = (amount: number, currency: string): string => formatMoney(amount, currency, 'en-US').replace(/[^\d.]/g, '');

/**
 * A list edited as one text field ("a, b, c"): the server blames `emails.1`,
 * the page has one field `emails`. Rethrows with the entry named in the message.
 */
export const onListFields = onFormFields((f) => {
  const match = /^(.*)\.(\d+)$/.exec(f.path);
  return match ? { path: match[1] as string, message: `entry ${Number(match[2]) + 1} ${f.message}` } : f;
});
