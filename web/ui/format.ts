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

/** `partially_approved` → `Partially approved`: statuses and codes in plain words. */
export const words = (code: string): string => {
  const text = code.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
};

/** Where a bank refund goes, as a person pays it: holder · bank, branch · number. */
export const bankAccount = (a: { accountName: string; accountNumber: string; bankName: string; bankBranch: string | null }): string =>
  [a.accountName, [a.bankName, a.bankBranch].filter(Boolean).join(', '), a.accountNumber].join(' · ');

/** Codes whose plain words are not just the code spelled out (`cod` is no word). */
const NAMES: Readonly<Record<string, string>> = { cod: 'Cash on delivery' };

/** A payment method or gateway as a person says it: "Cash on delivery", "Card". */
export const paymentMethodWords = (code: string): string => NAMES[code] ?? words(code);

const FILE_TYPES: Readonly<Record<string, string>> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'image/heic': 'HEIC',
  'image/heif': 'HEIF',
  'image/gif': 'GIF',
  'application/pdf': 'PDF',
};

/** `image/jpeg` → `JPEG`: file types as people know them, not as MIME types. */
export const fileType = (contentType: string): string => FILE_TYPES[contentType] ?? (contentType.split('/').pop() ?? contentType).toUpperCase();

/** The accepted types in words: "JPEG, PNG, WebP, HEIC or PDF". */
export const fileTypes = (contentTypes: readonly string[]): string => {
  const names = [...new Set(contentTypes.map(fileType))];
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
};
