// Module-level schemas are declared `/* @__PURE__ */ lazy(() => …)`
// (shared/domain/pure.ts): a Lambda's bundle drops those it never reads, and
// builds the others on first use, not at every cold start. The checks: every
// such declaration in the schema modules has the mark; a lazy schema is built
// once, when first read, and keeps its identity for the registry and derived
// schemas; bundles built with the stack's settings leave other areas' schemas
// out, and importing one builds none.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { esbuildOptions } from '#infra/bundling';
import { projectRoot } from '#infra/local/setup';
import { lazy } from '#shared/domain/pure';

const MARK = /^\/\* @__PURE__ \*\/ (lazy|pure)\(\s*\(\) =>/;

/** The schema modules: every file of the domain and the API specs that imports zod. */
const schemaModules = (): string[] =>
  ['shared/domain', 'shared/api']
    .flatMap((dir) => readdirSync(path.join(projectRoot, dir), { recursive: true, encoding: 'utf8' }).map((file) => path.join(dir, file)))
    .filter((file) => file.endsWith('.ts'))
    .filter((file) => /from 'zod\/mini'/.test(readFileSync(path.join(projectRoot, file), 'utf8')));

const callsSomething = (node: ts.Node): boolean => {
  if (ts.isFunctionLike(node)) return false;
  if (ts.isCallExpression(node) || ts.isNewExpression(node)) return true;
  return ts.forEachChild(node, callsSomething) ?? false;
};

/** `file:line name` of each module-level declaration that calls something at import without the mark. */
const unmarked = (file: string, text: string): string[] => {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  return source.statements
    .filter(ts.isVariableStatement)
    .flatMap((statement) =>
      statement.declarationList.declarations
        .filter(({ initializer }) => initializer && callsSomething(initializer) && !MARK.test(initializer.getFullText(source).trim()))
        .map((d) => `${file}:${source.getLineAndCharacterOfPosition(d.getStart(source)).line + 1} ${d.name.getText(source)}`),
    );
};

const dir = mkdtempSync(path.join(tmpdir(), 'pure-declarations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bundleText = async (entry: string): Promise<string> => {
  const result = await build({ ...esbuildOptions(path.join(projectRoot, entry), 'index.mjs'), write: false, sourcemap: false, logLevel: 'error' });
  return result.outputFiles.find((file) => file.path.endsWith('.mjs'))?.text ?? '';
};

describe('module-level schema declarations', () => {
  it('are all marked droppable', () => {
    const modules = schemaModules();
    expect(modules.length).toBeGreaterThan(20);
    expect(modules.flatMap((file) => unmarked(file, readFileSync(path.join(projectRoot, file), 'utf8')))).toEqual([]);
  });

  it('the check sees a declaration without the mark', () => {
    const text = "const A = z.string();\nconst B = /* @__PURE__ */ pure(() => z.string());\nconst C = ['a'];\nconst D = () => z.string();";
    expect(unmarked('x.ts', text)).toEqual(['x.ts:1 A']);
  });

  it('leave a bundle when its function never reads them', async () => {
    // The events consumer forwards stored items as they are: none of the event
    // catalogue's schemas (used only for the published JSON Schema) ships.
    const events = await bundleText('functions/streams/events.ts');
    expect(events).toContain('evt_');
    expect(events).not.toContain('Event_');
    expect(events).not.toContain('IntegrationEvent');
    // The orders area validates orders, not refunds or webhooks.
    const orders = await bundleText('functions/http/orders.ts');
    expect(orders).toContain('OrderStatusBody');
    expect(orders).not.toContain('CreateRefundBody');
    expect(orders).not.toContain('WebhookEndpoint');
  }, 30_000);

  it('build nothing when a function is imported (its cold start)', async () => {
    const bundle = path.join(dir, 'orders.mjs');
    writeFileSync(bundle, await bundleText('functions/http/orders.ts'));
    // zod keeps its registry on globalThis: a schema built at import would have put its id there.
    const script = `await import(${JSON.stringify(bundle)}); const r = globalThis.__zod_globalRegistry; console.log(r ? r._idmap.size : 0); process.exit(0);`;
    const built = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, AWS_REGION: 'us-east-1' } });
    expect(built.trim()).toBe('0');
  }, 30_000);
});

describe('a lazy schema', () => {
  it('is built once, when first read, and validates as the schema it stands for', () => {
    let builds = 0;
    const Name = lazy(() => {
      builds += 1;
      return z.string().check(z.minLength(2));
    });
    expect(builds).toBe(0);
    expect(Name.safeParse('ab').success).toBe(true);
    expect(Name.safeParse('a').success).toBe(false);
    expect(z.object({ name: Name }).safeParse({ name: 'x' }).success).toBe(false);
    expect(builds).toBe(1);
  });

  it('keeps one identity: its registry id and the parent of what is derived from it', () => {
    const Thing = lazy(() => z.object({ a: z.string() }).register(z.globalRegistry, { id: 'LazyThing', description: 'A thing.' }));
    const Described = Thing.clone().register(z.globalRegistry, { description: 'Another.' });
    expect(z.globalRegistry.get(Thing)?.id).toBe('LazyThing');
    expect(Described._zod.parent).toBe(Thing);
    const json = z.toJSONSchema(z.object({ one: Thing, two: Thing }), { target: 'draft-2020-12' }) as { properties: Record<string, unknown> };
    expect(json.properties.one).toEqual({ $ref: '#/$defs/LazyThing' });
    expect(json.properties.two).toEqual({ $ref: '#/$defs/LazyThing' });
  });
});
