// Every back-office screen in a real Chromium: it loads, does its job by
// clicking, shows the server's field errors beside the field, passes axe, and
// leaves screenshots in docs/screenshots/.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '#shared/domain/order';
import type { Refund } from '#shared/domain/refund';
import { admin, call, createOrder, customer } from '../support/api.ts';
import { type AppPage, appUrl, BROWSER_TEST_TIMEOUT, expectAccessible, launchBrowser, openPage, screenshots, signIn } from './support/browser.ts';

let browser: Browser;
let app: AppPage;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  app = await openPage(browser);
  page = app.page;
  await signIn(page, { role: 'admin' });
});
afterAll(async () => {
  await browser?.close();
});

describe('back office screens', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('runs an order: moves it on, writes a note, previews then creates a refund', async () => {
    const order = await createOrder(customer(), { paymentMethod: 'bank_transfer' });
    await page.goto(appUrl(`/admin/orders/${order.id}`));
    await page.getByRole('heading', { level: 1, name: `Order ${order.number}` }).waitFor();
    await page.getByRole('button', { name: 'Mark confirmed' }).click();
    await page.locator('hgroup').getByText('Confirmed', { exact: true }).waitFor();

    await page.getByLabel('Note', { exact: true }).fill('Called the customer about the colour');
    await page.getByRole('radio', { name: 'For the customer (emailed)' }).check();
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByText('Called the customer about the colour').waitFor();

    // One mug at its paid value (1000) and 2.50 of goodwill: previewed, then created.
    await page.getByLabel('Units of Mug to refund').fill('1');
    await page.getByLabel('Goodwill amount (USD)').fill('2.50');
    await page.getByRole('button', { name: 'Calculate refund' }).click();
    const preview = page.getByRole('form', { name: 'Refund preview' });
    await preview.getByRole('row', { name: /^Total .*12\.50$/ }).waitFor();
    await expectAccessible(page, 'order detail');
    await screenshots(page, 'admin-order');
    await preview.getByRole('button', { name: 'Create refund' }).click();
    await page.getByRole('heading', { name: /^Refund of .*12\.50 · Manual$/ }).waitFor();
    const refunds = await call<{ items: Refund[] }>(admin, 'GET', `/admin/orders/${order.id}/refunds`);
    expect(refunds.body.items.map((r) => r.total)).toEqual([1250]);
    expect(app.errors).toEqual([]);
  });

  it('shows a refund the server refuses where it belongs', async () => {
    const order = await createOrder(customer());
    await page.goto(appUrl(`/admin/orders/${order.id}`));
    await page.getByLabel('Units of Mug to refund').fill('4');
    await page.getByRole('button', { name: 'Calculate refund' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByRole('link', { name: /^Units of Mug to refund: / }).waitFor();
    expect(await page.getByLabel('Units of Mug to refund').getAttribute('aria-invalid')).toBe('true');

    // More shipping than was paid: the server blames `shipping.amount`, the form's one shipping field.
    await page.getByLabel('Units of Mug to refund').fill('');
    await page.getByLabel('Shipping to refund (USD)').fill('999');
    await page.getByRole('button', { name: 'Calculate refund' }).click();
    await summary.getByRole('link', { name: /^Shipping to refund \(USD\): must be at most/ }).waitFor();
    expect(await page.getByLabel('Shipping to refund (USD)').getAttribute('aria-invalid')).toBe('true');
    expect(app.errors).toEqual([]);
  });

  it('opens on the queues, each count a link to its list', async () => {
    await page.goto(appUrl('/admin'));
    await page.getByRole('heading', { level: 1, name: 'Back office' }).waitFor();
    await expectAccessible(page, 'queues');
    await screenshots(page, 'admin-queues');
    await page.getByRole('link', { name: /^Returns: New \d+$/ }).click();
    await page.waitForURL(/\/admin\/returns\?status=new$/);
    await expect
      .poll(() => page.getByRole('navigation', { name: 'Return status' }).getByRole('link', { name: 'New' }).getAttribute('aria-current'))
      .toBe('page');
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Returns' }).getAttribute('aria-current')).toBe('page');
  });

  it('lists orders and finds one by number or email', async () => {
    const owner = customer();
    const order: Order = await createOrder(owner);
    await page.goto(appUrl('/admin/orders?status=pending'));
    await page.getByRole('link', { name: `Order ${order.number}` }).waitFor();
    await expectAccessible(page, 'orders');
    await screenshots(page, 'admin-orders');
    for (const term of [order.number, owner.email.toUpperCase()]) {
      await page.getByLabel('Order number or customer email').fill(term);
      await page.getByRole('button', { name: 'Find' }).click();
      await expect.poll(() => page.getByRole('table').getByRole('link').allTextContents()).toEqual([`Order ${order.number}`]);
    }
  });

  it('works through the payout queue: a bank transfer to send, marked sent', async () => {
    const order = await createOrder(customer(), { paymentMethod: 'bank_transfer' });
    const created = await call<Refund>(admin, 'POST', `/admin/orders/${order.id}/refunds`, { amount: 777, note: 'goodwill' });
    expect(created.status).toBe(201);
    await page.goto(appUrl('/admin/payouts?status=pending&gateway=bank_transfer'));
    const row = page
      .getByRole('article')
      .filter({ has: page.getByRole('link', { name: 'Manual refund of the order' }) })
      .filter({ hasText: /7\.77/ });
    await expectAccessible(page, 'payouts');
    await screenshots(page, 'admin-payouts');
    await row.getByRole('radio', { name: 'The money was sent' }).check();
    await row.getByRole('button', { name: 'Settle transaction' }).click();
    await row.waitFor({ state: 'detached' });
    const refund = await call<Refund>(admin, 'GET', `/admin/orders/${order.id}/refunds/${created.body.id}`);
    expect(refund.body.transactions.map((t) => t.status)).toEqual(['success']);
  });

  it('lists returns by status tab', async () => {
    await page.goto(appUrl('/admin/returns'));
    await page.getByRole('navigation', { name: 'Return status' }).getByRole('link', { name: 'Pending verification' }).click();
    await page.waitForURL(/status=pending_verification/);
    await expect.poll(() => page.getByRole('link', { name: 'Pending verification' }).getAttribute('aria-current')).toBe('page');
    await expectAccessible(page, 'returns');
    await screenshots(page, 'admin-returns');
  });

  it('refuses a date range that ends before it starts, beside its "To" field', async () => {
    await page.goto(appUrl('/admin/returns'));
    const range = page.getByRole('form', { name: 'Date range' });
    await range.getByLabel('From').fill('2026-03-10');
    await range.getByLabel('To').fill('2026-03-01');
    await range.getByRole('button', { name: 'Apply dates' }).click();
    const to = range.getByLabel('To');
    await expect.poll(() => to.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(`[id="${await to.getAttribute('aria-describedby')}"]`).textContent()).toContain('must not be before the From date');
    await expectAccessible(page, 'returns with a bad date range');
    await to.fill('2026-03-31');
    await range.getByRole('button', { name: 'Apply dates' }).click();
    await expect.poll(() => to.getAttribute('aria-invalid')).toBe(null);
    // No request filed in March 2026: the list, reloaded with the range, is empty.
    await page.getByText('No return requests match.').waitFor();
  });

  it('saves settings, and shows a bad one next to its field', async () => {
    await page.goto(appUrl('/admin/settings'));
    // Saved back unchanged: other test files send email from this shared stack's setting.
    const fromAddress = await page.getByLabel('Send emails from').inputValue();
    await page.getByLabel('Send emails from').fill('not-an-email');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page
      .getByRole('alert')
      .getByRole('link', { name: /^Send emails from: / })
      .waitFor();
    expect(await page.getByLabel('Send emails from').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'settings with an error');
    await page.getByLabel('Send emails from').fill(fromAddress);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').getByText('Settings saved.').waitFor();
    await expectAccessible(page, 'settings');
    await screenshots(page, 'admin-settings');
  });

  it('adds a reason, edits it, and switches it off', async () => {
    const label = `Gift not wanted ${Date.now()}`;
    await page.goto(appUrl('/admin/reasons'));
    const form = page.getByRole('form', { name: 'New reason' });
    await form.getByLabel('Label').fill(label);
    await form.getByLabel('Days to return (optional)').fill('14');
    await form.getByRole('button', { name: 'Add reason' }).click();
    const row = page.getByRole('article', { name: label });
    await row.getByText('14 days to return').waitFor();
    // Editing opens under a real button (a <summary> has no button role).
    const edit = row.getByRole('button', { name: `Edit “${label}”` });
    await edit.click();
    expect(await edit.getAttribute('aria-expanded')).toBe('true');
    await row
      .getByRole('form', { name: `Edit ${label}` })
      .getByLabel('Days to return (optional)')
      .fill('21');
    await expectAccessible(page, 'reasons, one being edited');
    await row.getByRole('button', { name: `Save “${label}”` }).click();
    await row.getByText('21 days to return').waitFor();
    // Switching a reason off asks first; switching it back on does not.
    await row.getByRole('button', { name: `Deactivate “${label}”` }).click();
    await row
      .getByRole('group', { name: `Are you sure you want to deactivate “${label}”?` })
      .getByRole('button', { name: 'Yes, deactivate it' })
      .click();
    await row.getByRole('button', { name: `Activate “${label}”` }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: `“${label}” deactivated.` })
      .waitFor();
    // No screenshot: every test's reasons make this page long, and a full-page shot slow.
    await expectAccessible(page, 'reasons');
  });

  it('looks up a SKU and sets its stock', async () => {
    const sku = `SKU-${Date.now()}`;
    await page.goto(appUrl('/admin/stock'));
    await page.getByLabel('SKU', { exact: true }).fill(sku);
    await page.getByRole('button', { name: 'Look up' }).click();
    await page.getByText('Not tracked: unlimited until a level is set').waitFor();
    await page.getByLabel('Units in stock').fill('12');
    await page.getByRole('button', { name: 'Set level' }).click();
    await page.getByText('12 in stock').waitFor();
    await page.getByLabel('Adjust by').fill('-2');
    await page.getByRole('button', { name: 'Adjust' }).click();
    await page.getByText('10 in stock').waitFor();
    await expectAccessible(page, 'stock');
    await screenshots(page, 'admin-stock');
    expect(app.errors).toEqual([]);
  });
});
