// Amounts and dates as the viewer reads them: money in the order's currency
// with its exponent (integer minor units in, no float arithmetic), dates in
// the app's active locale (12,50 € and 7. Dez. 2026 in German) and the
// browser's time zone.
import { formatMoney } from '#shared/domain/money';
import { currentLocale } from '../i18n/locale.ts';

export const money = (amount: number, currency: string): string => formatMoney(amount, currency, currentLocale());

const formats = new Map<string, Intl.DateTimeFormat>();
/** One formatter per locale and style, built on first use. */
const dateFormat = (style: 'date' | 'dateTime'): Intl.DateTimeFormat => {
  const key = `${currentLocale()} ${style}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(currentLocale(), style === 'date' ? { dateStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' });
    formats.set(key, format);
  }
  return format;
};

export const formatDateTime = (iso: string): string => dateFormat('dateTime').format(new Date(iso));
export const formatDate = (iso: string): string => dateFormat('date').format(new Date(iso));

// Plain words for codes live with the other names people use (DOM-free, for unit tests).
export { words } from './names.ts';

/** Where a bank refund goes, as a person pays it: holder · bank, branch · number. */
export const bankAccount = (a: { accountName: string; accountNumber: string; bankName: string; bankBranch: string | null }): string =>
  [a.accountName, [a.bankName, a.bankBranch].filter(Boolean).join(', '), a.accountNumber].join(' · ');
