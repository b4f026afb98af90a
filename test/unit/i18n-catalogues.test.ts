// Every locale says everything English says, with the same arguments: an id
// missing or extra, an argument renamed or dropped, a plural or select turned
// into plain text, or a select missing one of English's cases fails here.
import { isPluralElement, isSelectElement, type MessageFormatElement, parse } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { deWebCatalogue } from '#shared/i18n/catalogues/de-web';
import { DOCUMENT_CATALOGUES, documentTranslator } from '#shared/i18n/catalogues/documents';
import { EMAIL_CATALOGUES, emailTranslator } from '#shared/i18n/catalogues/emails';
import { enWebCatalogue } from '#shared/i18n/catalogues/en-web';
import { esWebCatalogue } from '#shared/i18n/catalogues/es-web';
import { frWebCatalogue } from '#shared/i18n/catalogues/fr-web';
import { ptBRWebCatalogue } from '#shared/i18n/catalogues/pt-BR-web';
import type { Catalogue, DocumentMessageId, EmailMessageId, WebId } from '#shared/i18n/catalogues/types';
import { type Locale, SUPPORTED_LOCALES } from '#shared/i18n/locales';
import { createTranslator } from '#shared/i18n/translate';

type Kind = 'argument' | 'plural' | 'select';
interface Argument {
  readonly kind: Kind;
  readonly cases: readonly string[];
}

/** Every argument of a message (nested ones included), by name. */
const argumentsOf = (message: string): Map<string, Argument> => {
  const found = new Map<string, Argument>();
  const walk = (elements: readonly MessageFormatElement[]) => {
    for (const element of elements) {
      if (isPluralElement(element) || isSelectElement(element)) {
        found.set(element.value, { kind: isPluralElement(element) ? 'plural' : 'select', cases: Object.keys(element.options) });
        for (const option of Object.values(element.options)) walk(option.value);
      } else if ('value' in element && element.type !== 0 /* literal */ && typeof element.value === 'string' && !found.has(element.value)) {
        found.set(element.value, { kind: 'argument', cases: [] });
      }
    }
  };
  walk(parse(message));
  return found;
};

/** Sample values for every argument English names: numbers for plurals, a case's key for selects. */
const samples = (id: MessageId): Record<string, string | number> =>
  Object.fromEntries([...argumentsOf(en[id])].map(([name, arg]) => [name, arg.kind === 'select' ? (arg.cases[0] ?? 'other') : 2]));

type MessageId = EmailMessageId | DocumentMessageId | WebId;
const WEB_CATALOGUES: Readonly<Record<Locale, Catalogue<WebId>>> = {
  en: enWebCatalogue,
  de: deWebCatalogue,
  fr: frWebCatalogue,
  es: esWebCatalogue,
  'pt-BR': ptBRWebCatalogue,
};
/** Every message of a locale, whichever surface says it. */
const CATALOGUES = Object.fromEntries(
  SUPPORTED_LOCALES.map((locale) => [locale, { ...EMAIL_CATALOGUES[locale], ...DOCUMENT_CATALOGUES[locale], ...WEB_CATALOGUES[locale] }]),
) as Readonly<Record<Locale, Catalogue<MessageId>>>;
const en = CATALOGUES.en;
const translatorFor = (locale: Locale) => createTranslator(locale, CATALOGUES[locale]);

const ids = Object.keys(en) as MessageId[];
const others = SUPPORTED_LOCALES.filter((locale) => locale !== 'en');

describe('message catalogues', () => {
  it('has a catalogue for every supported locale, English included', () => {
    expect(Object.keys(CATALOGUES).sort()).toEqual([...SUPPORTED_LOCALES].sort());
    expect(ids.length).toBeGreaterThan(100);
  });

  it.each(others)('%s has exactly the English ids, none empty', (locale) => {
    const catalogue: Catalogue<MessageId> = CATALOGUES[locale];
    expect(Object.keys(catalogue).sort()).toEqual([...ids].sort());
    expect(ids.filter((id) => catalogue[id].trim() === '')).toEqual([]);
  });

  it.each(others)('%s uses the same arguments as English in every message, and every case English has', (locale) => {
    const problems: string[] = [];
    for (const id of ids) {
      const english = argumentsOf(en[id]);
      const theirs = argumentsOf(CATALOGUES[locale][id]);
      const names = (m: Map<string, Argument>) => [...m.keys()].sort().join(', ');
      if (names(english) !== names(theirs)) problems.push(`${id}: [${names(theirs)}] instead of [${names(english)}]`);
      for (const [name, arg] of english) {
        const their = theirs.get(name);
        if (!their) continue;
        // A language may need a plural where English does not (`1 accepté`, `2 acceptés`); never the other way round.
        if (arg.kind !== 'argument' && their.kind !== arg.kind) problems.push(`${id}: {${name}} is a ${their.kind}, English has a ${arg.kind}`);
        if (their.kind === 'select' && arg.kind === 'argument') problems.push(`${id}: {${name}} is a select, English has plain text`);
        const missing = arg.cases.filter((c) => !their.cases.includes(c));
        if (missing.length > 0) problems.push(`${id}: {${name}} lacks the cases ${missing.join(', ')}`);
      }
      for (const [name, arg] of theirs) if (arg.kind === 'plural' && !arg.cases.includes('other')) problems.push(`${id}: {${name}} has no other case`);
    }
    expect(problems).toEqual([]);
  });

  it.each([...SUPPORTED_LOCALES])('%s formats every message with sample values', (locale) => {
    const t = translatorFor(locale);
    for (const id of ids) expect(t(id, samples(id)), `${locale} ${id}`).not.toMatch(/[{}]|^\s*$/);
  });

  // The Lambdas bundle their catalogues: notify must not carry the web app's or the documents' messages, nor documents the emails'.
  it.each([...SUPPORTED_LOCALES])('%s: each surface carries only its own messages and the shared words', (locale) => {
    const prefixes = (catalogue: object) => new Set(Object.keys(catalogue).map((id) => id.split('.')[0]));
    const emails = prefixes(EMAIL_CATALOGUES[locale]);
    const documents = prefixes(DOCUMENT_CATALOGUES[locale]);
    const web = prefixes(WEB_CATALOGUES[locale]);
    expect([emails.has('email'), emails.has('doc'), emails.has('web')]).toEqual([true, false, false]);
    expect([documents.has('doc'), documents.has('email'), documents.has('web')]).toEqual([true, false, false]);
    expect([web.has('web'), web.has('email'), web.has('doc')]).toEqual([true, false, false]);
    expect(web.has('status')).toBe(true);
    expect(emailTranslator(locale)('email.footer')).toBe(translatorFor(locale)('email.footer'));
    expect(documentTranslator(locale)('doc.page', { page: 1, pages: 2 })).toBe(translatorFor(locale)('doc.page', { page: 1, pages: 2 }));
  });

  it('chooses plural forms by the language rules', () => {
    const verdict = (locale: 'fr' | 'es' | 'pt-BR', good: number) => translatorFor(locale)('item.verdict', { line: 'Mug × 2', good, quantity: 2 });
    expect([verdict('fr', 1), verdict('fr', 2)]).toEqual(['Mug × 2\u00a0: 1 sur 2 accepté', 'Mug × 2\u00a0: 2 sur 2 acceptés']);
    expect([verdict('es', 1), verdict('es', 0)]).toEqual(['Mug × 2: 1 de 2 aceptado', 'Mug × 2: 0 de 2 aceptados']);
    expect(verdict('pt-BR', 2)).toBe('Mug × 2: 2 de 2 aceitos');
  });
});

describe('the argument check itself', () => {
  it('sees renamed arguments, plurals turned into text and missing cases', () => {
    expect([...argumentsOf('{a} and {n, plural, one {# x {b}} other {# y}}').keys()].sort()).toEqual(['a', 'b', 'n']);
    expect(argumentsOf('{s, select, yes {Y} other {N}}').get('s')).toEqual({ kind: 'select', cases: ['yes', 'other'] });
  });
});
