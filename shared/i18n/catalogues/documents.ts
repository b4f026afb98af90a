// The invoice's and receipt's catalogues (documents): the shared words and the
// documents' messages in every locale, nothing of the web app's or the emails'.
import type { Locale } from '../locales.ts';
import { translatorsOf } from '../translate.ts';
import { deDocuments, deWords } from './de.ts';
import { enDocuments, enWords } from './en.ts';
import { esDocuments, esWords } from './es.ts';
import { frDocuments, frWords } from './fr.ts';
import { ptBRDocuments, ptBRWords } from './pt-BR.ts';
import type { Catalogue, DocumentMessageId } from './types.ts';

export const DOCUMENT_CATALOGUES: Readonly<Record<Locale, Catalogue<DocumentMessageId>>> = {
  en: { ...enWords, ...enDocuments },
  de: { ...deWords, ...deDocuments },
  fr: { ...frWords, ...frDocuments },
  es: { ...esWords, ...esDocuments },
  'pt-BR': { ...ptBRWords, ...ptBRDocuments },
};

/** A document's translator in `locale`. */
export const documentTranslator = translatorsOf(DOCUMENT_CATALOGUES);
