// Amounts and dates for people, in the reader's locale: Intl does the writing
// (12,50 €, 7. Dez. 2026), never a hand-built pattern.
import { formatMoney, isCurrency } from '../domain/money.ts';
import type { Locale } from './locales.ts';

/** An integer minor-unit amount in `currency`, written for `locale`. */
export const formatAmount = (amount: number, currency: string, locale: Locale): string =>
  // A currency the runtime does not know cannot be formatted by Intl; show the raw minor units rather than fail.
  isCurrency(currency) ? formatMoney(amount, currency, locale) : `${amount} ${currency} (minor units)`;

/** `2026-12-07T10:00:00.000Z` → `Dec 7, 2026` / `7. Dez. 2026` (UTC: the same date for every reader). */
export const formatDay = (iso: string, locale: Locale): string =>
  new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso));
