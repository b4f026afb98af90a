// Signing in and cancelling in German, in a real Chromium whose own language is
// English (en-GB): the reader switches by the sign-in page's Language control,
// signs in through the German form, asks to cancel a paid bank-transfer order
// (German labels, field error, question and answer, money as Germans write it),
// then finds the request in "Meine Stornierungen" and opens it. axe-clean.
import { describe, expect, it } from 'vitest';
import { createOrder, customer } from '../support/api.ts';
import { appUrl, BROWSER_TEST_TIMEOUT, expectAccessible, launchBrowser, openPage } from './support/browser.ts';

/** Money as a German reads it: "60,50 €", from integer minor units. */
const euros = (minor: number): string => `${Math.trunc(minor / 100)},${String(minor % 100).padStart(2, '0')}\u00a0€`;

describe('cancelling in German', { timeout: BROWSER_TEST_TIMEOUT * 2 }, () => {
  it('signs in and cancels through German screens, switched by the Language control', async () => {
    const hanna = customer();
    const order = await createOrder(hanna, {
      currency: 'EUR',
      paymentMethod: 'bank_transfer',
      paymentStatus: 'paid',
      customer: { customerId: hanna.sub, name: 'Hanna Schmidt', email: hanna.email, locale: 'de-DE' },
    });
    const browser = await launchBrowser();
    try {
      const { page, errors } = await openPage(browser);

      // Signed out, the browser's English; the control switches the sign-in page itself.
      await page.goto(appUrl('/sign-in'));
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Deutsch' });
      await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
      await page.getByRole('group', { name: 'Rolle' }).getByRole('radio', { name: 'Kunde (Rücksendeportal)' }).check();
      await page.getByLabel('Kunden-ID').fill(hanna.sub);
      await page.getByLabel('E-Mail').fill(hanna.email);
      await expectAccessible(page, 'sign-in in German');
      await page.getByRole('button', { name: 'Anmelden' }).click();
      await page.getByRole('heading', { level: 1, name: 'Meine Bestellungen' }).waitFor();

      // Cancelling: a paid bank transfer asks for a bank account, in German.
      await page.goto(appUrl(`/orders/${order.id}`));
      await page.getByRole('link', { name: 'Diese Bestellung stornieren' }).click();
      await page.getByRole('heading', { level: 1, name: `Bestellung ${order.number} stornieren` }).waitFor();
      await page.getByText(`Sie haben ${euros(order.totals.total)} bezahlt.`).waitFor();
      await page.getByRole('group', { name: 'Wohin sollen wir Ihre Erstattung überweisen?' }).waitFor();
      await page.getByText('Sie haben per Überweisung bezahlt, daher erstatten wir auf ein Bankkonto.').waitFor();
      // Sent without a reason: the form's own German error, named by its German label.
      await page.getByRole('button', { name: 'Stornierung beantragen' }).click();
      await page.getByRole('alert').getByRole('link', { name: 'Grund: Wählen Sie aus, warum Sie stornieren' }).waitFor();
      await page.getByLabel('Grund', { exact: true }).selectOption({ index: 1 });
      await page.getByLabel('Weitere Angaben (optional)').fill('Doppelt bestellt');
      await page.getByLabel('Kontonummer oder IBAN').fill('DE89370400440532013000');
      await page.getByLabel('Bank', { exact: true }).fill('Commerzbank');
      await page.getByLabel('Filiale (optional)').fill('Köln');
      await expectAccessible(page, 'cancel form in German');
      await page.getByRole('button', { name: 'Stornierung beantragen' }).click();
      const question = page.getByRole('group', {
        name: `Möchten Sie die Stornierung der Bestellung ${order.number} wirklich beantragen? Sie können die Anfrage nicht zurücknehmen.`,
      });
      await question.getByRole('button', { name: 'Nein, Bestellung behalten' }).waitFor();
      await question.getByRole('button', { name: 'Ja, Stornierung beantragen' }).click();
      await page.getByRole('heading', { name: 'Ihre Stornierungsanfrage wurde gesendet' }).waitFor();
      await page.getByText(`erstattet Ihnen nach der Genehmigung ${euros(order.totals.total)}`).waitFor();

      // My cancellations, then the request itself.
      await page.getByRole('link', { name: 'Meine Stornierungen' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Meine Stornierungen' }).waitFor();
      const card = page.getByRole('article').filter({ hasText: `Bestellung ${order.number}` });
      await card.getByText('Beantragt', { exact: true }).waitFor();
      await card.getByText('Der Shop prüft Ihre Anfrage.').waitFor();
      await card.getByText('Erstattung auf das Konto von Hanna Schmidt.').waitFor();
      await expectAccessible(page, 'my cancellations in German');
      await card.getByRole('link', { name: 'Anfrage ansehen' }).click();
      await page.getByRole('heading', { level: 1, name: `Stornierung der Bestellung ${order.number}` }).waitFor();
      await page.getByText('Der Shop prüft Ihre Anfrage und teilt Ihnen seine Entscheidung per E-Mail mit.').waitFor();
      await page.getByRole('term').filter({ hasText: 'Erstattung an' }).waitFor();
      await expectAccessible(page, 'a cancellation in German');

      // The order links the open request instead of offering to cancel again.
      await page.getByRole('link', { name: `Bestellung ${order.number} ansehen` }).click();
      await page.getByRole('link', { name: 'Stornierung beantragt' }).waitFor();
      expect(await page.getByRole('link', { name: 'Diese Bestellung stornieren' }).count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
