// Which languages the product speaks, and which one a reader gets: an order's
// `customer.locale` or a browser's Accept-Language, matched to the shop's
// enabled locales. Pure (shared by the API, the emails, the documents and the
// web app), so the matching is written here rather than taken from
// @formatjs/intl-localematcher: its CLDR distance data is ~12 KB gzipped, an
// eighth of the web app's first-load budget, for five locales.

/** Every locale with a complete catalogue (shared/i18n/catalogues). */
export const SUPPORTED_LOCALES = ['en', 'de', 'fr', 'es', 'pt-BR'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

/** The settings' `locales`: who reads what when nothing better is known. */
export interface LocaleSettings {
  readonly default: Locale;
  readonly enabled: readonly Locale[];
}

export const DEFAULT_LOCALES: LocaleSettings = { default: 'en', enabled: [...SUPPORTED_LOCALES] };

/** The canonical form of a well-formed BCP 47 tag (`DE-de` → `de-DE`); undefined when it is not one. */
export const canonicalLocale = (tag: string): string | undefined => {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
};

const languageOf = (tag: string): string => new Intl.Locale(tag).language;

/**
 * The enabled locale that serves `tag`: the same locale, else the bare
 * language (`de-AT` → `de`), else another region of the language (`pt-PT` →
 * `pt-BR`); undefined when none speaks it.
 */
export const matchLocale = (tag: string, enabled: readonly Locale[]): Locale | undefined => {
  const canonical = canonicalLocale(tag);
  if (canonical === undefined) return undefined;
  const exact = enabled.find((locale) => locale.toLowerCase() === canonical.toLowerCase());
  if (exact) return exact;
  const language = languageOf(canonical);
  return enabled.find((locale) => locale === language) ?? enabled.find((locale) => languageOf(locale) === language);
};

/** The locale a customer reads: their own when the shop speaks it, the shop's default otherwise. */
export const resolveLocale = (tag: string | null | undefined, settings: LocaleSettings): Locale =>
  (tag ? matchLocale(tag, settings.enabled) : undefined) ?? settings.default;

/**
 * The tags of an Accept-Language header, most preferred first (RFC 9110 §12.5.4:
 * `de-AT, de;q=0.9, en;q=0.5`); `q=0` means "not this", `*` adds nothing.
 */
export const acceptedLanguages = (header: string | undefined): string[] =>
  (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter(({ tag, q }) => tag !== '' && tag !== '*' && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map(({ tag }) => tag);

/** The enabled locale an Accept-Language header asks for, or the shop's default. */
export const negotiateLocale = (header: string | undefined, settings: LocaleSettings): Locale => {
  for (const tag of acceptedLanguages(header)) {
    const match = matchLocale(tag, settings.enabled);
    if (match) return match;
  }
  return settings.default;
};
