// Module-level schemas are declared `/* @__PURE__ */ pure(() => …)`
// (shared/domain/pure.ts) so that a Lambda's bundle drops those it never
// reads, instead of building them at every cold start. Two checks: every such
// declaration in the schema modules has the mark, and bundles built with the
// stack's settings really leave other areas' schemas out.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { esbuildOptions } from '#infra/bundling';
import { projectRoot } from '#infra/local/setup';

const MARK = /^\/\* @__PURE__ \*\/ pure\(\s*\(\) =>/;

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

const bundleText = async (entry: string): Promise<string> => {
  const result = await build({ ...esbuildOptions(path.join(projectRoot, entry), 'index.mjs'), write: false, sourcemap: false, logLevel: 'error' });
  return result.outputFiles.map((file) => file.text).join('');
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
});
