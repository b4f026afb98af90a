// Messages by id in one locale, through intl-messageformat (ICU plurals and
// selects). A message is parsed once per locale and id, then reused.
import { IntlMessageFormat } from 'intl-messageformat';
import type { MessageId } from './catalogues/en.ts';
import type { Catalogue } from './catalogues/types.ts';
import type { Locale } from './locales.ts';

export type { MessageId } from './catalogues/en.ts';

/** An argument: text (amounts and dates arrive formatted) or a number for `plural`. */
export type MessageValues = Readonly<Record<string, string | number>>;

export type Translate = (id: MessageId, values?: MessageValues) => string;

/** `t(id, values)` for one locale and its catalogue. */
export const createTranslator = (locale: Locale, catalogue: Catalogue): Translate => {
  const formats = new Map<MessageId, IntlMessageFormat>();
  return (id, values) => {
    let format = formats.get(id);
    if (!format) {
      format = new IntlMessageFormat(catalogue[id], locale);
      formats.set(id, format);
    }
    return String(format.format(values));
  };
};
