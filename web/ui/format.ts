// Amounts and dates as the viewer reads them: money in the order's currency
// with its exponent (integer minor units in, no float arithmetic), dates in
// the browser's locale and time zone.
import { formatMoney } from '#shared/domain/money';

const locale = (): string => (typeof navigator === 'undefined' ? 'en-US' : navigator.language || 'en-US');

export const money = (amount: number, currency: string): string => formatMoney(amount, currency, locale());

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export const formatDateTime = (iso: string): string => dateTime.format(new Date(iso));
export const formatDate = (iso: string): string => dateOnly.format(new Date(iso));

// Plain words for codes live with the other names people use (DOM-free, for unit tests).
export { words } from './names.ts';

/** Where a bank refund goes, as a person pays it: holder · bank, branch · number. */
export const bankAccount = (a: { accountName: string; accountNumber: string; bankName: string; bankBranch: string | null }): string =>
  [a.accountName, [a.bankName, a.bankBranch].filter(Boolean).join(', '), a.accountNumber].join(' · ');
