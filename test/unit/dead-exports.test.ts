// No dead code behind an `export`: every exported declaration is named again
// somewhere (its own file, another module, a test). The check reads names, not
// types: a name that happens to appear elsewhere passes, so it can miss a dead
// export but never fails a live one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, repoFiles } from '../support/repo-files.ts';

const EXPORTED = /^export (?:async )?(?:const|let|function\*?|class|type|interface|enum) ([A-Za-z_$][\w$]*)/gm;

describe('dead exports', () => {
  it('exports nothing that nothing names', () => {
    const files = repoFiles('.', /\.(tsx?|mjs)$/).map((path) => ({ path, source: readFileSync(join(REPO_ROOT, path), 'utf8') }));
    const uses = new Map<string, number>();
    for (const { source } of files) for (const name of source.match(/[A-Za-z_$][\w$]*/g) ?? []) uses.set(name, (uses.get(name) ?? 0) + 1);
    const exported = files.flatMap(({ path, source }) => [...source.matchAll(EXPORTED)].map((m) => ({ file: path, name: m[1] as string })));
    // The walk must really reach the code (a wrong root would pass on nothing).
    expect(exported.length).toBeGreaterThan(500);
    expect(exported.filter(({ name }) => (uses.get(name) ?? 0) < 2).map(({ file, name }) => `${file}: ${name}`)).toEqual([]);
  });
});
