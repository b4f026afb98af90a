// Printable documents end to end: real PDFs over real HTTP, read back as text.
import { describe, expect, it } from 'vitest';
import type { Order } from '#shared/domain/order';
import type { Settings } from '#shared/domain/settings';
import { admin, apiUrl, type Caller, call, createOrder, customer, storefront, tokenFor } from '../support/api.ts';
import { pdfText } from '../support/pdf-text.ts';

const fetchPdf = async (caller: Caller, path: string) => {
  const token = await tokenFor(caller);
  const response = await fetch(`${apiUrl()}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes };
};

const read = async (caller: Caller, path: string) => {
  const reply = await fetchPdf(caller, path);
  expect(reply.status).toBe(200);
  expect(reply.headers.get('content-type')).toBe('application/pdf');
  expect(Buffer.from(reply.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  return { ...reply, read: await pdfText(reply.bytes) };
};

describe('invoice.pdf', () => {
  it('gives the owner a real PDF with the shop, the order, its parties and every amount', async () => {
    const owner = customer();
    const order = await createOrder(owner);
    const shop = (await call<Settings>(admin, 'GET', '/admin/settings')).body.shop;
    const { headers, read: pdf } = await read(owner, `/orders/${order.id}/invoice.pdf`);
    expect(headers.get('content-disposition')).toBe(`inline; filename="invoice-${order.number}.pdf"`);
    expect(pdf.lines).toContain(shop.name);
    expect(pdf.text).toContain(`Invoice no. INV-${order.number}`);
    expect(pdf.text).toContain(`Order no. ${order.number}`);
    expect(pdf.text).toMatch(/Order date [A-Z][a-z]{2} \d{1,2}, \d{4}/);
    expect(pdf.text).toContain('BILL TO SHIP TO');
    expect(pdf.lines).toContain(owner.email);
    // test/support/orders.ts: mug 3 × $10.00, −$3.00, tax $3.00; tee $25.00; shipping $5.00 + $0.50 tax.
    expect(pdf.lines).toContain('Mug 3 $10.00 -$3.00 $3.00 $30.00');
    expect(pdf.lines).toContain('T-shirt 1 $25.00 $0.00 $0.00 $25.00');
    for (const line of ['Subtotal $55.00', 'Discounts -$3.00', 'Shipping (standard) $5.00', 'Tax $3.50', 'Total $60.50', 'Paid $60.50']) {
      expect(pdf.text).toContain(line);
    }
    expect(pdf.text).toContain('Payment method Card');
    expect(pdf.text).toContain('Payment status Paid');
  });

  it('formats JPY with no decimals and KWD with three', async () => {
    const owner = customer();
    const jpy = await createOrder(owner, {
      currency: 'JPY',
      lineItems: [{ sku: 'TEA-1', title: 'Tea set', quantity: 2, unitPrice: 4500, tax: 900 }],
      shipping: { method: 'express', amount: 800 },
    });
    const jpyPdf = (await read(owner, `/orders/${jpy.id}/invoice.pdf`)).read;
    expect(jpyPdf.lines).toContain('Tea set 2 ¥4,500 ¥0 ¥900 ¥9,900');
    expect(jpyPdf.text).toContain('Total ¥10,700');
    const kwd = await createOrder(owner, {
      currency: 'KWD',
      lineItems: [{ sku: 'OUD-1', title: 'Oud', quantity: 1, unitPrice: 12345, discount: 45, tax: 5 }],
      shipping: { method: 'courier', amount: 1500, tax: 1 },
    });
    const kwdPdf = (await read(admin, `/orders/${kwd.id}/invoice.pdf`)).read;
    expect(kwdPdf.lines).toContain('Oud 1 KWD 12.345 -KWD 0.045 KWD 0.005 KWD 12.305');
    expect(kwdPdf.text).toContain('Total KWD 13.806');
  });

  it('shows an unpaid COD invoice as due', async () => {
    const owner = customer();
    const order = await createOrder(owner, { paymentMethod: 'cod', paymentStatus: 'unpaid' });
    const pdf = (await read(owner, `/orders/${order.id}/invoice.pdf`)).read;
    expect(pdf.text).toContain('Payment method Cash on delivery');
    expect(pdf.text).toContain('Payment status Unpaid');
    expect(pdf.text).toContain('Paid $0.00');
    expect(pdf.text).toContain('Amount due $60.50');
  });

  it('answers 404 to another customer exactly as for an unknown order, 403 to the storefront, 401 without a token', async () => {
    const order = await createOrder(customer());
    const stranger = customer();
    const theirs = await call<{ detail: string }>(stranger, 'GET', `/orders/${order.id}/invoice.pdf`);
    const unknown = await call<{ detail: string }>(stranger, 'GET', '/orders/ord_01NOSUCHORDER/invoice.pdf');
    expect([theirs.status, unknown.status]).toEqual([404, 404]);
    expect(theirs.body.detail).toBe(unknown.body.detail);
    expect((await call(stranger, 'GET', `/orders/${order.id}/receipt.pdf`)).status).toBe(404);
    expect((await call(admin, 'GET', '/orders/not-an-order/invoice.pdf')).status).toBe(404);
    expect((await call(storefront, 'GET', `/orders/${order.id}/invoice.pdf`)).status).toBe(403);
    expect((await call({ role: 'public' }, 'GET', `/orders/${order.id}/invoice.pdf`)).status).toBe(401);
  });
});

describe('receipt.pdf', () => {
  it('is refused (409) until the order is paid, then issued to owner and admin', async () => {
    const owner = customer();
    const order = await createOrder(owner, { paymentMethod: 'cod', paymentStatus: 'unpaid' });
    const refused = await call<{ status: number }>(owner, 'GET', `/orders/${order.id}/receipt.pdf`);
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect((await call(admin, 'GET', `/orders/${order.id}/receipt.pdf`)).status).toBe(409);
    expect((await call(admin, 'POST', `/admin/orders/${order.id}/payment`, { status: 'paid' })).status).toBe(200);
    const pdf = (await read(owner, `/orders/${order.id}/receipt.pdf`)).read;
    expect(pdf.text).toContain('RECEIPT');
    expect(pdf.text).toContain(`Receipt no. RCT-${order.number}`);
    expect(pdf.text).toContain('Amount paid $60.50');
    expect(pdf.text).toContain('Payment status Paid');
    expect((await read(admin, `/orders/${order.id}/receipt.pdf`)).read.text).toContain('Amount paid $60.50');
  });

  it('lists the refunds so far with the refunded and net amounts', async () => {
    const owner = customer();
    const order = await createOrder(owner);
    const mug = order.lineItems[0] as Order['lineItems'][number];
    const refund = await call<{ id: string; total: number }>(admin, 'POST', `/admin/orders/${order.id}/refunds`, {
      refundLineItems: [{ lineItemId: mug.id, quantity: 1 }],
      restock: false,
      gateway: 'voucher',
    });
    expect(refund.status).toBe(201);
    expect(refund.body.total).toBe(1000);
    const pdf = (await read(owner, `/orders/${order.id}/receipt.pdf`)).read;
    expect(pdf.text).toContain('Payment status Partially refunded');
    expect(pdf.text).toContain('Refunded -$10.00');
    expect(pdf.text).toContain('Net paid $50.50');
    expect(pdf.text).toContain('Refunds so far');
    expect(pdf.lines.find((l) => l.startsWith(refund.body.id))).toMatch(/^rfd_\w+ [A-Z][a-z]{2} \d{1,2}, \d{4} Voucher Completed \$10\.00$/);
  });
});
