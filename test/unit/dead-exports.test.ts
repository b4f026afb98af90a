// No dead code behind an `export`: every exported declaration is named again
// somewhere (its own file, another module, a test). The check reads names, not
// types: a name that happens to appear elsewhere passes, so it can miss a dead
// export but never fails a live one.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const SKIPPED = new Set(['node_modules', 'cdk.out', 'dist', '.cache', '.local', '.git']);

const sourcesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path);
    return /\.(tsx?|mjs)$/.test(entry.name) ? [path] : [];
  });

const EXPORTED = /^export (?:async )?(?:const|let|function\*?|class|type|interface|enum) ([A-Za-z_$][\w$]*)/gm;

describe('dead exports', () => {
  it('exports nothing that nothing names', () => {
    const files = sourcesUnder(root).map((path) => ({ path, source: readFileSync(path, 'utf8') }));
    const uses = new Map<string, number>();
    for (const { source } of files) for (const name of source.match(/[A-Za-z_$][\w$]*/g) ?? []) uses.set(name, (uses.get(name) ?? 0) + 1);
    const exported = files.flatMap(({ path, source }) => [...source.matchAll(EXPORTED)].map((m) => ({ file: relative(root, path), name: m[1] as string })));
    // The walk must really reach the code (a wrong root would pass on nothing).
    expect(exported.length).toBeGreaterThan(500);
    expect(exported.filter(({ name }) => (uses.get(name) ?? 0) < 2).map(({ file, name }) => `${file}: ${name}`)).toEqual([]);
  });
});
