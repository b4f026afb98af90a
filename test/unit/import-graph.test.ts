// Dependencies point inward: the pure domain imports only itself and pure libraries, reads
// no environment and no clock; only adapters touch an AWS SDK.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

const filesUnder = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => relative(root, join(e.parentPath, e.name)));

/** Value imports only: `import type` brings in no code. */
const importsOf = (file: string): string[] =>
  [...readFileSync(join(root, file), 'utf8').matchAll(/^import (?!type )[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1] as string);

/** Pure libraries the domain may use: no I/O, no state. */
const PURE_LIBRARIES = new Set(['zod/mini', 'zod/v4/locales/en.js', 'ibantools']);

describe('import graph', () => {
  it('keeps shared/domain pure: no SDK, no adapters, no environment, no clock, no randomness', () => {
    for (const file of filesUnder('shared/domain')) {
      const source = readFileSync(join(root, file), 'utf8');
      for (const spec of importsOf(file)) {
        expect(spec.startsWith('.') || PURE_LIBRARIES.has(spec), `${file} imports ${spec}`).toBe(true);
      }
      expect(source, file).not.toMatch(/process\.env|Date\.now\(|new Date\(\)|Math\.random/);
    }
  });

  it('lets only shared/adapters import an AWS SDK client', () => {
    for (const dir of ['shared/domain', 'shared/http', 'shared/api', 'shared/use-cases', 'functions/http']) {
      for (const file of filesUnder(dir)) {
        expect(
          importsOf(file).filter((s) => s.startsWith('@aws-sdk/')),
          file,
        ).toEqual([]);
      }
    }
  });
});
