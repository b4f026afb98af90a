// The portal in the customer's language, in a real Chromium whose own language
// is English (en-GB): a German customer's order opens it in German with no
// switching — orders, an order, requesting a return (its field errors from the
// German catalogue), my returns, a return — with German money and dates, axe
// clean at 1280 and 375 px; another customer switches by the Language control,
// and the choice outlives a reload.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '#shared/domain/order';
import { customer } from '../support/api.ts';
import { deliveredOrderFor } from '../support/returns-api.ts';
import { accessibleAtBothWidths, appUrl, BROWSER_TEST_TIMEOUT, launchBrowser, openPage, signIn } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Money as a German reads it: comma decimals, the euro sign after a no-break space ("60,50 €"), from integer minor units. */
const euros = (minor: number): string => `${Math.trunc(minor / 100)},${String(minor % 100).padStart(2, '0')}\u00a0€`;
/** A German short date: "7. Dez. 2026". */
const GERMAN_DATE = /\d{1,2}\.\s(?:Jan|Feb|März|Apr|Mai|Juni|Juli|Aug|Sept|Okt|Nov|Dez)\.?\s\d{4}/;

const atBothWidths = (page: Page, screen: string) => accessibleAtBothWidths(page, `${screen} in German`);

const htmlLang = (page: Page) => page.locator('html').getAttribute('lang');

describe('the portal in the customer’s language', { timeout: BROWSER_TEST_TIMEOUT * 2 }, () => {
  it('opens a German customer’s portal in German, with no switching, and files a return in German', async () => {
    const hanna = customer();
    const order: Order = await deliveredOrderFor(hanna, {
      currency: 'EUR',
      customer: { customerId: hanna.sub, name: 'Hanna Schmidt', email: hanna.email, locale: 'de-DE' },
    });
    const { page, errors } = await openPage(browser);
    await signIn(page, { role: 'customer', sub: hanna.sub, email: hanna.email });

    // My orders: German words, money and date; the control says which language is on.
    await page.getByRole('heading', { level: 1, name: 'Meine Bestellungen' }).waitFor();
    expect(await htmlLang(page)).toBe('de');
    expect(await page.getByRole('combobox', { name: 'Sprache' }).inputValue()).toBe('de');
    const row = page.getByRole('row').filter({ hasText: `Bestellung ${order.number}` });
    expect(await row.textContent()).toContain(euros(order.totals.total));
    expect(await row.textContent()).toMatch(GERMAN_DATE);
    await row.getByText('Zugestellt').waitFor();
    await page.getByRole('link', { name: 'Meine Rücksendungen' }).waitFor();
    await atBothWidths(page, 'my orders');

    // The order.
    await row.getByRole('link', { name: `Bestellung ${order.number}` }).click();
    await page.getByRole('heading', { level: 1, name: `Bestellung ${order.number}` }).waitFor();
    await page.getByRole('heading', { name: 'Sendungsverfolgung' }).waitFor();
    await page.getByRole('button', { name: 'Rechnung herunterladen (PDF)' }).waitFor();
    expect(await page.getByRole('table').filter({ hasText: 'Stückpreis' }).textContent()).toContain(euros(order.totals.total));
    expect(await page.locator('hgroup').textContent()).toMatch(GERMAN_DATE);
    await atBothWidths(page, 'order detail');

    // Request a return: sent empty, each field's error is German; then filled in and sent.
    await page.getByRole('link', { name: 'Rücksendung anfragen' }).click();
    await page.getByRole('heading', { level: 1, name: `Artikel aus Bestellung ${order.number} zurücksenden` }).waitFor();
    await page.getByRole('button', { name: 'Rücksendeanfrage senden' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Es gibt ein Problem' });
    await summary.getByRole('link', { name: 'Artikel: Wählen Sie mindestens einen Artikel zum Zurücksenden' }).waitFor();
    await atBothWidths(page, 'return form with errors');
    await page.getByLabel('Anzahl Mug zum Zurücksenden').fill('1');
    await page.getByLabel('Grund für die Rücksendung von Mug').selectOption({ index: 1 });
    await page.getByRole('radio', { name: 'Gutschein für den Shop' }).check();
    await page.getByRole('button', { name: 'Rücksendeanfrage senden' }).click();
    await page.waitForURL(/\/app\/returns\/ret_/);
    await page
      .getByRole('status')
      .filter({ hasText: `Ihre Rücksendeanfrage zur Bestellung ${order.number} wurde gesendet.` })
      .waitFor();

    // The return.
    await page.getByRole('heading', { level: 1, name: `Rücksendung zur Bestellung ${order.number}` }).waitFor();
    await page.getByRole('heading', { name: 'Kommentare' }).waitFor();
    await page.getByText('Der Betrag steht fest, sobald der Shop Ihre Artikel geprüft hat.').waitFor();
    expect(await page.locator('hgroup').textContent()).toMatch(/Angefragt am .*Eingegangen/);
    await page.getByRole('button', { name: 'Diese Rücksendung zurückziehen' }).waitFor();
    await atBothWidths(page, 'return detail');

    // My returns.
    await page.getByRole('link', { name: 'Meine Rücksendungen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Meine Rücksendungen' }).waitFor();
    const returned = page.getByRole('row').filter({ hasText: `Rücksendung zur Bestellung ${order.number}` });
    await returned.getByText('Eingegangen').waitFor();
    expect(await returned.textContent()).toMatch(GERMAN_DATE);
    await atBothWidths(page, 'my returns');
    expect(await page.title()).toBe('Meine Rücksendungen · aftersales');
    expect(errors).toEqual([]);
  });

  it('switches language by the Language control, and keeps the choice on this device', async () => {
    const ada = customer();
    const order = await deliveredOrderFor(ada);
    const { page, errors } = await openPage(browser);
    await signIn(page, { role: 'customer', sub: ada.sub, email: ada.email });
    // No order locale: the browser's English.
    await page.getByRole('heading', { level: 1, name: 'My orders' }).waitFor();
    expect(await htmlLang(page)).toBe('en');

    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Deutsch' });
    await page.getByRole('heading', { level: 1, name: 'Meine Bestellungen' }).waitFor();
    expect(await htmlLang(page)).toBe('de');
    // The order's own currency, written the German way.
    const row = page.getByRole('row').filter({ hasText: `Bestellung ${order.number}` });
    expect(await row.textContent()).toContain(`${Math.trunc(order.totals.total / 100)},${String(order.totals.total % 100).padStart(2, '0')}\u00a0$`);

    await page.goto(appUrl(`/orders/${order.id}`));
    await page.getByRole('heading', { level: 1, name: `Bestellung ${order.number}` }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Sprache' }).inputValue()).toBe('de');

    await page.getByRole('combobox', { name: 'Sprache' }).selectOption({ label: 'Français' });
    await page.getByRole('heading', { level: 1, name: `Commande ${order.number}` }).waitFor();
    expect(await htmlLang(page)).toBe('fr');
    await page.getByRole('combobox', { name: 'Langue' }).selectOption({ label: 'English' });
    await page.getByRole('heading', { level: 1, name: `Order ${order.number}` }).waitFor();
    expect(errors).toEqual([]);
  });
});
