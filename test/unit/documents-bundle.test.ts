// The documents bundle embeds Noto Sans through fontkit and replaces brotli
// (WOFF2 only) with a stub (infra/bundling.ts): the PDF renderer, bundled
// exactly as the stack bundles it and run from there, finds the font files
// shipped beside it and prints a German invoice with Polish, Greek and Cyrillic
// names; the bundle stays within its budget.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { documentFontsHook, esbuildOptions, stubbedModules } from '#infra/bundling';
import { projectRoot } from '#infra/local/setup';
import type { renderPdf as RenderPdf } from '#shared/adapters/pdf';
import { buildOrderDocument } from '#shared/domain/documents/order-document';
import { buildOrder } from '#shared/domain/order';
import { orderBody } from '../support/orders.ts';
import { pdfText } from '../support/pdf-text.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'documents-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the documents bundle', () => {
  it('renders an invoice with the embedded font from the bundle, brotli stubbed out', async () => {
    const outfile = path.join(dir, 'index.mjs');
    const result = await build({
      ...esbuildOptions(path.join(projectRoot, 'shared', 'adapters', 'pdf.ts'), outfile, stubbedModules(projectRoot, 'documents')),
      metafile: true,
      logLevel: 'error',
    });
    for (const command of documentFontsHook(projectRoot).afterBundling(projectRoot, dir)) execFileSync('sh', ['-c', command]);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((input) => input.includes('node_modules/fontkit/'))).toBe(true);
    expect(inputs.some((input) => input.includes('node_modules/brotli/'))).toBe(false);
    expect(readFileSync(outfile, 'utf8')).toContain('brotli is not bundled');
    // The renderer alone: pdfkit and fontkit with their dependencies (the Lambda adds the SDK and the handler).
    expect(statSync(outfile).size).toBeLessThan(480 * 1024);

    const { renderPdf } = (await import(pathToFileURL(outfile).href)) as { renderPdf: typeof RenderPdf };
    const now = '2026-11-27T10:00:00.000Z';
    const body = orderBody({
      currency: 'EUR',
      billingAddress: { name: 'Łukasz Żółć', line1: 'Řehoř Šťastný', city: 'Kraków', country: 'PL' },
      shippingAddress: { name: 'Σωκράτης Παπαδόπουλος', line1: 'Алексей Смирнов', city: 'Αθήνα', country: 'GR' },
    });
    const order = buildOrder(body, { id: 'ord_01BUNDLE', number: 'BND00001', lineIds: body.lineItems.map((_, i) => `li_${i}`), now, by: 'x' });
    const shop = { name: 'Corner Shop', address: '1 Market Street' };
    const read = await pdfText(await renderPdf(buildOrderDocument({ kind: 'invoice', order, shop, refunds: [], now, locale: 'de' }), now));
    expect(read.title).toBe('Rechnung INV-BND00001');
    expect(read.lines).toContain('Mug 3 10,00 € -3,00 € 3,00 € 30,00 €');
    expect(read.text).toMatch(/Gesamtbetrag 60,50 €/);
    for (const name of ['Łukasz Żółć', 'Řehoř Šťastný', 'Kraków', 'Σωκράτης Παπαδόπουλος', 'Алексей Смирнов']) expect(read.text).toContain(name);
  });
});
