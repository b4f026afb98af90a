// Which language the app speaks to whoever is signed in, and the switch that
// changes it. The shop's enabled locales come from /return-policy; a customer
// who never chose reads the language of their orders (customer.locale), anyone
// else the browser's. A choice is kept on this device.
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_LOCALES, type Locale, type LocaleSettings, matchLocale, SUPPORTED_LOCALES } from '#shared/i18n/locales';
import { api } from '../api/client.ts';
import type { AppRole } from '../auth/session.ts';
import { activateLocale, currentLocale } from './locale.ts';

const STORAGE_KEY = 'aftersales.locale';

/** The locale the reader chose on this device, if it is still enabled. */
const storedLocale = (enabled: readonly Locale[] = SUPPORTED_LOCALES): Locale | undefined => {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored ? matchLocale(stored, enabled) : undefined;
};

/** The first of the browser's languages the shop speaks, else `fallback`. */
const browserLocale = (enabled: readonly Locale[], fallback: Locale): Locale => {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const match = matchLocale(tag, enabled);
    if (match) return match;
  }
  return fallback;
};

/** The browser's own tag for `locale`'s language (`en-GB` for `en`), so dates and money read as at home. */
const regionalTag = (locale: Locale): string => {
  const language = new Intl.Locale(locale).language;
  return (navigator.languages ?? []).find((tag) => matchLocale(tag, [locale]) !== undefined && new Intl.Locale(tag).language === language) ?? locale;
};

/** Makes `locale` the app's language, <html lang> included (screen readers pick their voice by it). */
export const showLocale = async (locale: Locale): Promise<void> => {
  await activateLocale(locale, regionalTag(locale));
  document.documentElement.lang = locale;
};

export interface Language {
  readonly locale: Locale;
  readonly enabled: readonly Locale[];
  readonly choose: (locale: Locale) => void;
}

/** The locale to start with before anything is fetched: the stored choice or the browser's. */
export const initialLocale = (): Locale => storedLocale() ?? browserLocale(DEFAULT_LOCALES.enabled, DEFAULT_LOCALES.default);

const shopLocales = (): Promise<LocaleSettings> =>
  api('settings.returnPolicy').then(
    (policy) => policy.locales ?? DEFAULT_LOCALES,
    () => DEFAULT_LOCALES,
  );

/** The locale of the customer's newest order, when it has one. */
const orderLocale = (): Promise<string | undefined> =>
  api('orders.list', { query: { limit: 1 } }).then(
    (page) => page.items[0]?.customer.locale,
    () => undefined,
  );

export function useLanguage(role: AppRole | undefined): Language {
  const [state, setState] = useState<{ locale: Locale; enabled: readonly Locale[] }>({ locale: currentLocale(), enabled: DEFAULT_LOCALES.enabled });
  const show = (locale: Locale, enabled: readonly Locale[]) =>
    showLocale(locale).then(
      () => setState({ locale, enabled }),
      () => setState({ locale: currentLocale(), enabled }),
    );

  useEffect(() => {
    let live = true;
    void (async () => {
      const settings = await shopLocales();
      const ordered = !storedLocale(settings.enabled) && role === 'customer' ? await orderLocale() : undefined;
      // The stored choice is read again after the fetches: a reader who picked a language while they
      // ran keeps it, instead of seeing it replaced by the order's or the browser's a moment later.
      const locale =
        storedLocale(settings.enabled) ?? (ordered ? matchLocale(ordered, settings.enabled) : undefined) ?? browserLocale(settings.enabled, settings.default);
      if (live) await show(locale, settings.enabled);
    })();
    return () => {
      live = false;
    };
  }, [role]);

  return {
    ...state,
    choose: (locale) => {
      localStorage.setItem(STORAGE_KEY, locale);
      void show(locale, state.enabled);
    },
  };
}
