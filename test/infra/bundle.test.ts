// REAL BUNDLING: synthesizes the stack exactly as `npm run synth` does (esbuild
// on every entry, cdk-nag on) and checks what would ship: self-contained ESM
// bundles with the AWS SDK inside, each HTTP function with its own area's routes
// only, the embedded font beside the documents bundle, and a bundle that answers
// GET /health when run from outside the repo.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Stack } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '#infra/app';
import { HTTP_FUNCTIONS, routes } from '#infra/routes';
import { DOCUMENT_FONTS } from '#shared/adapters/document-fonts';

describe('real esbuild bundles', () => {
  let outdir: string;
  let built: ReturnType<typeof buildApp>;

  const assetDir = (stack: Stack, fn: { node: { defaultChild?: unknown } }): string => {
    const template = JSON.parse(readFileSync(join(outdir, `${stack.artifactId}.template.json`), 'utf8')) as {
      Resources: Record<string, { Properties: { Code: { S3Key?: string } } }>;
    };
    const key = template.Resources[stack.getLogicalId(fn.node.defaultChild as never)]?.Properties.Code.S3Key ?? '';
    return join(outdir, `asset.${key.replace(/\.zip$/, '')}`);
  };

  beforeAll(() => {
    outdir = mkdtempSync(join(tmpdir(), 'aftersales-cdk-'));
    built = buildApp({ code: 'bundle', outdir });
    // Throws if bundling fails or cdk-nag reports an unacknowledged finding.
    built.app.synth();
  });
  afterAll(() => {
    if (outdir) rmSync(outdir, { recursive: true, force: true });
  });

  it('bundles every function as one minified ESM file with a source map, the AWS SDK inside and the licences beside', () => {
    const fns = [
      ...HTTP_FUNCTIONS.map((name) => built.stack.functions[name].fn),
      built.stack.notify.fn.fn,
      built.stack.events.consumer.fn,
      built.stack.events.delivery.fn,
      built.stack.payments.consumer.fn,
    ];
    for (const fn of fns) {
      const dir = assetDir(built.stack, fn);
      const code = readFileSync(join(dir, 'index.mjs'), 'utf8');
      expect(existsSync(join(dir, 'index.mjs.map')), dir).toBe(true);
      // The bundled packages' licence notices ship beside the code, not in it.
      expect(readFileSync(join(dir, 'index.mjs.LEGAL.txt'), 'utf8'), dir).toMatch(/license/i);
      expect(code, dir).not.toContain('Bundled license information');
      expect(code.startsWith('import { createRequire as __bannerCreateRequire }'), dir).toBe(true);
      // Nothing left for the runtime to provide: no ESM import of the SDK
      // (minified imports have no spaces; SDK error messages quoting
      // `import "@aws-sdk/…"` do). Only the matches are printed on failure.
      expect(code.match(/\b(from|import)\(?"@aws-sdk\/[\w-]+/g) ?? [], dir).toEqual([]);
    }
  });

  it("bundles each HTTP function with its own area's routes and no other area's", () => {
    for (const name of HTTP_FUNCTIONS) {
      const code = readFileSync(join(assetDir(built.stack, built.stack.functions[name].fn), 'index.mjs'), 'utf8');
      // Minified, a route's id and path are double-quoted strings (the table's, and the id keys of its specs).
      const named = (text: string): boolean => code.includes(`"${text}"`);
      const own = routes.filter((route) => route.fn === name);
      const others = routes.filter((route) => route.fn !== name && !own.some((mine) => mine.path === route.path));
      expect(
        own.filter((route) => !named(route.id) || !named(route.path)).map((route) => route.id),
        name,
      ).toEqual([]);
      expect(
        others.filter((route) => named(route.id) || named(route.path)).map((route) => route.id),
        name,
      ).toEqual([]);
    }
  });

  it('ships the embedded font with the documents function, and the mapping that finds it', () => {
    const dir = assetDir(built.stack, built.stack.functions.documents.fn);
    for (const file of Object.values(DOCUMENT_FONTS)) expect(existsSync(join(dir, 'document-fonts', file)), file).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))).toEqual({
      imports: { '#document-fonts/*': './document-fonts/*' },
    });
  });

  it('the meta bundle answers GET /health on its own (plain node, outside the repo, no node_modules)', () => {
    const dir = assetDir(built.stack, built.stack.functions.meta.fn);
    // A child process, so neither vitest's resolver nor the repo's node_modules can help.
    const script = `
      const { handler } = await import('./index.mjs');
      const path = '/health';
      const event = {
        version: '2.0', routeKey: 'GET ' + path, rawPath: path, rawQueryString: '', headers: {}, isBase64Encoded: false,
        requestContext: {
          http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
          requestId: 'bundle-test', routeKey: 'GET ' + path, stage: '$default', timeEpoch: Date.now(),
        },
      };
      const context = { awsRequestId: 'bundle-test', functionName: 'meta', getRemainingTimeInMillis: () => 10000 };
      const result = await handler(event, context);
      process.stdout.write(JSON.stringify({ statusCode: result.statusCode, body: result.body }));
    `;
    const out = execFileSync(process.execPath, ['--enable-source-maps', '--input-type=module', '-e', script], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', AWS_REGION: 'eu-west-1', NODE_NO_WARNINGS: '1' },
      encoding: 'utf8',
    });
    const result = JSON.parse(out) as { statusCode: number; body: string };
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body)).toEqual({ status: 'ok' });
  });
});
