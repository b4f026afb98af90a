// Amounts and dates as the viewer reads them: money in the order's currency
// with its exponent (integer minor units in, no float arithmetic), dates in
// the app's active locale (12,50 € and 7. Dez. 2026 in German) and the
// browser's time zone.
import { formatMoney } from '#shared/domain/money';
import { formattingLocale } from '../i18n/locale.ts';

export const money = (amount: number, currency: string): string => formatMoney(amount, currency, formattingLocale());

const formats = new Map<string, Intl.DateTimeFormat>();
/** One formatter per locale and style, built on first use. */
const dateFormat = (style: 'date' | 'dateTime'): Intl.DateTimeFormat => {
  const key = `${formattingLocale()} ${style}`;
  let format = formats.get(key);
  if (!format) {
    // Day, short month, year: "7. Dez. 2026", "7 Dec 2026", "7 déc. 2026" (dateStyle: 'medium' is all digits in German).
    const day = { day: 'numeric', month: 'short', year: 'numeric' } as const;
    format = new Intl.DateTimeFormat(formattingLocale(), style === 'date' ? day : { ...day, hour: 'numeric', minute: '2-digit' });
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
