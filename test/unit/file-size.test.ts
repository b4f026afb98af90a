// Small files: no TypeScript source or test over 300 lines, anywhere in the
// repository. A file that grows past it is split by subject, not trimmed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, repoFiles } from '../support/repo-files.ts';

const MAX_LINES = 300;

const lineCount = (file: string): number => readFileSync(join(REPO_ROOT, file), 'utf8').replace(/\n$/, '').split('\n').length;

describe('file size', () => {
  it(`keeps every .ts and .tsx file at ${MAX_LINES} lines or fewer`, () => {
    const files = repoFiles('.', /\.tsx?$/);
    // The walk must really reach the code (a wrong root would pass on nothing).
    expect(files).toEqual(expect.arrayContaining(['shared/adapters/keys.ts', 'test/unit/file-size.test.ts']));
    const oversized = files
      .map((file) => ({ file, lines: lineCount(file) }))
      .filter(({ lines }) => lines > MAX_LINES)
      .map(({ file, lines }) => `${file}: ${lines} lines`);
    expect(oversized).toEqual([]);
  });
});
