// Renders documents to real PDFs (in memory) and reads the text back.
import { describe, expect, it } from 'vitest';
import { renderPdf } from '#shared/adapters/pdf';
import { buildOrderDocument } from '#shared/domain/documents/order-document';
import { buildOrder, type CreateOrderBody } from '#shared/domain/order';
import { orderBody } from '../support/orders.ts';
import { pdfText } from '../support/pdf-text.ts';

const now = '2026-11-27T10:00:00.000Z';
const shop = { name: 'Corner Shop', address: '1 Market Street\nSpringfield 12345' };

const render = async (body: CreateOrderBody, kind: 'invoice' | 'receipt' = 'invoice') => {
  const order = buildOrder(body, {
    id: 'ord_01PDF',
    number: 'PDF00001',
    lineIds: body.lineItems.map((_, i) => `li_${i}`),
    now: '2026-11-21T10:00:00.000Z',
    by: 'x',
  });
  const bytes = await renderPdf(buildOrderDocument({ kind, order, shop, refunds: [], now }), now);
  return { bytes, read: await pdfText(bytes) };
};

describe('renderPdf', () => {
  it('writes a real PDF whose text carries the shop, the parties and the amounts', async () => {
    const { bytes, read } = await render(orderBody());
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(read.pages).toBe(1);
    expect(read.title).toBe('Invoice INV-PDF00001');
    expect(read.lines).toContain('Corner Shop');
    expect(read.lines).toContain('1 Market Street');
    expect(read.text).toMatch(/Invoice no\. INV-PDF00001/);
    expect(read.lines).toContain('Mug 3 $10.00 -$3.00 $3.00 $30.00');
    expect(read.text).toMatch(/Total \$60\.50/);
    expect(read.text).toMatch(/Payment method Card/);
    expect(read.text).toContain('Page 1 of 1');
  });

  it('prints JPY without decimals and KWD with three', async () => {
    const jpy = await render(orderBody({ currency: 'JPY' }), 'receipt');
    expect(jpy.read.text).toMatch(/RECEIPT/);
    expect(jpy.read.text).toMatch(/Total ¥6,050/);
    expect(jpy.read.text).toMatch(/Amount paid ¥6,050/);
    const kwd = await render(orderBody({ currency: 'KWD' }));
    expect(kwd.read.text).toMatch(/Total KWD 6\.050/);
    expect(kwd.read.lines).toContain('Mug 3 KWD 1.000 -KWD 0.300 KWD 0.300 KWD 3.000');
  });

  it('breaks a long order over pages, repeating the table head, and loses no line', async () => {
    const lineItems = Array.from({ length: 100 }, (_, i) => ({ sku: `SKU-${i}`, title: `Item number ${i}`, quantity: 1, unitPrice: 100 + i }));
    const { read } = await render(orderBody({ lineItems }));
    expect(read.pages).toBeGreaterThan(2);
    for (let i = 0; i < 100; i++) expect(read.text).toContain(`Item number ${i} 1`);
    expect(read.lines.filter((l) => l === 'Item Qty Unit price Discount Tax Total')).toHaveLength(read.pages);
    expect(read.text).toContain(`Page ${read.pages} of ${read.pages}`);
  });
});
