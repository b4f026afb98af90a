// The documents bundle replaces fontkit with a stub (infra/bundling.ts): the
// PDF renderer, bundled exactly as the stack bundles it, still writes the
// invoice with the standard fonts, and fontkit and brotli are not in it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { esbuildOptions, pdfkitFontsHook, stubbedModules } from '#infra/bundling';
import { projectRoot } from '#infra/local/setup';
import type { renderPdf as RenderPdf } from '#shared/adapters/pdf';
import { buildOrderDocument } from '#shared/domain/documents/order-document';
import { buildOrder } from '#shared/domain/order';
import { orderBody } from '../support/orders.ts';
import { pdfText } from '../support/pdf-text.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'documents-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the documents bundle', () => {
  it('renders an invoice with the standard fonts while fontkit is stubbed out', async () => {
    const outfile = path.join(dir, 'index.mjs');
    const result = await build({
      ...esbuildOptions(path.join(projectRoot, 'shared', 'adapters', 'pdf.ts'), outfile, stubbedModules(projectRoot, 'documents')),
      metafile: true,
      logLevel: 'error',
    });
    for (const command of pdfkitFontsHook(projectRoot).afterBundling(projectRoot, dir)) execFileSync('sh', ['-c', command]);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((input) => input.includes('node_modules/fontkit/'))).toBe(false);
    expect(inputs.some((input) => input.includes('node_modules/brotli/'))).toBe(false);
    expect(readFileSync(outfile, 'utf8')).toContain('fontkit is not bundled');

    const { renderPdf } = (await import(pathToFileURL(outfile).href)) as { renderPdf: typeof RenderPdf };
    const now = '2026-11-27T10:00:00.000Z';
    const body = orderBody();
    const order = buildOrder(body, { id: 'ord_01BUNDLE', number: 'BND00001', lineIds: body.lineItems.map((_, i) => `li_${i}`), now, by: 'x' });
    const shop = { name: 'Corner Shop', address: '1 Market Street' };
    const read = await pdfText(await renderPdf(buildOrderDocument({ kind: 'invoice', order, shop, refunds: [], now }), now));
    expect(read.title).toBe('Invoice INV-BND00001');
    expect(read.lines).toContain('Mug 3 $10.00 -$3.00 $3.00 $30.00');
    expect(read.text).toMatch(/Total \$60\.50/);
  });
});
