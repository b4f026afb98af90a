// Dependencies point inward: the pure domain imports only itself and pure libraries, reads
// no environment and no clock; only adapters touch an AWS SDK; use cases orchestrate adapters
// and the domain without knowing HTTP or the table's keys; adapters do I/O for use cases and
// handlers, never the other way round; HTTP handlers parse, call a use case and answer.
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, repoFiles } from '../support/repo-files.ts';

const filesUnder = (dir: string): string[] => repoFiles(dir, /\.ts$/);

const read = (file: string): string => readFileSync(join(REPO_ROOT, file), 'utf8');

/** Value imports only: `import type` brings in no code. */
const importsOf = (file: string): string[] => [...read(file).matchAll(/^import (?!type )[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1] as string);

/**
 * Every import, `import type` included (a layer that names another's types still
 * depends on it), with re-exports (`export … from`) and dynamic `import()`.
 */
const allImportsOf = (file: string): string[] =>
  [...read(file).matchAll(/^import [^'"]*['"]([^'"]+)['"]|^export (?:type )?(?:\*|\{[^}]*\}) from ['"]([^'"]+)['"]|\bimport\(['"]([^'"]+)['"]\)/gm)].map(
    (m) => (m[1] ?? m[2] ?? m[3]) as string,
  );

/** The repository file an import names (`#shared/x/y` → shared/x/y.ts, `./y.ts` beside the importer), or the package as written. */
const resolveImport = (file: string, spec: string): string => {
  if (spec.startsWith('#')) return `${spec.slice(1)}.ts`;
  return spec.startsWith('.') ? join(dirname(file), spec) : spec;
};

/** A use case: one command, directly under shared/use-cases (its shared steps live in shared/use-cases/steps/). */
const isUseCase = (path: string): boolean => /^shared\/use-cases\/[^/]+\.ts$/.test(path);
const isStep = (path: string): boolean => path.startsWith('shared/use-cases/steps/');

/** The value names a file imports from each module (`import { a, type B, c as d }` → a, c). */
const namedValueImports = (file: string): { spec: string; name: string }[] =>
  [...read(file).matchAll(/^import (?!type )\{([^}]*)\} from ['"]([^'"]+)['"]/gm)].flatMap((m) =>
    (m[1] as string)
      .split(',')
      .map((n) => n.trim())
      .filter((n) => n !== '' && !n.startsWith('type '))
      .map((n) => ({ spec: m[2] as string, name: n.split(/\s+as\s+/)[0] as string })),
  );

/** Pure libraries the domain may use: no I/O, no state. */
const PURE_LIBRARIES = new Set(['zod/mini', 'zod/v4/locales/en.js', 'ibantools', 'intl-messageformat']);

/** A table key written out (`'ORDER#'`, `` `WEBHOOK#${id}` ``): keys are built in shared/adapters/keys.ts only. */
const RAW_KEY = /['"`][A-Z]{3,}#/;

/**
 * What an HTTP handler may take from an adapter: reads (a query answered straight from its
 * repository; a use case that only forwarded it would add a file and nothing else). Every
 * write is a command, and goes through a use case, where its ids, rules and transaction are.
 */
const READ = /^(get|list|count|find|configured)[A-Z]/;

describe('import graph', () => {
  it('keeps shared/domain and shared/i18n pure: no SDK, no adapters, no environment, no clock, no randomness (types included)', () => {
    // shared/i18n is the domain's language: the web app imports it too.
    for (const file of [...filesUnder('shared/domain'), ...filesUnder('shared/i18n')]) {
      const source = read(file);
      for (const spec of allImportsOf(file)) {
        expect(spec.startsWith('.') || PURE_LIBRARIES.has(spec), `${file} imports ${spec}`).toBe(true);
      }
      expect(source, file).not.toMatch(/process\.env|Date\.now\(|new Date\(\)|Math\.random/);
    }
  });

  it('lets only shared/adapters import an AWS SDK client (types included)', () => {
    for (const dir of ['shared/domain', 'shared/http', 'shared/api', 'shared/use-cases', 'functions']) {
      for (const file of filesUnder(dir)) {
        expect(
          allImportsOf(file).filter((s) => s.startsWith('@aws-sdk/client-') || s.startsWith('@aws-sdk/lib-')),
          file,
        ).toEqual([]);
      }
    }
  });

  it('keeps use cases out of HTTP and the table: no #shared/http, no SDK, no keys, no replay statuses', () => {
    for (const file of filesUnder('shared/use-cases')) {
      for (const spec of allImportsOf(file)) {
        expect(spec.startsWith('#shared/http') || spec.startsWith('#functions') || spec.startsWith('@aws-sdk/'), `${file} imports ${spec}`).toBe(false);
        expect(spec, `${file} imports ${spec}: keys belong to the repositories`).not.toBe('#shared/adapters/keys');
      }
      const source = read(file);
      expect(source, `${file} writes a table key`).not.toMatch(RAW_KEY);
      // What a replay answers is the route's success status (route spec → IdempotencyKey.status).
      expect(source, `${file} hard-codes an HTTP status`).not.toMatch(/status: 20\d\b/);
    }
  });

  it('composes use cases from steps: no use case imports another, no step imports a use case', () => {
    const files = filesUnder('shared/use-cases');
    expect(files.filter(isStep).length, 'the steps are where this test looks').toBeGreaterThan(0);
    for (const file of files) {
      const imported = allImportsOf(file).map((spec) => resolveImport(file, spec));
      expect(imported.filter(isUseCase), `${file} imports a use case: share a step (shared/use-cases/steps/) instead`).toEqual([]);
    }
  });

  it('keeps shared/ below infra/: nothing under shared/ imports infra/, not even a type', () => {
    for (const file of filesUnder('shared')) {
      expect(
        allImportsOf(file).filter((spec) => resolveImport(file, spec).startsWith('infra/')),
        file,
      ).toEqual([]);
    }
  });

  it('keeps adapters below the use cases: no use case, no HTTP, no handler', () => {
    for (const file of filesUnder('shared/adapters')) {
      for (const spec of allImportsOf(file)) {
        expect(/^#shared\/(use-cases|http)\/|^#functions\//.test(spec), `${file} imports ${spec}`).toBe(false);
      }
    }
  });

  it('leaves "not yours is not found" to the use cases: no adapter or handler compares an owner', () => {
    for (const file of [...filesUnder('shared/adapters'), ...filesUnder('functions')]) {
      expect(read(file), `${file} decides ownership: return what was found and let the use case decide (visibleTo)`).not.toMatch(
        /customerId\s*[!=]==|[!=]==\s*[\w.?]*customerId\b/,
      );
    }
  });

  it('builds every table key in shared/adapters/keys.ts', () => {
    for (const dir of ['shared', 'functions']) {
      for (const file of filesUnder(dir).filter((f) => f !== 'shared/adapters/keys.ts')) {
        const lines = read(file)
          .split('\n')
          .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line));
        expect(
          lines.filter((line) => RAW_KEY.test(line) || /IndexName: ['"]/.test(line)),
          file,
        ).toEqual([]);
      }
    }
  });

  it("gives each Lambda only its own area's routes: its handler imports its area's table, nothing imports the index of all", () => {
    for (const file of [...filesUnder('shared'), ...filesUnder('functions')]) {
      expect(importsOf(file), `${file} would bundle every area's routes`).not.toContain('#infra/routes');
    }
    for (const file of filesUnder('functions/http')) {
      expect(
        importsOf(file).filter((spec) => spec.startsWith('#infra/routes')),
        file,
      ).toEqual([`#infra/routes/${basename(file, '.ts')}`]);
    }
    // An area's table is a declaration: it pulls nothing else into the bundle.
    for (const file of filesUnder('infra/routes')) expect(importsOf(file), file).toEqual([]);
  });

  it('sends every HTTP command through a use case: handlers take only reads from adapters', () => {
    for (const file of filesUnder('functions/http')) {
      const writes = namedValueImports(file)
        .filter(({ spec }) => spec.startsWith('#shared/adapters/'))
        .filter(({ name }) => !READ.test(name));
      expect(writes, file).toEqual([]);
    }
  });
});

// The web app: the component kit (ui/) draws and knows nothing of the app around it;
// the API client gets who is signed in through a port; the shell (shell/, routes.ts)
// puts screens together, and a screen (web/portal/<x>/, web/admin/<x>/) never reaches
// into another: what two screens share lives in ui/, parts/ or its area's own modules.
const webFiles = (dir: string): string[] => repoFiles(dir, /\.tsx?$/);

/** Static imports, `import type` included, resolved to web/… paths; dynamic `import()` (lazy routes) left out. */
const staticWebImportsOf = (file: string): string[] =>
  [...read(file).matchAll(/^import [^'"]*['"]([^'"]+)['"]|^export (?:type )?(?:\*|\{[^}]*\}) from ['"]([^'"]+)['"]/gm)]
    .map((m) => resolveImport(file, (m[1] ?? m[2]) as string))
    .filter((path) => path.startsWith('web/'));

/** The screen a file belongs to (`web/portal/orders`), or undefined for everything else. */
const screenOf = (path: string): string | undefined => /^web\/(?:portal|admin)\/[^/]+(?=\/)/.exec(path)?.[0];

/** What the component kit may import from the rest of web/: itself, the language, the base path and the API's error model (no I/O). */
const KIT_MAY_IMPORT = /^web\/(ui\/|i18n\/locale\.ts$|base\.ts$|api\/problem\.ts$)/;

describe('web import graph', () => {
  it('keeps ui/ a component kit: no routes, auth, shell, API client or screens', () => {
    const kit = webFiles('web/ui');
    expect(kit.length, 'the kit is where this test looks').toBeGreaterThan(5);
    for (const file of kit) {
      expect(
        allImportsOf(file)
          .map((spec) => resolveImport(file, spec))
          .filter((path) => path.startsWith('web/') && !KIT_MAY_IMPORT.test(path)),
        `${file}: the kit draws what it is given; loading, signing in and routing live in parts/, auth/ and shell/`,
      ).toEqual([]);
    }
  });

  it('keeps the API client apart from the session: web/api imports no auth, shell, routes or screens', () => {
    for (const file of webFiles('web/api')) {
      expect(
        allImportsOf(file)
          .map((spec) => resolveImport(file, spec))
          .filter((path) => /^web\/(auth\/|shell\/|routes\.ts$|parts\/|portal\/|admin\/)/.test(path)),
        `${file}: the token comes through connectApi's port`,
      ).toEqual([]);
    }
  });

  it('lets no screen import another: a screen is imported only by itself and, lazily, by routes.ts', () => {
    const files = webFiles('web');
    expect(new Set(files.map(screenOf).filter(Boolean)).size, 'the screens are where this test looks').toBeGreaterThan(10);
    for (const file of files) {
      const own = screenOf(file);
      expect(
        allImportsOf(file)
          .map((spec) => resolveImport(file, spec))
          .filter((path) => screenOf(path) !== undefined && screenOf(path) !== own)
          .filter((path) => !(file === 'web/routes.ts' && !staticWebImportsOf(file).includes(path))),
        `${file} imports another screen: move what they share to ui/, parts/ or the area's own modules`,
      ).toEqual([]);
    }
  });

  it('has no import cycle in web/ (lazy routes aside)', () => {
    const graph = new Map(webFiles('web').map((file) => [file, staticWebImportsOf(file)] as const));
    const done = new Set<string>();
    const cycles: string[] = [];
    const visit = (file: string, trail: readonly string[]) => {
      if (trail.includes(file)) {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
        return;
      }
      if (done.has(file)) return;
      for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
      done.add(file);
    };
    for (const file of graph.keys()) visit(file, []);
    expect(graph.get('web/shell/app.tsx'), 'the graph is resolved').toContain('web/routes.ts');
    expect(cycles).toEqual([]);
  });
});
