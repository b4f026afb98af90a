// The language control in the header: a labelled select of the shop's enabled
// locales, each named in its own language.
import type { Locale } from '#shared/i18n/locales';
import { inputValue } from '../ui/form.tsx';
import { LOCALE_NAMES, t } from './locale.ts';
import type { Language } from './use-language.ts';

export const LanguageSwitch = ({ language }: { language: Language }) => (
  <label class="language">
    {t('web.language')}
    <select value={language.locale} onChange={(e) => language.choose(inputValue(e) as Locale)}>
      {language.enabled.map((locale) => (
        <option key={locale} value={locale} lang={locale}>
          {LOCALE_NAMES[locale]}
        </option>
      ))}
    </select>
  </label>
);
