// Money is an integer in the currency's minor unit. Every amount calculation in
// the product goes through this module; nothing here ever produces a fraction.

/** ISO 4217 minor-unit exponents that differ from 2 (the default). */
const EXPONENT_EXCEPTIONS: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

/** Whether `code` is an ISO 4217 currency the runtime knows. */
export const isCurrency = (code: string): boolean => {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  try {
    return Intl.supportedValuesOf('currency').includes(code);
  } catch {
    return false;
  }
};

export const currencyExponent = (currency: string): number => EXPONENT_EXCEPTIONS[currency] ?? 2;

export const sum = (amounts: readonly number[]): number => amounts.reduce((a, b) => a + b, 0);

/**
 * Splits `total` into parts proportional to `weights` by largest remainder, so
 * the parts always add up to `total` exactly (ties go to the earlier part).
 */
export const allocate = (total: number, weights: readonly number[]): number[] => {
  const weightSum = sum(weights);
  if (weights.length === 0) return [];
  if (weightSum === 0)
    return allocate(
      total,
      weights.map(() => 1),
    );
  const sign = total < 0 ? -1 : 1;
  const abs = Math.abs(total);
  // BigInt keeps `abs × weight` exact for any amount a shop can hold.
  const shares = weights.map((w) => (BigInt(abs) * BigInt(w)) / BigInt(weightSum));
  const remainders = weights.map((w, i) => BigInt(abs) * BigInt(w) - (shares[i] as bigint) * BigInt(weightSum));
  let left = abs - sum(shares.map(Number));
  const order = remainders.map((r, i) => ({ r, i })).sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  const parts = shares.map(Number);
  for (const { i } of order) {
    if (left === 0) break;
    parts[i] = (parts[i] as number) + 1;
    left -= 1;
  }
  return parts.map((p) => p * sign);
};

/** Splits `total` into `n` near-equal integer parts (larger first) that add up to it. */
export const splitEvenly = (total: number, n: number): number[] =>
  allocate(
    total,
    Array.from({ length: n }, () => 1),
  );

/** Formats an amount for people, respecting the currency's exponent. */
export const formatMoney = (amount: number, currency: string, locale = 'en-US'): string => {
  const exponent = currencyExponent(currency);
  const negative = amount < 0;
  const abs = Math.abs(amount);
  const major = Math.trunc(abs / 10 ** exponent);
  const minor = abs - major * 10 ** exponent;
  // Build the decimal string from integers so no float rounding can creep in.
  const decimal = exponent === 0 ? `${major}` : `${major}.${String(minor).padStart(exponent, '0')}`;
  const formatter = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  });
  // Intl accepts a decimal string exactly (no float conversion) on Node 20+.
  return formatter.format(`${negative ? '-' : ''}${decimal}` as unknown as number);
};

/**
 * Reads an amount a person typed in major units ("12.5", "12,50") as integer
 * minor units, from the digits alone so no float is involved. Undefined when
 * it is not a plain non-negative amount with at most the currency's decimals.
 */
export const parseMoney = (text: string, currency: string): number | undefined => {
  const exponent = currencyExponent(currency);
  const match = /^(\d{1,13})(?:[.,](\d*))?$/.exec(text.trim());
  if (!match) return undefined;
  const fraction = match[2] ?? '';
  if (fraction.length > exponent) return undefined;
  return Number(`${match[1]}${fraction.padEnd(exponent, '0')}`);
};
