// The web app's first-load budget (issue 14): index.html plus the CSS and JS it
// loads before anything else runs, gzipped, against 100 KB. Built exactly as
// it ships (infra/web-build.ts) into a temporary directory. The default
// locale's catalogue is a lazy chunk the app loads before drawing, so it counts
// too; lazy route chunks (each screen, oidc-client-ts) and the other locales'
// catalogues are listed but not counted.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildWeb } from '#infra/web-build';
import { deWebCatalogue } from '#shared/i18n/catalogues/de-web';
import { enWebCatalogue } from '#shared/i18n/catalogues/en-web';
import { esWebCatalogue } from '#shared/i18n/catalogues/es-web';
import { frWebCatalogue } from '#shared/i18n/catalogues/fr-web';
import { ptBRWebCatalogue } from '#shared/i18n/catalogues/pt-BR-web';
import { DEFAULT_LOCALES, type Locale, SUPPORTED_LOCALES } from '#shared/i18n/locales';
import { table } from './report.ts';

export const FIRST_LOAD_BUDGET = 100 * 1024;

export interface WebFile {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export interface WebFirstLoad {
  readonly firstLoad: readonly WebFile[];
  readonly firstLoadGzip: number;
  readonly budget: number;
  /** The chunk holding each locale's catalogue (found by its own words), when it is a chunk of its own. */
  readonly catalogues: Readonly<Partial<Record<Locale, string>>>;
  /** Loaded later, by a screen or the hosted sign-in: gzip sizes of the largest. */
  readonly lazy: readonly WebFile[];
}

const sizeOf = (dir: string, file: string): WebFile => {
  const bytes = readFileSync(path.join(dir, file));
  return { file, bytes: bytes.byteLength, gzipBytes: gzipSync(bytes, { level: 9 }).byteLength };
};

/**
 * A message only `locale`'s catalogue has, as the bundle writes it: plain
 * ASCII (the bundler escapes anything else) and unlike the other locales' text.
 */
const CATALOGUES = { en: enWebCatalogue, de: deWebCatalogue, fr: frWebCatalogue, es: esWebCatalogue, 'pt-BR': ptBRWebCatalogue } as const;

const markerOf = (locale: Locale): string => {
  const catalogue = CATALOGUES[locale];
  const id = (Object.keys(catalogue) as (keyof typeof catalogue)[]).find(
    (key) =>
      /^[ -~]{12,}$/.test(catalogue[key]) &&
      !/["\\]/.test(catalogue[key]) &&
      SUPPORTED_LOCALES.every((other) => other === locale || CATALOGUES[other][key] !== catalogue[key]),
  );
  if (!id) throw new Error(`no ASCII message of its own in the ${locale} catalogue`);
  return `"${id}":"${catalogue[id]}"`;
};

export function measureWebFirstLoad(): WebFirstLoad {
  const dir = mkdtempSync(path.join(tmpdir(), 'aftersales-web-'));
  try {
    const built = buildWeb(dir);
    const assets = readdirSync(path.join(dir, 'assets')).map((name) => `assets/${name}`);
    const catalogues = Object.fromEntries(
      SUPPORTED_LOCALES.flatMap((locale) => {
        const marker = markerOf(locale);
        const file = assets.find((f) => f.endsWith('.js') && readFileSync(path.join(dir, f), 'utf8').includes(marker));
        return file ? [[locale, file]] : [];
      }),
    ) as Partial<Record<Locale, string>>;
    const defaultCatalogue = catalogues[DEFAULT_LOCALES.default];
    const counted = [...built.firstLoad, ...(defaultCatalogue && !built.firstLoad.includes(defaultCatalogue) ? [defaultCatalogue] : [])];
    const firstLoad = counted.map((file) => sizeOf(dir, file));
    const lazy = assets
      .filter((file) => !counted.includes(file))
      .map((file) => sizeOf(dir, file))
      .sort((a, b) => b.gzipBytes - a.gzipBytes);
    return { firstLoad, firstLoadGzip: firstLoad.reduce((sum, f) => sum + f.gzipBytes, 0), budget: FIRST_LOAD_BUDGET, catalogues, lazy };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

export const webFirstLoadSection = (web: WebFirstLoad): string =>
  `### Web app first load (index.html + the CSS and JS it loads first, gzip -9) — target ≤ ${kb(web.budget)}\n\n${table(
    ['file', 'bytes', 'gzipped'],
    [
      ...web.firstLoad.map((f) => [f.file, kb(f.bytes), kb(f.gzipBytes)]),
      ['**first load**', '', `**${kb(web.firstLoadGzip)}** (${web.firstLoadGzip <= web.budget ? 'ok' : 'MISS'})`],
    ],
  )}\n\nLoaded later (lazy screens, the hosted sign-in's OIDC client): ${web.lazy
    .slice(0, 5)
    .map((f) => `${f.file} ${kb(f.gzipBytes)}`)
    .join(', ')}${web.lazy.length > 5 ? `, and ${web.lazy.length - 5} smaller` : ''}.`;
