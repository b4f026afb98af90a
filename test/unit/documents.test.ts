import { describe, expect, it } from 'vitest';
import { buildOrderDocument, checkReceiptAvailable, type RefundSummary, refundState } from '#shared/domain/documents/order-document';
import { printable } from '#shared/domain/documents/printable';
import { ConflictError } from '#shared/domain/errors';
import { buildOrder, type Order } from '#shared/domain/order';
import { orderBody } from '../support/orders.ts';

const now = '2026-11-27T10:00:00.000Z';
const shop = { name: 'Corner Shop', address: '1 Market Street\nSpringfield 12345' };
const ids = { id: 'ord_01DOC', number: 'A1B2C3D4', lineIds: ['li_1', 'li_2'], now: '2026-11-21T10:00:00.000Z', by: 'storefront:x' };

const orderIn = (currency: string, over: Partial<Order> = {}): Order => ({ ...buildOrder(orderBody({ currency }), ids), ...over });

const refund = (over: Partial<RefundSummary> = {}): RefundSummary => ({
  id: 'rfd_01B',
  createdAt: '2026-11-26T10:00:00.000Z',
  total: 1000,
  transactions: [{ gateway: 'card', status: 'pending' }],
  ...over,
});

const totalsOf = (doc: ReturnType<typeof buildOrderDocument>) => Object.fromEntries(doc.totals.map((t) => [t.label, t.value]));

describe('printable', () => {
  it('keeps Latin, Greek and Cyrillic text and currency signs, transliterates what it can and marks the rest', () => {
    expect(printable('Zoë Müller — 25 € ₹ ₩')).toBe('Zoë Müller — 25 € ₹ ₩');
    expect(printable('Łukasz Żółć, Řehoř Šťastný, Σωκράτης, Алексей')).toBe('Łukasz Żółć, Řehoř Šťastný, Σωκράτης, Алексей');
    // Decomposed input (as some keyboards send it) is composed first.
    expect(printable('R\u030cehor\u030c')).toBe('Řehoř');
    expect(printable('山田\ttaro\r\nline ﬁ')).toBe('?? taro line fi');
  });
});

describe('buildOrderDocument', () => {
  it('lays out an invoice with every amount formatted for USD (2 decimals)', () => {
    const doc = buildOrderDocument({ kind: 'invoice', order: orderIn('USD'), shop, refunds: [], now, locale: 'en' });
    expect(doc.title).toBe('Invoice');
    expect(doc.fileName).toBe('invoice-A1B2C3D4.pdf');
    expect(doc.shop).toEqual({ name: 'Corner Shop', addressLines: ['1 Market Street', 'Springfield 12345'] });
    expect(doc.meta).toEqual([
      ['Invoice no.', 'INV-A1B2C3D4'],
      ['Order no.', 'A1B2C3D4'],
      ['Order date', 'Nov 21, 2026'],
      ['Invoice date', 'Nov 21, 2026'],
      ['Issued', 'Nov 27, 2026'],
      ['Currency', 'USD'],
    ]);
    expect(doc.lines.rows).toEqual([
      { cells: ['Mug', '3', '$10.00', '-$3.00', '$3.00', '$30.00'], detail: 'SKU MUG-1' },
      { cells: ['T-shirt', '1', '$25.00', '$0.00', '$0.00', '$25.00'], detail: 'M · SKU TEE-1' },
    ]);
    expect(totalsOf(doc)).toEqual({
      Subtotal: '$55.00',
      Discounts: '-$3.00',
      'Shipping (standard)': '$5.00',
      Tax: '$3.50',
      Total: '$60.50',
      Paid: '$60.50',
    });
    expect(doc.payment).toEqual([
      ['Payment method', 'Card'],
      ['Payment status', 'Paid'],
      ['Order status', 'Pending'],
    ]);
    expect(doc.refunds).toBeNull();
    expect(doc.parties[0]).toEqual({ heading: 'Bill to', lines: ['Ada Lovelace', '12 St James Square', 'SW1Y 4JH London', 'GB', 'ada@example.com'] });
  });

  it('formats JPY without decimals and KWD with three', () => {
    const jpy = buildOrderDocument({ kind: 'invoice', order: orderIn('JPY'), shop, refunds: [], now, locale: 'en' });
    expect(totalsOf(jpy).Total).toBe('¥6,050');
    expect(jpy.lines.rows[0]?.cells).toEqual(['Mug', '3', '¥1,000', '-¥300', '¥300', '¥3,000']);
    const kwd = buildOrderDocument({ kind: 'invoice', order: orderIn('KWD'), shop, refunds: [], now, locale: 'en' });
    expect(totalsOf(kwd).Total?.replace(/\u00a0/g, ' ')).toBe('KWD 6.050');
    expect(totalsOf(kwd).Tax?.replace(/\u00a0/g, ' ')).toBe('KWD 0.350');
  });

  it('shows an unpaid (COD) invoice as due, with nothing paid', () => {
    const order = orderIn('USD', { paymentMethod: 'cod', paymentStatus: 'unpaid' });
    const doc = buildOrderDocument({ kind: 'invoice', order, shop, refunds: [], now, locale: 'en' });
    expect(totalsOf(doc)).toMatchObject({ Paid: '$0.00', 'Amount due': '$60.50' });
    expect(doc.payment[0]).toEqual(['Payment method', 'Cash on delivery']);
  });

  it('prints a receipt of a partly refunded, delivered order with its refunds oldest first', () => {
    const order = orderIn('USD', {
      paymentMethod: 'bank_transfer',
      paymentStatus: 'partially_refunded',
      status: 'out_for_delivery',
      deliveredAt: '2026-11-25T10:00:00.000Z',
      totals: { ...orderIn('USD').totals, refunded: 1500 },
    });
    const refunds = [
      refund({ id: 'rfd_02', createdAt: '2026-11-26T12:00:00.000Z', total: 500, transactions: [{ gateway: 'voucher', status: 'success' }] }),
      refund({ id: 'rfd_01' }),
    ];
    const doc = buildOrderDocument({ kind: 'receipt', order, shop, refunds, now, locale: 'en' });
    expect(doc.title).toBe('Receipt');
    expect(doc.meta.map(([label]) => label)).toEqual(['Receipt no.', 'Order no.', 'Order date', 'Delivered', 'Issued', 'Currency']);
    expect(totalsOf(doc)).toMatchObject({ 'Amount paid': '$60.50', Refunded: '-$15.00', 'Net paid': '$45.50' });
    expect(doc.refunds?.rows.map((r) => r.cells)).toEqual([
      ['rfd_01', 'Nov 26, 2026', 'Card', 'Pending', '$10.00'],
      ['rfd_02', 'Nov 26, 2026', 'Voucher', 'Completed', '$5.00'],
    ]);
    expect(doc.payment).toEqual([
      ['Payment method', 'Bank transfer'],
      ['Payment status', 'Partially refunded'],
      ['Order status', 'Out for delivery'],
    ]);
    expect(doc.footer).toContain('thank you for your payment');
  });

  it('refuses a receipt for an unpaid order (409)', () => {
    const order = orderIn('USD', { paymentMethod: 'cod', paymentStatus: 'unpaid' });
    expect(() => buildOrderDocument({ kind: 'receipt', order, shop, refunds: [], now, locale: 'en' })).toThrow(ConflictError);
    expect(() => checkReceiptAvailable({ paymentStatus: 'refunded' })).not.toThrow();
  });

  it('makes names printable and file names safe', () => {
    const order = orderIn('USD', {
      number: 'Nº 7/42',
      billingAddress: {
        name: '山田 太郎',
        line1: 'Łąka 1',
        line2: 'Apt 2',
        city: 'Kraków',
        region: 'Małopolska',
        postalCode: '30-001',
        country: 'PL',
        phone: '+48 1',
      },
    });
    const doc = buildOrderDocument({ kind: 'invoice', order, shop: { name: 'Shop ₹', address: '' }, refunds: [], now, locale: 'en' });
    expect(doc.fileName).toBe('invoice-N__7_42.pdf');
    expect(doc.shop).toEqual({ name: 'Shop ₹', addressLines: [] });
    expect(doc.parties[0]?.lines).toEqual(['?? ??', 'Łąka 1', 'Apt 2', '30-001 Kraków', 'Małopolska', 'PL', 'Tel. +48 1', 'ada@example.com']);
  });
});

describe('refundState', () => {
  it('reads the state from the transactions', () => {
    expect(refundState({ transactions: [{ gateway: 'card', status: 'success' }] })).toBe('completed');
    expect(
      refundState({
        transactions: [
          { gateway: 'card', status: 'success' },
          { gateway: 'card', status: 'pending' },
        ],
      }),
    ).toBe('pending');
    expect(refundState({ transactions: [{ gateway: 'card', status: 'failure' }] })).toBe('failed');
    expect(refundState({ transactions: [] })).toBe('recorded');
  });

  it('names unknown gateways as they are, and a refund without transactions with a dash', () => {
    const order = orderIn('USD', { paymentStatus: 'refunded' });
    const doc = buildOrderDocument({
      kind: 'receipt',
      order,
      shop,
      refunds: [refund({ transactions: [] }), refund({ id: 'rfd_03', transactions: [{ gateway: 'crypto', status: 'failure' }] })],
      now,
      locale: 'en',
    });
    expect(doc.refunds?.rows.map((r) => r.cells.slice(2, 4))).toEqual([
      ['-', 'Recorded'],
      ['crypto', 'Failed'],
    ]);
  });
});

describe('a German receipt', () => {
  it('speaks German: labels, statuses, amounts and dates', () => {
    const order = orderIn('EUR', { paymentStatus: 'partially_refunded', status: 'delivered', deliveredAt: '2026-12-07T09:00:00.000Z' });
    const doc = buildOrderDocument({
      kind: 'receipt',
      order,
      shop,
      refunds: [refund({ transactions: [{ gateway: 'card', status: 'success' }] })],
      now,
      locale: 'de',
    });
    expect(doc.title).toBe('Quittung');
    expect(doc.meta).toContainEqual(['Zugestellt', '7. Dez. 2026']);
    expect(doc.lines.columns).toEqual(['Artikel', 'Menge', 'Einzelpreis', 'Rabatt', 'Steuer', 'Gesamt']);
    expect(doc.lines.rows[0]?.cells).toEqual(['Mug', '3', '10,00\u00a0€', '-3,00\u00a0€', '3,00\u00a0€', '30,00\u00a0€']);
    expect(doc.payment).toEqual([
      ['Zahlungsart', 'Karte'],
      ['Zahlungsstatus', 'Teilweise erstattet'],
      ['Bestellstatus', 'Zugestellt'],
    ]);
    expect(doc.refunds?.rows[0]?.cells.slice(1)).toEqual(['26. Nov. 2026', 'Karte', 'Abgeschlossen', '10,00\u00a0€']);
    expect(doc.footer).toBe('Corner Shop – vielen Dank für Ihre Zahlung. Beträge in EUR.');
    expect(doc.pageLabel(1, 2)).toBe('Seite 1 von 2');
  });
});
