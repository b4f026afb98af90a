// Exchanges in the back office, in a real Chromium: the queue filtered by
// status holds a customer's request; its page shows what goes back and what
// goes out at which price, the difference and its payment state (an upgrade's
// charge "not paid yet"), and links to the order and the return the items go
// back in; an admin approves a same-price exchange by clicking (refused first,
// in plain words naming the SKU, while it is out of stock; then it waits for
// the return) and denies another only after confirming in the page, with a
// reason. axe at 1280 and 375 px.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Exchange } from '#shared/domain/exchange';
import { admin, call } from '../support/api.ts';
import { createExchange, exchangeOf, exchangeShop } from '../support/exchanges.ts';
import { accessibleAtBothWidths, appUrl, BROWSER_TEST_TIMEOUT, launchBrowser, openPage, signIn } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const statusOf = async (id: string): Promise<string> => (await call<Exchange>(admin, 'GET', `/admin/exchanges/${id}`)).body.status;

const setStock = async (sku: string, quantity: number) => expect((await call(admin, 'PUT', `/admin/stock/${sku}`, { quantity })).status).toBe(200);

/** A same-price exchange (one shirt for the larger size at the price paid), its page open to an admin. */
const evenExchangeOpen = async () => {
  const shop = await exchangeShop();
  const exchange = await createExchange(shop.owner, exchangeOf(shop.order, [shop.sku.large]));
  const { page, errors } = await openPage(browser);
  await signIn(page, { role: 'admin' });
  await page.goto(appUrl(`/admin/exchanges/${exchange.id}`));
  await page.getByRole('heading', { level: 1, name: `Exchange for order ${shop.order.number}` }).waitFor();
  await page.getByText('Nothing to settle: the difference is zero.').waitFor();
  return { shop, exchange, page, errors };
};

describe('back office: exchanges', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('finds a requested upgrade in the queue and shows its items, difference, payment state and links', async () => {
    const shop = await exchangeShop();
    const exchange = await createExchange(shop.owner, exchangeOf(shop.order, [shop.sku.jacket]));
    const { page, errors } = await openPage(browser);
    await signIn(page, { role: 'admin' });

    await page.getByRole('link', { name: 'Exchanges', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Exchanges' }).waitFor();
    await page.getByRole('combobox', { name: 'Status' }).selectOption('requested');
    await page.waitForURL(/status=requested/);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: `Exchange ${exchange.id}` }) });
    await row.getByText('Customer pays US$60.00').waitFor();
    await accessibleAtBothWidths(page, 'exchanges queue');
    await row.getByRole('link', { name: `Exchange ${exchange.id}` }).click();

    await page.getByRole('heading', { level: 1, name: `Exchange for order ${shop.order.number}` }).waitFor();
    await page.locator('hgroup').getByText('Requested', { exact: true }).waitFor();
    // An upgrade's charge is owed, not paid.
    await page.getByText('Charge of US$60.00: not paid yet.').waitFor();
    const items = page.getByRole('table', { name: 'Values' });
    await items.getByRole('row', { name: 'Difference Customer pays US$60.00' }).waitFor();
    await page.getByRole('row', { name: /^Shirt Back to the shop 1 US\$48\.00$/ }).waitFor();
    await page
      .getByRole('row', {
        name: `jacket-${shop.productId.slice('shirt-'.length)} (${shop.sku.jacket}), SKU ${shop.sku.jacket} Out to the customer 1 US$108.00`,
      })
      .waitFor();
    expect(await page.getByRole('link', { name: 'Return request of the items sent back' }).getAttribute('href')).toMatch(
      new RegExp(`/app/admin/returns/${exchange.returnId}$`),
    );
    expect(await page.getByRole('link', { name: `Order ${shop.order.number}` }).getAttribute('href')).toMatch(
      new RegExp(`/app/admin/orders/${shop.order.id}$`),
    );
    await page.getByText('Not yet: made on release').waitFor();
    await accessibleAtBothWidths(page, 'exchange detail (requested)');
    expect(errors).toEqual([]);
  });

  it('approves a same-price exchange, which then awaits the return; short stock is named in plain words first', async () => {
    const { shop, exchange, page, errors } = await evenExchangeOpen();
    await accessibleAtBothWidths(page, 'exchange detail with its decisions');

    await setStock(shop.sku.large, 0);
    await page.getByRole('button', { name: 'Approve exchange' }).click();
    await page.getByRole('alert').getByText(`Not enough stock to approve: ${shop.sku.large}. Restock or deny the exchange.`).waitFor();
    expect(await statusOf(exchange.id)).toBe('requested');

    await setStock(shop.sku.large, 5);
    await page.getByRole('button', { name: 'Approve exchange' }).click();
    await page
      .getByRole('status')
      .filter({
        hasText: `Exchange for order ${shop.order.number} approved: its new items are reserved and it now waits for the customer to send the items back.`,
      })
      .waitFor();
    await page.locator('hgroup').getByText('Awaiting your return', { exact: true }).waitFor();
    expect(await statusOf(exchange.id)).toBe('awaiting_return');
    expect((await call<{ quantity: number }>(admin, 'GET', `/admin/stock/${shop.sku.large}`)).body.quantity).toBe(4);
    // Nothing is left to decide: no second approval, no denial.
    await page.getByText('Nothing to decide here: the exchange follows its return.').waitFor();
    expect(await page.getByRole('button', { name: 'Approve exchange' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('denies an exchange only with a reason and after confirming in the page', async () => {
    const { shop, exchange, page, errors } = await evenExchangeOpen();

    // No reason: the form says what is missing and asks nothing.
    await page.getByRole('button', { name: 'Deny exchange' }).click();
    await page.getByRole('alert').getByRole('link', { name: 'Reason for denying: tell the customer why' }).waitFor();
    expect(await page.getByRole('group', { name: /deny this exchange/ }).count()).toBe(0);

    await page.getByLabel('Reason for denying').fill('This shirt was a final-sale item.');
    await page.getByRole('button', { name: 'Deny exchange' }).click();
    const question = page.getByRole('group', { name: 'Are you sure you want to deny this exchange? It cannot be undone.' });
    await question.waitFor();
    await accessibleAtBothWidths(page, 'exchange deny question');
    // Asking decided nothing yet.
    expect(await statusOf(exchange.id)).toBe('requested');
    await question.getByRole('button', { name: 'Yes, deny it' }).click();

    await page
      .getByRole('status')
      .filter({ hasText: `Exchange for order ${shop.order.number} denied. The customer was emailed your reason.` })
      .waitFor();
    await page.locator('hgroup').getByText('Denied', { exact: true }).waitFor();
    expect(await statusOf(exchange.id)).toBe('denied');
    expect(errors).toEqual([]);
  });
});
