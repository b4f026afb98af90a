// Issue 27's "done when", walked once end to end in a real Chromium whose own
// language is English (en-GB): a German customer switches the sign-in page to
// German by the accessible Language control, signs in, requests a return with
// a photo uploaded straight to S3, and the shop takes it to refunded. Every
// portal screen on the way reads German (by role and accessible name), every
// email captured from the local SES is German, and the invoice and receipt
// downloaded from the portal are German, with Polish, Czech, Greek and
// Cyrillic names printed as the text they are (PDF_OUT=dir keeps the two PDFs,
// to look at with `pdftoppm -png` for missing glyphs).
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { customer } from '../support/api.ts';
import { expectGermanJourneyEmails, shopRefunds } from '../support/german-journey.ts';
import { pdfText } from '../support/pdf-text.ts';
import { deliveredOrderFor } from '../support/returns-api.ts';
import { appUrl, BROWSER_TEST_TIMEOUT, expectAccessible, launchBrowser, openPage } from './support/browser.ts';

const POLISH = 'Łukasz Żółć';
const CZECH = 'Jiří Dvořák';
const GREEK = 'Γιώργος Παπαδόπουλος';
const CYRILLIC = 'Невский проспект 28';

/** A small PNG-sized payload, as a phone's photo would be uploaded. */
const photo = { name: 'zerbrochene-tasse.png', mimeType: 'image/png', buffer: Buffer.alloc(200_000, 7) };

/** Downloads a document through its German button and reads its text back. */
const download = async (page: Page, button: string, keepAs: string) => {
  const file = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const saved = await (await file).path();
  const bytes = new Uint8Array(await readFile(saved));
  if (process.env.PDF_OUT) await writeFile(path.join(process.env.PDF_OUT, keepAs), bytes);
  return pdfText(bytes);
};

describe('a German customer’s whole journey', { timeout: BROWSER_TEST_TIMEOUT * 3 }, () => {
  it('reads German in the portal, in every email and in the PDFs: order → return with a photo → refunded', async () => {
    const owner = customer();
    const order = await deliveredOrderFor(owner, {
      currency: 'EUR',
      customer: { customerId: owner.sub, name: POLISH, email: owner.email, locale: 'de-DE' },
      billingAddress: { name: CZECH, line1: 'Floriańska 1', city: 'Kraków', postalCode: '31-019', country: 'PL' },
      shippingAddress: { name: GREEK, line1: CYRILLIC, city: 'Санкт-Петербург', postalCode: '191186', country: 'RU' },
    });
    const n = order.number;
    const browser = await launchBrowser();
    try {
      const { page, errors } = await openPage(browser);

      // Sign-in, switched to German by the Language control.
      await page.goto(appUrl('/sign-in'));
      await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Deutsch' });
      await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('de');
      await page.getByRole('radio', { name: 'Kunde (Rücksendeportal)' }).check();
      await page.getByLabel('Kunden-ID').fill(owner.sub);
      await page.getByLabel('E-Mail').fill(owner.email);
      await page.getByRole('button', { name: 'Anmelden' }).click();

      // My orders → the order → request a return, with a photo.
      await page.getByRole('heading', { level: 1, name: 'Meine Bestellungen' }).waitFor();
      await page
        .getByRole('row')
        .filter({ hasText: `Bestellung ${n}` })
        .getByRole('link', { name: `Bestellung ${n}` })
        .click();
      await page.getByRole('heading', { level: 1, name: `Bestellung ${n}` }).waitFor();
      await page.getByRole('heading', { name: 'Sendungsverfolgung' }).waitFor();
      await page.getByRole('link', { name: 'Rücksendung anfragen' }).click();
      await page.getByRole('heading', { level: 1, name: `Artikel aus Bestellung ${n} zurücksenden` }).waitFor();
      await page.getByLabel('Anzahl Mug zum Zurücksenden').fill('2');
      await page.getByLabel('Grund für die Rücksendung von Mug').selectOption({ index: 1 });
      await page.getByRole('radio', { name: 'Zurück auf meine Karte' }).check();
      await page.getByLabel('Fotos oder Dokumente (optional)').setInputFiles(photo);
      // Straight to S3; on a busy machine it may take a while.
      await page.getByText('Hochgeladen').waitFor({ timeout: 60_000 });
      await expectAccessible(page, 'German return form with a photo');
      await page.getByRole('button', { name: 'Rücksendeanfrage senden' }).click();
      await page.waitForURL(/\/app\/returns\/ret_/);
      await page
        .getByRole('status')
        .filter({ hasText: `Ihre Rücksendeanfrage zur Bestellung ${n} wurde gesendet.` })
        .waitFor();
      const returnId = page.url().split('/').pop() ?? '';
      await page.getByRole('heading', { name: 'Was Sie uns geschickt haben' }).waitFor();

      // The shop takes it through to refunded.
      const mug = order.lineItems.find((line) => line.title === 'Mug');
      await shopRefunds(returnId, mug?.id ?? '', 2);

      // The return in the portal: refunded, the refund in euros, the photo still there.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: `Rücksendung zur Bestellung ${n}` }).waitFor();
      await page.locator('hgroup').getByText('Erstattet').waitFor();
      await page.getByText('Erstattung gesamt').waitFor();
      await page.getByText('20,00\u00a0€').first().waitFor();
      await page.getByRole('heading', { name: 'Was Sie uns geschickt haben' }).waitFor();
      await expectAccessible(page, 'German refunded return');
      await page.getByRole('link', { name: 'Meine Rücksendungen' }).click();
      await page
        .getByRole('row')
        .filter({ hasText: `Rücksendung zur Bestellung ${n}` })
        .getByText('Erstattet')
        .waitFor();

      // The invoice and the receipt, downloaded from the order page.
      await page.goto(appUrl(`/orders/${order.id}`));
      await page.getByRole('heading', { level: 1, name: `Bestellung ${n}` }).waitFor();
      const invoice = await download(page, 'Rechnung herunterladen (PDF)', `invoice-${n}.pdf`);
      expect(invoice.title).toBe(`Rechnung INV-${n}`);
      for (const words of [
        'Rechnungsnr.',
        // The address headings are set in capitals.
        'RECHNUNGSADRESSE LIEFERADRESSE',
        'Gesamtbetrag 60,50 €',
        CZECH,
        'Floriańska 1',
        'Kraków',
        GREEK,
        CYRILLIC,
        'Санкт-Петербург',
      ])
        expect(invoice.text).toContain(words);
      const receipt = await download(page, 'Zahlungsbeleg herunterladen (PDF)', `receipt-${n}.pdf`);
      expect(receipt.title).toBe(`Quittung RCT-${n}`);
      expect(receipt.text).toMatch(/Erstattet -20,00 €/);
      expect(receipt.text).toContain('Bisherige Erstattungen');
      expect(receipt.text).not.toMatch(/\b(Invoice|Receipt|Total|Refunded|Page)\b/);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }

    // Every email the customer got, from the local SES: German, subject and body.
    await expectGermanJourneyEmails(owner.email, n, POLISH);
  });
});
