// The web app's first-load budget (issue 14): index.html plus the CSS and JS it
// loads before anything else runs, gzipped, against 100 KB. Built exactly as
// it ships (infra/web-build.ts) into a temporary directory; lazy route chunks
// (each screen, oidc-client-ts) are listed but not counted.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildWeb } from '#infra/web-build';
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
  /** Loaded later, by a screen or the hosted sign-in: gzip sizes of the largest. */
  readonly lazy: readonly WebFile[];
}

const sizeOf = (dir: string, file: string): WebFile => {
  const bytes = readFileSync(path.join(dir, file));
  return { file, bytes: bytes.byteLength, gzipBytes: gzipSync(bytes, { level: 9 }).byteLength };
};

export function measureWebFirstLoad(): WebFirstLoad {
  const dir = mkdtempSync(path.join(tmpdir(), 'aftersales-web-'));
  try {
    const built = buildWeb(dir);
    const firstLoad = built.firstLoad.map((file) => sizeOf(dir, file));
    const lazy = readdirSync(path.join(dir, 'assets'))
      .map((name) => `assets/${name}`)
      .filter((file) => !built.firstLoad.includes(file))
      .map((file) => sizeOf(dir, file))
      .sort((a, b) => b.gzipBytes - a.gzipBytes);
    return { firstLoad, firstLoadGzip: firstLoad.reduce((sum, f) => sum + f.gzipBytes, 0), budget: FIRST_LOAD_BUDGET, lazy };
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
