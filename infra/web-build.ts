// Builds the web app (web/) into static files: one ESM entry, lazy route chunks,
// one CSS file, and an index.html that loads them. The same function serves
// `npm run build:web`, `npm start`, vitest's global setup and the CDK asset, so
// what the browser tests load is what ships. Synchronous on purpose: CDK asset
// bundling (`local.tryBundle`) cannot await.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { APP_BASE } from '../web/base.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const webDist = path.join(root, 'web', 'dist');

export interface WebBuild {
  readonly outdir: string;
  /** Files index.html loads before anything else runs (the first-load budget). */
  readonly firstLoad: readonly string[];
}

/** A rounded square with a return arrow, in the app's primary colour (the CSP allows data: images). */
const FAVICON = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#0172ad"/><path d="M20 9h-8a6 6 0 0 0 0 12h9M18 17l4 4-4 4" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/></svg>',
)}`;

const indexHtml = (script: string, style: string): string =>
  [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    '<title>aftersales</title>',
    // An icon inline, so browsers do not ask for /favicon.ico (a 404 on every first load) and the first load stays one file lighter.
    `<link rel="icon" href="${FAVICON}">`,
    `<link rel="stylesheet" href="${APP_BASE}/${style}">`,
    `<script type="module" src="${APP_BASE}/${script}"></script>`,
    '</head>',
    '<body><div id="app"></div></body>',
    '</html>',
    '',
  ].join('\n');

export function buildWeb(outdir = webDist): WebBuild {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const result = buildSync({
    absWorkingDir: root,
    entryPoints: { main: 'web/main.tsx' },
    outdir: path.join(outdir, 'assets'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022', 'chrome110', 'firefox115', 'safari16'],
    minify: true,
    sourcemap: false,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    // Hashed names: CloudFront and browsers may cache assets forever; index.html is never cached.
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    assetNames: '[name]-[hash]',
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const outputs = Object.entries(result.metafile.outputs);
  const entry = outputs.find(([, o]) => o.entryPoint === 'web/main.tsx');
  if (!entry) throw new Error('web build: no output for web/main.tsx');
  const [entryFile, entryOutput] = entry;
  if (!entryOutput.cssBundle) throw new Error('web build: web/main.tsx imports no CSS');
  const rel = (file: string) => path.relative(outdir, path.resolve(root, file)).split(path.sep).join('/');
  const script = rel(entryFile);
  const style = rel(entryOutput.cssBundle);
  // Chunks the entry imports statically (and theirs) load before it runs: first load too.
  const eager = new Set<string>();
  const visit = (file: string) => {
    for (const i of result.metafile.outputs[file]?.imports ?? []) {
      if (i.kind === 'import-statement' && !eager.has(i.path)) {
        eager.add(i.path);
        visit(i.path);
      }
    }
  };
  visit(entryFile);
  writeFileSync(path.join(outdir, 'index.html'), indexHtml(script, style));
  return { outdir, firstLoad: ['index.html', style, script, ...[...eager].map(rel)] };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const built = buildWeb();
  console.log(`web app built into ${path.relative(root, built.outdir)}/ (first load: ${built.firstLoad.join(', ')})`);
}
