import { describe, expect, it } from 'vitest';
import type { Exchange } from '#shared/domain/exchange';
import { admin, call, customer } from '../support/api.ts';
import { createExchange, exchangeOf, exchangeShop } from '../support/exchanges.ts';
import { accessibleAtBothWidths, appUrl, BROWSER_TEST_TIMEOUT, signedInApp } from './support/browser.ts';

const ada = customer();
const current = signedInApp({ role: 'customer', sub: ada.sub, email: ada.email });

const getExchange = async (id: string): Promise<Exchange> => (await call<Exchange>(admin, 'GET', `/admin/exchanges/${id}`)).body;

/** A shop's shirt order whose size L has 5 in tracked stock. */
const shopWithStock = async () => {
  const shop = await exchangeShop(ada);
  expect((await call(admin, 'PUT', `/admin/stock/${shop.sku.large}`, { quantity: 5 })).status).toBe(200);
  return shop;
};

describe('exchanges in the returns portal', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('swaps a size at the same price and shows the exchange requested', async () => {
    const shop = await shopWithStock();
    const { page } = current();
    await page.goto(appUrl(`/orders/${shop.order.id}`));
    await page.getByRole('heading', { name: `Order ${shop.order.number}` }).waitFor();
    // "Exchange" sits beside "Request a return".
    const actions = page.getByRole('navigation', { name: 'Order actions' });
    await actions.getByRole('link', { name: 'Request a return' }).waitFor();
    await actions.getByRole('link', { name: 'Exchange', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Exchange items from order ${shop.order.number}` }).waitFor();

    // Sent empty: each missing answer is named.
    await page.getByRole('button', { name: 'Send exchange request' }).click();
    await page.getByRole('alert').getByRole('link', { name: 'Items: Choose at least one item to exchange' }).waitFor();
    await accessibleAtBothWidths(page, 'exchange form with errors');

    // The mug has no product to choose from; the shirt lists its sizes with their stock.
    await page.getByText('There is nothing to exchange this item for. You can still request a return.').waitFor();
    await page.getByLabel('Quantity of Shirt to exchange').fill('1');
    await page.getByLabel('What you want instead of Shirt').selectOption({ label: `${shop.sku.large} (5 left)` });
    await page.getByLabel('Reason for exchanging Shirt').selectOption({ label: 'Arrived damaged or defective' });
    // Another size of the same product keeps the price paid: nothing to pay either way.
    const difference = page.getByRole('region', { name: 'The difference' });
    await difference.getByRole('row', { name: 'Nothing to pay US$0.00' }).waitFor();
    await difference.getByText('nothing to pay either way').waitFor();
    await accessibleAtBothWidths(page, 'exchange form');
    await page.getByRole('button', { name: 'Send exchange request' }).click();

    await page.waitForURL(/\/app\/exchanges\/exc_/);
    await page
      .getByRole('status')
      .filter({ hasText: `Your exchange request for order ${shop.order.number} was sent.` })
      .waitFor();
    await page.getByRole('heading', { level: 1, name: `Exchange for order ${shop.order.number}` }).waitFor();
    await page.locator('hgroup').getByText('Requested', { exact: true }).waitFor();
    await page.getByText('The shop will look at your request soon. Nothing is reserved or charged yet.').waitFor();
    await page.getByRole('region', { name: 'Payment' }).getByText('There is no difference to pay either way.').waitFor();
    await accessibleAtBothWidths(page, 'exchange detail (requested)');

    const id = page.url().split('/').pop() ?? '';
    expect(await getExchange(id)).toMatchObject({
      status: 'requested',
      differenceDue: 0,
      outbound: [{ sku: shop.sku.large, quantity: 1, priceKept: true }],
      inbound: [{ lineItemId: shop.order.lineItems[0]?.id, quantity: 1, reasonId: 'rsn_retdamaged' }],
    });

    // My exchanges lists it.
    await page.getByRole('link', { name: 'My exchanges' }).click();
    await page.getByRole('heading', { level: 1, name: 'My exchanges' }).waitFor();
    await page.locator(`a[href$="/exchanges/${id}"]`).waitFor();
    await accessibleAtBothWidths(page, 'my exchanges');
  });

  it('shows what an upgrade to a dearer product costs, and that nothing is charged before approval', async () => {
    const shop = await exchangeShop(ada);
    const exchange = await createExchange(ada, exchangeOf(shop.order, [shop.sku.jacket]));
    const { page } = current();
    await page.goto(appUrl(`/exchanges/${exchange.id}`));
    await page.getByRole('heading', { level: 1, name: `Exchange for order ${shop.order.number}` }).waitFor();
    // The jacket costs 90.00 + 18.00 tax; the shirt sent back was worth 40.00 + 8.00.
    const items = page.getByRole('region', { name: 'Items' });
    await items.getByRole('row', { name: 'You pay US$60.00' }).waitFor();
    await page.getByText('You pay US$60.00 once the shop approves the exchange. Nothing has been charged.').waitFor();
    await accessibleAtBothWidths(page, 'exchange detail (upgrade requested)');
  });

  it('reads the exchange form in German after switching language', async () => {
    const shop = await shopWithStock();
    const { page } = current();
    await page.goto(appUrl(`/orders/${shop.order.id}/exchange`));
    await page.getByRole('heading', { level: 1, name: `Exchange items from order ${shop.order.number}` }).waitFor();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('de');
    await page.getByRole('heading', { level: 1, name: `Artikel aus Bestellung ${shop.order.number} umtauschen` }).waitFor();
    await page.getByRole('group', { name: 'Was möchten Sie umtauschen?' }).waitFor();
    await page.getByLabel('Menge von Shirt zum Umtauschen').fill('1');
    await page.getByLabel('Was Sie statt Shirt möchten').selectOption({ label: `${shop.sku.large} (noch 5)` });
    await page.getByLabel('Grund für den Umtausch von Shirt').selectOption({ index: 1 });
    await page
      .getByRole('region', { name: 'Die Differenz' })
      .getByRole('row', { name: /^Nichts zu zahlen 0,00/ })
      .waitFor();
    await page.getByRole('button', { name: 'Umtauschanfrage senden' }).waitFor();
    await accessibleAtBothWidths(page, 'exchange form in German');
    // Back to English for whoever uses this page next.
    await page.getByRole('combobox', { name: 'Sprache' }).selectOption('en');
    await page.getByRole('heading', { level: 1, name: `Exchange items from order ${shop.order.number}` }).waitFor();
  });
});
