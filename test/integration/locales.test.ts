// A German customer (customer.locale de-DE) end to end: their order is
// delivered, they return it, it is refunded; the local poller runs the real
// stream consumer into local SES, and every email they get is German, subject
// and body. Their invoice and receipt come back German, with their name's
// letters as text. The admins of the same action read the shop's default
// (English). Then reasons and the return policy in the Accept-Language locale.
import { describe, expect, it } from 'vitest';
import type { Order } from '#shared/domain/order';
import type { Reason } from '#shared/domain/reason';
import type { ReturnPolicy } from '#shared/domain/return-policy';
import type { ReturnRequest } from '#shared/domain/return-request';
import { admin, apiUrl, type Caller, call, createOrder, customer, deliver, tokenFor } from '../support/api.ts';
import { expectGermanJourneyEmails, shopRefunds } from '../support/german-journey.ts';
import { address, context, inbox, notifyWith, returnItem } from '../support/notify.ts';
import { pdfText } from '../support/pdf-text.ts';
import { batch, inserted } from '../support/stream-events.ts';

const GERMAN_NAME = 'Łukasz Żółć';

const germanOrder = async (owner: ReturnType<typeof customer>): Promise<Order> =>
  createOrder(owner, {
    currency: 'EUR',
    customer: { customerId: owner.sub, name: GERMAN_NAME, email: owner.email, locale: 'de-DE' },
    billingAddress: { name: GERMAN_NAME, line1: 'Floriańska 1', city: 'Kraków', postalCode: '31-019', country: 'PL' },
  });

const pdfOf = async (caller: Caller, path: string) => {
  const token = await tokenFor(caller);
  const response = await fetch(`${apiUrl()}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  expect(response.status).toBe(200);
  return pdfText(new Uint8Array(await response.arrayBuffer()));
};

const getWith = async <T>(path: string, acceptLanguage: string | undefined, caller?: Caller) => {
  const token = caller ? await tokenFor(caller) : undefined;
  const response = await fetch(`${apiUrl()}${path}`, {
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(acceptLanguage ? { 'accept-language': acceptLanguage } : {}) },
  });
  return { status: response.status, vary: response.headers.get('vary'), body: (await response.json()) as T };
};

describe('a German customer: order → return → refunded', () => {
  it('gets every email in German, and German documents', async () => {
    const owner = customer();
    const order = await deliver(await germanOrder(owner));
    expect(order.customer).toMatchObject({ locale: 'de-DE' });
    const [mug] = order.lineItems;
    const created = await call<ReturnRequest>(owner, 'POST', '/returns', {
      orderId: order.id,
      items: [{ lineItemId: mug?.id, quantity: 2, reasonId: 'rsn_retdamaged' }],
      refundMethod: 'card',
      termsAccepted: true,
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    await shopRefunds(id, mug?.id ?? '', 2);

    await expectGermanJourneyEmails(owner.email, order.number, GERMAN_NAME);
    const n = order.number;

    const invoice = await pdfOf(owner, `/orders/${order.id}/invoice.pdf`);
    expect(invoice.title).toBe(`Rechnung INV-${n}`);
    expect(invoice.text).toContain(GERMAN_NAME);
    expect(invoice.text).toContain('Floriańska 1');
    expect(invoice.text).toMatch(/Gesamtbetrag 60,50 €/);
    const receipt = await pdfOf(owner, `/orders/${order.id}/receipt.pdf`);
    expect(receipt.title).toBe(`Quittung RCT-${n}`);
    expect(receipt.text).toMatch(/Erstattet -20,00 €/);
    expect(receipt.text).toMatch(/Bisherige Erstattungen/);
    // Eleven emails through the poller, on a machine shared with other runs.
  }, 120_000);

  it("tells the admins in the shop's default language what the German customer reads in German", async () => {
    const owner = customer();
    const order = await germanOrder(owner);
    const admins = address('admin');
    const filed = returnItem(order, { customer: { name: GERMAN_NAME, email: owner.email, phone: null, locale: 'de-DE' } });
    expect((await notifyWith([admins])(batch(inserted(filed)), context())).batchItemFailures).toEqual([]);
    expect((await inbox(owner.email)).map((m) => m.subject)).toEqual([`Ihre Rücksendung zu Bestellung ${order.number} ist eingegangen`]);
    expect((await inbox(admins)).map((m) => m.subject)).toEqual([`[Return] New return request for order ${order.number}`]);
  });

  it('refuses a malformed locale on an order, naming the field', async () => {
    const owner = customer();
    await expect(createOrder(owner, { customer: { customerId: owner.sub, name: 'X', email: owner.email, locale: 'not a tag!' } })).rejects.toThrow(
      /400.*customer\.locale/,
    );
  });
});

describe('reasons and the return policy in the Accept-Language locale', () => {
  it('labels the reasons in the reader’s language, the default label where none is set, and varies by it', async () => {
    const owner = customer();
    const german = await getWith<{ items: Reason[] }>('/reasons?kind=return', 'de-AT, en;q=0.5', owner);
    expect(german.status).toBe(200);
    expect(german.vary).toMatch(/accept-language/i);
    expect(german.body.items.find((r) => r.id === 'rsn_retdoesntfit')?.label).toBe('Passt nicht');
    const brazilian = await getWith<{ items: Reason[] }>('/reasons?kind=return', 'pt-PT', owner);
    expect(brazilian.body.items.find((r) => r.id === 'rsn_retdoesntfit')?.label).toBe('Não serviu');
    const japanese = await getWith<{ items: Reason[] }>('/reasons?kind=return', 'ja', owner);
    expect(japanese.body.items.find((r) => r.id === 'rsn_retdoesntfit')?.label).toBe("Doesn't fit");

    // A reason of the shop's own, labelled in German only: other readers get its label.
    const own = await call<Reason>(admin, 'POST', '/admin/reasons', { kind: 'return', label: `Too late ${Date.now()}`, labels: { de: 'Zu spät' } });
    expect(own.status).toBe(201);
    const ownIn = async (lang: string) =>
      (await getWith<{ items: Reason[] }>('/reasons?kind=return', lang, owner)).body.items.find((r) => r.id === own.body.id)?.label;
    expect([await ownIn('de'), await ownIn('fr')]).toEqual(['Zu spät', own.body.label]);
    const bad = await call<{ errors: { path: string }[] }>(admin, 'POST', '/admin/reasons', { kind: 'return', label: 'x', labels: { xx: 'y' } });
    expect([bad.status, bad.body.errors.map((e) => e.path)]).toEqual([400, ['labels']]);
  });

  it('says which language the return policy answers in, and which ones the shop offers', async () => {
    const french = await getWith<ReturnPolicy>('/return-policy', 'fr-CH,fr;q=0.9');
    expect([french.status, french.body.locale, french.vary]).toEqual([200, 'fr', expect.stringMatching(/accept-language/i)]);
    expect(french.body.locales.enabled).toContain('pt-BR');
    expect((await getWith<ReturnPolicy>('/return-policy', undefined)).body.locale).toBe(french.body.locales.default);
  });
});
