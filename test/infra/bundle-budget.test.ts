// Every function built exactly as the stack builds it (esbuild, the AWS SDK
// inside): no bundle carries two copies of a package (two versions of an SDK
// client would ship twice and cold-start twice), and none outgrows the budget
// stated beside the bench (test/bench/bundle-budgets.ts).
import type { Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_BUDGET_KB } from '../bench/bundle-budgets.ts';
import { bundleFunction, duplicatesOf, type FunctionBundle, LAMBDA_FUNCTIONS } from '../bench/bundles.ts';

const built = new Map<string, FunctionBundle>();

beforeAll(async () => {
  for (const fn of LAMBDA_FUNCTIONS) built.set(fn.name, await bundleFunction(fn));
}, 300_000);

describe('function bundles', () => {
  it('finds a package bundled from two places (the check itself)', () => {
    const input = (path: string) => ({ [path]: { bytesInOutput: 10 } });
    const meta = {
      inputs: {},
      outputs: {
        'index.mjs': {
          inputs: {
            ...input('node_modules/@aws-sdk/client-s3/dist-es/S3Client.js'),
            ...input('node_modules/@aws-sdk/s3-presigned-post/node_modules/@aws-sdk/client-s3/dist-es/S3Client.js'),
            ...input('node_modules/@aws-sdk/lib-dynamodb/dist-es/index.js'),
          },
        },
      },
    } as unknown as Metafile;
    expect(duplicatesOf(meta)).toEqual(['@aws-sdk/client-s3']);
  });

  it('holds one copy of every package, AWS SDK included', () => {
    const twice = [...built].filter(([, b]) => b.duplicates.length > 0).map(([name, b]) => `${name}: ${b.duplicates.join(', ')}`);
    expect(twice).toEqual([]);
  });

  it('keeps every function within its stated budget', () => {
    expect(Object.keys(BUNDLE_BUDGET_KB).sort()).toEqual(LAMBDA_FUNCTIONS.map((fn) => fn.name).sort());
    const over = [...built]
      .filter(([name, b]) => b.bytes > (BUNDLE_BUDGET_KB[name] ?? 0) * 1024)
      .map(([name, b]) => `${name}: ${(b.bytes / 1024).toFixed(0)} KB > ${BUNDLE_BUDGET_KB[name]} KB`);
    expect(over).toEqual([]);
  });
});
