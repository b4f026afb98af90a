// The repository's own source files, for the tests that hold its shape (import
// graph, file sizes, dead exports); generated and installed trees are skipped.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

export const REPO_ROOT = join(import.meta.dirname, '..', '..');

const SKIPPED = new Set(['node_modules', 'cdk.out', 'dist', '.cache', '.local', '.git']);

/** Files under `dir` (repository-relative) whose names match `pattern`, as repository-relative paths. */
export const repoFiles = (dir: string, pattern: RegExp): string[] => {
  const walk = (path: string): string[] =>
    readdirSync(path, { withFileTypes: true }).flatMap((entry) => {
      if (SKIPPED.has(entry.name)) return [];
      const child = join(path, entry.name);
      if (entry.isDirectory()) return walk(child);
      return pattern.test(entry.name) ? [relative(REPO_ROOT, child)] : [];
    });
  return walk(join(REPO_ROOT, dir));
};
