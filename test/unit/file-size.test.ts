// Small files: no TypeScript source or test over 300 lines, anywhere in the
// repository. A file that grows past it is split by subject, not trimmed.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const MAX_LINES = 300;

/** What the repository holds; generated and installed trees are not ours to size. */
const SKIPPED = new Set(['node_modules', 'cdk.out', 'dist', '.cache', '.local', '.git']);

const sourcesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });

const lineCount = (file: string): number => readFileSync(file, 'utf8').replace(/\n$/, '').split('\n').length;

describe('file size', () => {
  it(`keeps every .ts and .tsx file at ${MAX_LINES} lines or fewer`, () => {
    const files = sourcesUnder(root);
    // The walk must really reach the code (a wrong root would pass on nothing).
    expect(files.map((f) => relative(root, f))).toEqual(expect.arrayContaining(['shared/adapters/keys.ts', 'test/unit/file-size.test.ts']));
    const oversized = files
      .map((f) => ({ file: relative(root, f), lines: lineCount(f) }))
      .filter(({ lines }) => lines > MAX_LINES)
      .map(({ file, lines }) => `${file}: ${lines} lines`);
    expect(oversized).toEqual([]);
  });
});
