// Every catalogue, for the server (emails, documents, API answers). The web app
// imports the one it needs on its own, so a first load carries one language.
import type { Locale } from '../locales.ts';
import { createTranslator, type Translate } from '../translate.ts';
import { de } from './de.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { ptBR } from './pt-BR.ts';
import type { Catalogue } from './types.ts';

export const CATALOGUES: Readonly<Record<Locale, Catalogue>> = { en, de, fr, es, 'pt-BR': ptBR };

const translators = new Map<Locale, Translate>();

/** The translator of a locale, built once per process. */
export const translatorFor = (locale: Locale): Translate => {
  let t = translators.get(locale);
  if (!t) {
    t = createTranslator(locale, CATALOGUES[locale]);
    translators.set(locale, t);
  }
  return t;
};
