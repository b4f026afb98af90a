// Lists keep their page and filters in the address, in the portal and the back
// office alike: the next page is a history entry of its own, so the browser's
// Back shows the first page again and Forward the second, and a reload or a
// copied link shows the same page. One customer with 21 orders fills a page of
// 20 and one more, in "My orders" and in the back office's orders found by email.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '#shared/domain/order';
import { createOrder, customer } from '../support/api.ts';
import { appUrl, BROWSER_TEST_TIMEOUT, launchBrowser, openPage, signIn } from './support/browser.ts';

const PAGE = 20;

const ada = customer();
let orders: Order[] = [];

beforeAll(async () => {
  orders = await Promise.all(Array.from({ length: PAGE + 1 }, () => createOrder(ada)));
});

/** The order numbers the list shows, in its order. */
const shown = (page: Page): Promise<string[]> =>
  page
    .locator('main table a')
    .allTextContents()
    .then((texts) => texts.map((text) => text.replace(/^Order /, '')));

/** Waits for the list to show `count` orders and answers them. */
const listed = async (page: Page, count: number): Promise<string[]> => {
  await expect.poll(() => shown(page).then((numbers) => numbers.length), { timeout: 20_000 }).toBe(count);
  return shown(page);
};

const cursorOf = (page: Page): string | null => new URL(page.url()).searchParams.get('cursor');

/** Page 2, Back to page 1, Forward to page 2 again: the address and the rows follow. */
async function pagesThroughHistory(page: Page, next: string): Promise<{ first: string[]; second: string[] }> {
  const first = await listed(page, PAGE);
  expect(cursorOf(page)).toBeNull();
  await page.getByRole('button', { name: next }).click();
  await page.waitForURL((url) => url.searchParams.has('cursor'));
  const second = await listed(page, 1);
  expect(first).not.toContain(second[0]);
  expect(new Set([...first, ...second])).toEqual(new Set(orders.map((o) => o.number)));
  const secondUrl = page.url();

  await page.goBack();
  await page.waitForURL((url) => !url.searchParams.has('cursor'));
  expect(await listed(page, PAGE)).toEqual(first);

  await page.goForward();
  await page.waitForURL(secondUrl);
  expect(await listed(page, 1)).toEqual(second);

  // The address alone draws the page: a reload shows page 2 again.
  await page.reload();
  expect(await listed(page, 1)).toEqual(second);
  return { first, second };
}

describe('lists in the address', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('pages "My orders" through the browser history', async () => {
    const browser = await launchBrowser();
    try {
      const app = await openPage(browser);
      await signIn(app.page, { role: 'customer', sub: ada.sub, email: ada.email }, '/orders');
      await pagesThroughHistory(app.page, 'Older orders');
      expect(app.errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('pages the back office’s orders through the history, its filters kept beside the page', async () => {
    const browser = await launchBrowser();
    try {
      const app = await openPage(browser);
      await signIn(app.page, { role: 'admin' });
      await app.page.goto(appUrl(`/admin/orders?q=${encodeURIComponent(ada.email)}`));
      const { first, second } = await pagesThroughHistory(app.page, 'Next page');
      expect(new URL(app.page.url()).searchParams.get('q')).toBe(ada.email);

      // Another filter is another list: its first page, and Back returns to page 2 of the one before.
      const status = orders[0]?.status ?? 'placed';
      await app.page.getByLabel('Status').selectOption(status);
      await app.page.waitForURL((url) => url.searchParams.get('status') === status && !url.searchParams.has('cursor'));
      expect(await listed(app.page, PAGE)).toEqual(first);
      await app.page.goBack();
      await app.page.waitForURL((url) => url.searchParams.has('cursor') && !url.searchParams.has('status'));
      expect(await listed(app.page, 1)).toEqual(second);
      expect(await app.page.getByLabel('Status').inputValue()).toBe('');
      expect(app.errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
