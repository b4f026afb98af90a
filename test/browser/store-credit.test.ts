// Store credit and gift cards in a real Chromium against the local stack, found
// by role and accessible name: a customer's balance, lots and transactions
// (pages in the address: back and forward), a gift card redeemed (the one 422
// and the 429 beside the field, in plain words), the screen in German; an
// admin credits and debits a customer with a note (the debit asks first),
// issues a gift card whose code is shown once and copied, and disables one
// after confirming; the return form shows the exact store-credit bonus before
// submitting. axe at 1280 and 375 px on each.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { IssuedGiftCard } from '#shared/domain/gift-card';
import type { Settings } from '#shared/domain/settings';
import { admin, call, createOrder, customer } from '../support/api.ts';
import { deliveredOrderFor } from '../support/returns-api.ts';
import { accountOf, credit, rows } from '../support/store-credit.ts';
import { accessibleAtBothWidths, appUrl, BROWSER_TEST_TIMEOUT, launchBrowser, openPage, signIn } from './support/browser.ts';

let browser: Awaited<ReturnType<typeof launchBrowser>>;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const issue = async (amount: number, extra: Record<string, unknown> = {}): Promise<IssuedGiftCard> => {
  const reply = await call<IssuedGiftCard>(admin, 'POST', '/admin/gift-cards', { amount, currency: 'USD', note: 'browser test', ...extra });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
};

/** Waits for the balance a region shows (its paragraph, not the lots' cells of the same amount). */
const balanceShows = (page: Page, text: string, name = 'Balance in USD') =>
  page.getByRole('region', { name, exact: true }).getByRole('paragraph').filter({ hasText: text }).waitFor();

/** A page that waits longer for each step: the shared machine may be busy. */
const slowPage = async (on = browser) => {
  const app = await openPage(on);
  app.page.setDefaultTimeout(90_000);
  return app;
};

const inTenDays = () => new Date(Date.now() + 10 * 864e5).toISOString();

describe('store credit in the portal', { timeout: BROWSER_TEST_TIMEOUT * 2 }, () => {
  it('shows the balance and lots, redeems an admin-issued gift card and the balance rises', async () => {
    const ada = customer();
    await credit(ada.sub, 1000, { expiresAt: inTenDays() });
    const card = await issue(2500);

    const { page, errors } = await slowPage();
    await signIn(page, { role: 'customer', sub: ada.sub, email: ada.email });
    await page.getByRole('link', { name: 'Store credit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Store credit' }).waitFor();
    await balanceShows(page, 'US$10.00');
    const lots = page.getByRole('region', { name: 'Credit in USD, soonest to expire first' });
    const lot = lots.getByRole('row').filter({ hasText: 'By the shop' });
    expect(await lot.textContent()).toContain('US$10.00');
    expect(await lot.textContent()).toMatch(/\d{1,2} \w{3,4} \d{4}/);
    await accessibleAtBothWidths(page, 'store credit');

    // A code that cannot be used: the one refusal, beside the field, in plain words.
    const code = page.getByRole('textbox', { name: 'Gift card code' });
    await code.fill('NOPE-NOPE-NOPE-NOPE');
    await page.getByRole('button', { name: 'Redeem' }).click();
    await page
      .getByRole('alert')
      .getByRole('link', { name: /^Gift card code: This code cannot be used/ })
      .waitFor();
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await code.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy.split(' ').pop()}"]`).textContent()).toContain('This code cannot be used');
    await accessibleAtBothWidths(page, 'store credit with a refused code');

    // The admin's card: redeemed, what was added said, the balance and the ledger show it.
    await code.fill(card.code);
    await page.getByRole('button', { name: 'Redeem' }).click();
    await page.getByRole('status').filter({ hasText: 'US$25.00 added to your store credit. Your balance is now US$35.00.' }).waitFor();
    await balanceShows(page, 'US$35.00');
    const ledger = page.getByRole('region', { name: 'Transactions' }).last();
    await ledger.getByRole('row').filter({ hasText: 'Added · Gift card' }).filter({ hasText: '+US$25.00' }).waitFor();
    expect((await accountOf(ada.sub)).balance).toBe(3500);
    expect(errors).toEqual([]);
  });

  it('says plainly that there were too many tries (429)', async () => {
    const eve = customer();
    for (let i = 0; i < 10; i += 1) await call(eve, 'POST', '/gift-cards/redeem', { code: `WRONG-${i}` });
    const { page } = await slowPage();
    await signIn(page, { role: 'customer', sub: eve.sub, email: eve.email }, '/store-credit');
    await page.getByRole('heading', { level: 1, name: 'Store credit' }).waitFor();
    await page.getByRole('textbox', { name: 'Gift card code' }).fill('WRONG-AGAIN');
    await page.getByRole('button', { name: 'Redeem' }).click();
    await page.getByRole('alert').getByRole('link', { name: 'Gift card code: Too many tries. Wait a minute, then try again.' }).waitFor();
  });

  it('pages the transactions in the address (back and forward) and reads in German after switching language', async () => {
    const bea = customer();
    for (let i = 0; i < 21; i += 1) await credit(bea.sub, 100 + i);
    const newest = (await rows(bea.sub)).at(-1);
    const { page, errors } = await slowPage();
    await signIn(page, { role: 'customer', sub: bea.sub, email: bea.email }, '/store-credit');
    const ledger = page.getByRole('region', { name: 'Transactions' }).last();
    await ledger.getByRole('row').filter({ hasText: '+US$1.20' }).waitFor();
    await page.getByRole('button', { name: 'Older transactions' }).click();
    await page.waitForURL(/[?&]cursor=/);
    await ledger.getByRole('row').filter({ hasText: '+US$1.00' }).waitFor();
    expect(await ledger.getByRole('row').filter({ hasText: '+US$1.20' }).count()).toBe(0);
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('cursor='));
    await ledger.getByRole('row').filter({ hasText: '+US$1.20' }).waitFor();
    await page.goForward();
    await ledger.getByRole('row').filter({ hasText: '+US$1.00' }).waitFor();
    expect(newest?.amount).toBe(120);

    await page.getByRole('combobox', { name: 'Language' }).selectOption('de');
    await page.getByRole('heading', { level: 1, name: 'Guthaben' }).waitFor();
    await balanceShows(page, '23,10\u00a0$', 'Guthaben in USD');
    await page.getByRole('heading', { name: 'Geschenkkarte einlösen' }).waitFor();
    await page.getByRole('textbox', { name: 'Code der Geschenkkarte' }).waitFor();
    await page.getByRole('region', { name: 'Buchungen' }).last().getByRole('columnheader', { name: 'Guthaben danach' }).waitFor();
    await page.getByRole('button', { name: 'Erste Seite' }).waitFor();
    await accessibleAtBothWidths(page, 'store credit in German');
    // Back to English: the choice is kept on this device (and one Chromium process may share it between pages).
    await page.getByRole('combobox', { name: 'Sprache' }).selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Store credit' }).waitFor();
    expect(errors).toEqual([]);
  });
});

describe('store credit in the back office', { timeout: BROWSER_TEST_TIMEOUT * 2 }, () => {
  it('credits and debits a customer with a note (the debit asks first) and shows the transactions', async () => {
    const cy = customer();
    const order = await createOrder(cy);
    const { page, errors } = await slowPage();
    await signIn(page, { role: 'admin' }, `/admin/orders/${order.id}`);
    await page.getByRole('link', { name: `Store credit of ${cy.sub}` }).click();
    await page.getByRole('heading', { level: 1, name: `Store credit of ${cy.sub}` }).waitFor();
    await page.getByText('There is no store credit here yet.').waitFor();
    await accessibleAtBothWidths(page, 'customer credit (empty)');

    const add = page.getByRole('region', { name: 'Add credit' });
    await add.getByRole('textbox', { name: 'Amount' }).fill('12.50');
    await add.getByRole('textbox', { name: 'Note' }).fill('Goodwill for the late parcel');
    await add.getByRole('button', { name: 'Credit' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Credited US$12.50 to ${cy.sub} (“Goodwill for the late parcel”). The balance is now US$12.50.` })
      .waitFor();
    await balanceShows(page, 'US$12.50');

    const take = page.getByRole('region', { name: 'Take credit away' });
    await take.getByRole('textbox', { name: 'Amount' }).fill('2.25');
    await take.getByRole('textbox', { name: 'Note' }).fill('Double credit by mistake');
    await take.getByRole('button', { name: 'Debit…' }).click();
    const question = take.getByRole('group', { name: `Take US$2.25 from ${cy.sub}'s store credit?` });
    await question.waitFor();
    await accessibleAtBothWidths(page, 'customer credit, debit asked');
    // Kept: nothing is taken.
    await question.getByRole('button', { name: 'No, keep the credit' }).click();
    expect((await accountOf(cy.sub)).balance).toBe(1250);
    await take.getByRole('button', { name: 'Debit…' }).click();
    await question.getByRole('button', { name: 'Yes, debit' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Debited US$2.25 from ${cy.sub} (“Double credit by mistake”). The balance is now US$10.25.` })
      .waitFor();
    await balanceShows(page, 'US$10.25');

    const ledger = page.getByRole('region', { name: 'Transactions' }).last();
    await ledger
      .getByRole('row')
      .filter({ hasText: 'Spent · By the shop' })
      .filter({ hasText: 'Double credit by mistake' })
      .filter({ hasText: '−US$2.25' })
      .waitFor();
    await ledger.getByRole('row').filter({ hasText: 'Goodwill for the late parcel' }).filter({ hasText: '+US$12.50' }).waitFor();
    expect((await rows(cy.sub)).map((r) => [r.kind, r.amount, r.note])).toEqual([
      ['credit', 1250, 'Goodwill for the late parcel'],
      ['debit', 225, 'Double credit by mistake'],
    ]);
    await accessibleAtBothWidths(page, 'customer credit');
    expect(errors).toEqual([]);
  });

  it('finds a customer’s credit by id', async () => {
    const dee = customer();
    await credit(dee.sub, 700);
    const { page } = await slowPage();
    await signIn(page, { role: 'admin' });
    await page.getByRole('link', { name: 'Store credit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Store credit' }).waitFor();
    await page.getByRole('textbox', { name: 'Customer id' }).fill(dee.sub);
    await page.getByRole('button', { name: 'Show store credit' }).click();
    await balanceShows(page, 'US$7.00');
  });

  it('issues a gift card, shows and copies its code once, and disables it after confirming', async () => {
    // Its own Chromium: with the earlier tests' pages still open in the shared one, the clipboard write is refused.
    const own = await launchBrowser();
    onTestFinished(() => own.close());
    const { page, errors } = await slowPage(own);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(appUrl('/')).origin });
    await signIn(page, { role: 'admin' });
    await page.getByRole('link', { name: 'Gift cards' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gift cards' }).waitFor();
    const form = page.getByRole('form', { name: 'Issue a gift card' });
    await form.getByRole('textbox', { name: 'Amount' }).fill('40');
    await form.getByRole('textbox', { name: 'Note' }).fill('Prize draw');
    await form.getByRole('button', { name: 'Issue gift card' }).click();

    const shown = page.getByRole('region', { name: 'New gift card code' });
    await shown.getByText('this code will not be shown again').waitFor();
    const code = (await shown.locator('code').textContent()) ?? '';
    expect(code.length).toBeGreaterThan(8);
    await page.bringToFront();
    await shown.getByRole('button', { name: 'Copy code' }).click();
    await shown.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(code);
    // The copy's announcement replaces the issue's in the one live region.
    const last4 = code.slice(-4);
    await page
      .getByRole('status')
      .filter({ hasText: `Code of the gift card ending ${last4} copied.` })
      .waitFor();
    await accessibleAtBothWidths(page, 'gift cards with a new code');

    // Found by its last 4, never with its code again.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Gift cards' }).waitFor();
    expect(await page.getByText(code).count()).toBe(0);
    await page.getByRole('searchbox', { name: 'Last 4 characters of the code' }).fill(last4);
    await page.getByRole('button', { name: 'Find' }).click();
    await page.waitForURL(new RegExp(`last4=${last4}`));
    const row = page.getByRole('row').filter({ hasText: 'Prize draw' });
    await row.getByRole('cell', { name: 'Active' }).waitFor();
    expect(await row.textContent()).toContain('US$40.00');

    await row.getByRole('button', { name: `Disable card ending ${last4}` }).click();
    const question = row.getByRole('group', { name: `Disable the gift card ending ${last4}? It can no longer be redeemed, and this cannot be undone.` });
    await question.waitFor();
    await accessibleAtBothWidths(page, 'gift cards, disable asked');
    await question.getByRole('button', { name: 'Yes, disable it' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Gift card ending ${last4} disabled: it can no longer be redeemed.` })
      .waitFor();
    await row.getByRole('cell', { name: 'Disabled' }).waitFor();
    // Disabled for real: the customer's redemption is the one refusal.
    const redeemed = await call(customer(), 'POST', '/gift-cards/redeem', { code });
    expect(redeemed.status).toBe(422);
    expect(errors).toEqual([]);
  });
});

describe('the return form’s store-credit bonus', { timeout: BROWSER_TEST_TIMEOUT * 2 }, () => {
  // Store credit is off on a new install, and the return form offers it only when the refund method is on too
  // (GET /return-policy needs both). The settings are the shared stack's: on for this test, put back after.
  type Touched = Pick<Settings, 'storeCredit' | 'returns'>;
  let before: Touched | undefined;
  const putSettings = async (touched: Touched) => {
    const { version: _v, updatedAt: _u, ...settings } = (await call<Settings>(admin, 'GET', '/admin/settings')).body;
    expect((await call(admin, 'PUT', '/admin/settings', { ...settings, ...touched })).status).toBe(200);
  };
  beforeAll(async () => {
    const { storeCredit, returns } = (await call<Settings>(admin, 'GET', '/admin/settings')).body;
    before = { storeCredit, returns };
    await putSettings({
      storeCredit: { enabled: true, expiresInDays: 365, reminderDays: 14, bonus: { percent: 10, flat: 50, max: 200 } },
      returns: { ...returns, refundMethods: { ...returns.refundMethods, storeCredit: true } },
    });
  });
  afterAll(async () => {
    if (before) await putSettings(before);
  });

  it('offers store credit with the exact bonus before submitting', async () => {
    const fay = customer();
    // Mugs of 1000 each (3 × 1000 − 300 discount + 300 tax): one earns 10 % + 0.50 = 1.50; two earn 2.50, capped at 2.00.
    const order = await deliveredOrderFor(fay);
    const { page, errors } = await slowPage();
    // GET /return-policy may be kept 5 minutes (max-age=300) and this Chromium shares its HTTP cache between
    // contexts: an earlier page's copy says store credit is off. A routed page skips the HTTP cache.
    await page.route('**/return-policy', (route) => route.continue());
    await signIn(page, { role: 'customer', sub: fay.sub, email: fay.email });
    await page.goto(appUrl(`/orders/${order.id}/return`));
    await page.getByRole('radio', { name: 'Store credit' }).waitFor();
    await page.getByText('Choose store credit and we add a bonus. Choose the items to see how much.').waitFor();
    await page.getByLabel('Quantity of Mug to return').fill('1');
    await page.getByText('Choose store credit and we add a bonus of US$1.50: US$11.50 in store credit for these items once we have checked them.').waitFor();
    await page.getByLabel('Quantity of Mug to return').fill('2');
    await page.getByText('Choose store credit and we add a bonus of US$2.00: US$22.00 in store credit for these items once we have checked them.').waitFor();
    await page.getByRole('radio', { name: 'Store credit' }).check();
    await accessibleAtBothWidths(page, 'return form with the store-credit bonus');
    expect(errors).toEqual([]);
  });
});
