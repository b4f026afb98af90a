// Which language a reader gets: an order's locale or a browser's
// Accept-Language, matched to the locales the shop has enabled.
import { describe, expect, it } from 'vitest';
import { LocalesSettings } from '#shared/domain/settings';
import { formatAmount, formatDay } from '#shared/i18n/format';
import { acceptedLanguages, canonicalLocale, DEFAULT_LOCALES, type LocaleSettings, negotiateLocale, resolveLocale } from '#shared/i18n/locales';

const shop: LocaleSettings = DEFAULT_LOCALES;
const germanShop: LocaleSettings = { default: 'de', enabled: ['de', 'en'] };

describe('resolveLocale', () => {
  it.each([
    ['de-DE', 'de'],
    ['de-AT', 'de'],
    ['DE-ch', 'de'],
    ['pt-BR', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['pt', 'pt-BR'],
    ['es-MX', 'es'],
    ['fr-CA', 'fr'],
    ['en-GB', 'en'],
  ] as const)('%s reads %s', (tag, locale) => {
    expect(resolveLocale(tag, shop)).toBe(locale);
  });

  it("falls back to the shop's default for a language it does not speak, a malformed tag or none", () => {
    expect([
      resolveLocale('ja-JP', germanShop),
      resolveLocale('fr', germanShop),
      resolveLocale('not a tag', germanShop),
      resolveLocale(null, germanShop),
    ]).toEqual(['de', 'de', 'de', 'de']);
  });
});

describe('Accept-Language', () => {
  it('orders tags by q, keeps the header order among equals, and drops q=0 and *', () => {
    expect(acceptedLanguages('fr;q=0.5, de-AT, en;q=0.8, *;q=0.1, es;q=0')).toEqual(['de-AT', 'en', 'fr']);
    expect(acceptedLanguages(undefined)).toEqual([]);
  });

  it('answers the first enabled match, else the default', () => {
    expect(negotiateLocale('ja, de-AT;q=0.9, en;q=0.8', shop)).toBe('de');
    expect(negotiateLocale('pt-PT,pt;q=0.9', shop)).toBe('pt-BR');
    expect(negotiateLocale('es-ES', germanShop)).toBe('de');
    expect(negotiateLocale('', germanShop)).toBe('de');
    expect(negotiateLocale('%%%, fr', shop)).toBe('fr');
  });

  it('validates BCP 47 tags', () => {
    expect([canonicalLocale('de-de'), canonicalLocale('pt-br'), canonicalLocale('x'), canonicalLocale('')]).toEqual(['de-DE', 'pt-BR', undefined, undefined]);
  });
});

describe('formatting', () => {
  it("writes money in the order's currency and the reader's locale, from integer minor units", () => {
    expect([formatAmount(1250, 'EUR', 'de'), formatAmount(1250, 'EUR', 'en'), formatAmount(1250, 'EUR', 'fr'), formatAmount(123456, 'BRL', 'pt-BR')]).toEqual([
      '12,50\u00a0€',
      '€12.50',
      '12,50\u00a0€',
      'R$\u00a01.234,56',
    ]);
    expect([formatAmount(1999, 'JPY', 'de'), formatAmount(1999, 'KWD', 'es')]).toEqual(['1.999\u00a0¥', '1,999\u00a0KWD']);
  });

  it("writes dates in the reader's locale, in UTC", () => {
    expect(['en', 'de', 'fr', 'es', 'pt-BR'].map((l) => formatDay('2026-12-07T23:30:00.000Z', l as 'en'))).toEqual([
      'Dec 7, 2026',
      '7. Dez. 2026',
      '7 déc. 2026',
      '7 dic 2026',
      '7 de dez. de 2026',
    ]);
  });
});

describe("the settings' locales", () => {
  const issues = (value: unknown) => {
    const result = LocalesSettings.safeParse(value);
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('takes a default among the enabled supported locales', () => {
    expect(issues({ default: 'de', enabled: ['de', 'en'] })).toEqual([]);
    expect(issues({ default: 'fr', enabled: ['de', 'en'] })).toEqual(['default: must be one of the enabled locales']);
    expect(issues({ default: 'it', enabled: ['it'] }).map((i) => i.split(':')[0])).toEqual(['default', 'enabled.0']);
    expect(issues({ default: 'de', enabled: ['de', 'de'] })).toEqual(['enabled: must not repeat a locale']);
    expect(issues({ default: 'de', enabled: [] }).length).toBeGreaterThan(0);
  });
});
