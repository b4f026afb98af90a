// The web app's language: one locale at a time, its catalogue loaded on
// demand (each catalogue is its own lazy chunk, so a first load carries one
// language). `t` reads the active catalogue; the app redraws on a switch
// (use-language.ts chooses the locale).
import type { Catalogue, WebId } from '#shared/i18n/catalogues/types';
import type { Locale } from '#shared/i18n/locales';
import { createTranslator, type MessageValues, type Translate } from '#shared/i18n/translate';

// The web's own catalogues (<locale>-web.ts): the emails' and documents' messages stay out of the chunks.
const LOADERS: Readonly<Record<Locale, () => Promise<Catalogue<WebId>>>> = {
  en: () => import('#shared/i18n/catalogues/en-web').then((m) => m.enWebCatalogue),
  de: () => import('#shared/i18n/catalogues/de-web').then((m) => m.deWebCatalogue),
  fr: () => import('#shared/i18n/catalogues/fr-web').then((m) => m.frWebCatalogue),
  es: () => import('#shared/i18n/catalogues/es-web').then((m) => m.esWebCatalogue),
  'pt-BR': () => import('#shared/i18n/catalogues/pt-BR-web').then((m) => m.ptBRWebCatalogue),
};

/** Each locale named in its own language, as a switcher lists them. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = { en: 'English', de: 'Deutsch', fr: 'Français', es: 'Español', 'pt-BR': 'Português (Brasil)' };

let active: Locale = 'en';
let regional: string = active;
let translate: Translate<WebId> | undefined;

/** The active locale: which catalogue speaks. */
export const currentLocale = (): Locale => active;

/** The tag Intl formats money and dates with: the reader's own region of the active language (en-GB's "7 Dec 2026"). */
export const formattingLocale = (): string => regional;

/** A message in the active locale. */
export const t = (id: WebId, values?: MessageValues): string => (translate ? translate(id, values) : id);

/**
 * Loads `locale`'s catalogue and makes it the active one; `formatting` is the
 * reader's tag for it when they have one (`en-GB` for `en`). DOM-free: the
 * field-error mapper's unit tests use it.
 */
export const activateLocale = async (locale: Locale, formatting: string = locale): Promise<void> => {
  const catalogue = await LOADERS[locale]();
  active = locale;
  regional = formatting;
  translate = createTranslator(locale, catalogue);
};
