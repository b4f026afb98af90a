// The emails' catalogues (notify): the shared words and the emails' messages
// in every locale, nothing of the web app's or the documents'.
import type { Locale } from '../locales.ts';
import { translatorsOf } from '../translate.ts';
import { deEmails, deWords } from './de.ts';
import { enEmails, enWords } from './en.ts';
import { esEmails, esWords } from './es.ts';
import { frEmails, frWords } from './fr.ts';
import { ptBREmails, ptBRWords } from './pt-BR.ts';
import type { Catalogue, EmailMessageId } from './types.ts';

export const EMAIL_CATALOGUES: Readonly<Record<Locale, Catalogue<EmailMessageId>>> = {
  en: { ...enWords, ...enEmails },
  de: { ...deWords, ...deEmails },
  fr: { ...frWords, ...frEmails },
  es: { ...esWords, ...esEmails },
  'pt-BR': { ...ptBRWords, ...ptBREmails },
};

/** An email's translator in `locale`. */
export const emailTranslator = translatorsOf(EMAIL_CATALOGUES);
