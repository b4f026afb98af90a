// Renders documents to real PDFs (in memory) and reads the text back.
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '#shared/adapters/pdf';
import { buildOrderDocument } from '#shared/domain/documents/order-document';
import { buildOrder, type CreateOrderBody } from '#shared/domain/order';
import type { Locale } from '#shared/i18n/locales';
import { orderBody } from '../support/orders.ts';
import { pdfText } from '../support/pdf-text.ts';

const now = '2026-11-27T10:00:00.000Z';
const shop = { name: 'Corner Shop', address: '1 Market Street\nSpringfield 12345' };

const render = async (body: CreateOrderBody, kind: 'invoice' | 'receipt' = 'invoice', locale: Locale = 'en') => {
  const order = buildOrder(body, {
    id: 'ord_01PDF',
    number: 'PDF00001',
    lineIds: body.lineItems.map((_, i) => `li_${i}`),
    now: '2026-11-21T10:00:00.000Z',
    by: 'x',
  });
  const bytes = await renderPdf(buildOrderDocument({ kind, order, shop, refunds: [], now, locale }), now);
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

  it('embeds a font for Latin, Greek and Cyrillic names: they come out of the PDF as the text they are', async () => {
    const address = (name: string, city: string) => ({
      name,
      line1: 'ul. Floriańska 1',
      line2: 'c/o Řehoř Šťastný',
      city,
      postalCode: '31-019',
      country: 'PL',
    });
    const body = orderBody({
      customer: { customerId: 'c-1', name: 'Łukasz Żółć', email: 'lukasz@example.com' },
      billingAddress: address('Łukasz Żółć', 'Kraków'),
      shippingAddress: address('Σωκράτης Παπαδόπουλος', 'Αθήνα'),
      currency: 'EUR',
      lineItems: [{ sku: 'MUG-1', title: 'Кружка для Алексей Смирнов', quantity: 2, unitPrice: 1250 }],
    });
    const { bytes, read } = await render(body, 'invoice', 'de');
    for (const name of ['Łukasz Żółć', 'c/o Řehoř Šťastný', 'Kraków', 'Σωκράτης Παπαδόπουλος', 'Αθήνα', 'ul. Floriańska 1', 'Кружка для Алексей Смирнов']) {
      expect(read.text).toContain(name);
    }
    // German throughout: the title, the labels, amounts and dates as a German reader writes them.
    expect(read.title).toBe('Rechnung INV-PDF00001');
    expect(read.text).toMatch(/Rechnungsnr\. INV-PDF00001/);
    expect(read.text).toMatch(/Bestelldatum 21\. Nov\. 2026/);
    expect(read.text).toContain('Кружка для Алексей Смирнов 2 12,50 € 0,00 € 0,00 € 25,00 €');
    expect(read.text).toMatch(/Gesamtbetrag 30,50 €/);
    expect(read.text).toContain('Seite 1 von 1');
    expect(read.text).toMatch(/^ZAHLUNG\b/m);
    // Embedded as a subset (a six-letter tag before the name), never a standard font.
    const pdf = Buffer.from(bytes).toString('latin1');
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSans-Regular/);
    expect(pdf).not.toContain('/BaseFont /Helvetica');
    // PDF_OUT=/tmp/names.pdf keeps the file, to look at (pdftoppm -png) for missing glyphs.
    if (process.env.PDF_OUT) writeFileSync(process.env.PDF_OUT, bytes);
  });
});
