// The back office in the language staff choose, in a real Chromium whose own
// language is English (en-GB): English first; the Language control switches the
// translated screens (the queues, the return requests) to German, and the
// choice outlives a reload. axe-clean in German.
import { describe, expect, it } from 'vitest';
import { customer } from '../support/api.ts';
import { createReturn, deliveredOrderFor, returnOf } from '../support/returns-api.ts';
import { BROWSER_TEST_TIMEOUT, expectAccessible, launchBrowser, openPage, signIn } from './support/browser.ts';

describe('the back office in the language staff choose', { timeout: BROWSER_TEST_TIMEOUT * 2 }, () => {
  it('switches the queues and the return requests to German, and keeps the choice', async () => {
    const owner = customer();
    const order = await deliveredOrderFor(owner);
    await createReturn(owner, returnOf(order));
    const browser = await launchBrowser();
    try {
      const { page, errors } = await openPage(browser);
      await signIn(page, { role: 'admin' });
      await page.getByRole('heading', { level: 1, name: 'Back office' }).waitFor();

      await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Deutsch' });
      await page.getByRole('heading', { level: 1, name: 'Backoffice' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('de');
      await page.getByRole('heading', { level: 2, name: 'Rücksendungen' }).waitFor();
      await page.getByRole('link', { name: /^Stornierungen: Zu entscheiden \d+$/ }).waitFor();
      await page.getByRole('link', { name: /^Erstattungsbuchungen: Fehlgeschlagen \d+$/ }).waitFor();
      await expectAccessible(page, 'queues in German');

      // A queue leads to its list, in German: the tabs, the table, the date range and its error.
      await page.getByRole('link', { name: /^Rücksendungen: Eingegangen \d+$/ }).click();
      await page.waitForURL(/\/admin\/returns\?status=new$/);
      await page.getByRole('heading', { level: 1, name: 'Rücksendungen' }).waitFor();
      const tabs = page.getByRole('navigation', { name: 'Status der Rücksendung' });
      await expect.poll(() => tabs.getByRole('link', { name: 'Eingegangen' }).getAttribute('aria-current')).toBe('page');
      await tabs.getByRole('link', { name: 'In Prüfung' }).waitFor();
      await tabs.getByRole('link', { name: 'Alle' }).click();
      const table = page.getByRole('region', { name: 'Rücksendeanfragen' });
      for (const header of ['Anfrage', 'Kunde', 'Eingereicht', 'Status', 'Erstattung']) await table.getByRole('columnheader', { name: header }).waitFor();
      await table.getByRole('link', { name: `Rücksendung zur Bestellung ${order.number}` }).waitFor();
      const range = page.getByRole('form', { name: 'Zeitraum' });
      await range.getByLabel('Von').fill('2026-03-10');
      await range.getByLabel('Bis').fill('2026-03-01');
      await range.getByRole('button', { name: 'Zeitraum anwenden' }).click();
      const to = range.getByLabel('Bis');
      await expect.poll(() => to.getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator(`[id="${await to.getAttribute('aria-describedby')}"]`).textContent()).toContain('darf nicht vor dem Von-Datum liegen');
      await expectAccessible(page, 'return requests in German');
      await to.fill('2026-03-31');
      await range.getByRole('button', { name: 'Zeitraum anwenden' }).click();
      await page.getByText('Keine passenden Rücksendeanfragen.').waitFor();

      // The choice is kept on this device.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Rücksendungen' }).waitFor();
      expect(await page.getByRole('combobox', { name: 'Sprache' }).inputValue()).toBe('de');
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
