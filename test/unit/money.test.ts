import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, currencyExponent, formatMoney, isCurrency, parseMoney, splitEvenly } from '#shared/domain/money';

describe('money', () => {
  it('splits 1000 over 3 units as 334, 333, 333', () => {
    expect(splitEvenly(1000, 3)).toEqual([334, 333, 333]);
  });

  it('allocates by weight with largest remainder', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(10, [3, 7])).toEqual([3, 7]);
    expect(allocate(1, [1, 2])).toEqual([0, 1]);
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocate(5, [0, 0])).toEqual([3, 2]);
  });

  it('always adds parts up to the whole, each part an integer', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 50 }), (total, weights) => {
        const parts = allocate(total, weights);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        expect(parts.every(Number.isInteger)).toBe(true);
      }),
    );
  });

  it('knows minor-unit exponents', () => {
    expect([currencyExponent('USD'), currencyExponent('JPY'), currencyExponent('KWD')]).toEqual([2, 0, 3]);
    expect(isCurrency('EUR')).toBe(true);
    expect(isCurrency('XYZ')).toBe(false);
    expect(isCurrency('usd')).toBe(false);
  });

  it('formats amounts for their currency without floats', () => {
    expect(formatMoney(123456, 'USD')).toBe('$1,234.56');
    expect(formatMoney(1234, 'JPY')).toBe('¥1,234');
    expect(formatMoney(1234, 'KWD')).toBe('KWD\u00a01.234');
    expect(formatMoney(-5, 'USD')).toBe('-$0.05');
    expect(formatMoney(900719925474099, 'USD')).toBe('$9,007,199,254,740.99');
  });

  it('reads typed amounts as minor units with the currency exponent, refusing anything else', () => {
    expect([parseMoney('12.5', 'USD'), parseMoney('12,05', 'EUR'), parseMoney(' 7 ', 'USD'), parseMoney('0.10', 'USD')]).toEqual([1250, 1205, 700, 10]);
    expect([parseMoney('1234', 'JPY'), parseMoney('1.234', 'KWD')]).toEqual([1234, 1234]);
    for (const bad of ['', '-1', '1.234', '1e3', 'abc', '1.2.3', '0x10']) expect(parseMoney(bad, 'USD')).toBeUndefined();
    expect(parseMoney('1.5', 'JPY')).toBeUndefined();
  });

  it('reads back what it formats (en-US grouping aside)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.constantFrom('USD', 'JPY', 'KWD'), (amount, currency) => {
        const typed = formatMoney(amount, currency).replace(/[^\d.]/g, '');
        expect(parseMoney(typed, currency)).toBe(amount);
      }),
    );
  });
});
