// Messages by id in one locale, through intl-messageformat (ICU plurals and
// selects). A message is parsed once per locale and id, then reused.
import { IntlMessageFormat } from 'intl-messageformat';
import type { Catalogue } from './catalogues/types.ts';
import type { Locale } from './locales.ts';

/** An argument: text (amounts and dates arrive formatted) or a number for `plural`. */
export type MessageValues = Readonly<Record<string, string | number>>;

export type Translate<Id extends string> = (id: Id, values?: MessageValues) => string;

/** `t(id, values)` for one locale and its catalogue. */
export const createTranslator = <Id extends string>(locale: Locale, catalogue: Catalogue<Id>): Translate<Id> => {
  const formats = new Map<Id, IntlMessageFormat>();
  return (id, values) => {
    let format = formats.get(id);
    if (!format) {
      format = new IntlMessageFormat(catalogue[id], locale);
      formats.set(id, format);
    }
    return String(format.format(values));
  };
};

/** The translator of each locale over one surface's catalogues, built once per process on first use. */
export const translatorsOf = <Id extends string>(catalogues: Readonly<Record<Locale, Catalogue<Id>>>): ((locale: Locale) => Translate<Id>) => {
  const built = new Map<Locale, Translate<Id>>();
  return (locale) => {
    let t = built.get(locale);
    if (!t) {
      t = createTranslator(locale, catalogues[locale]);
      built.set(locale, t);
    }
    return t;
  };
};
