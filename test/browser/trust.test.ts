// What the back office and the portal say about money and units is true, and a
// retried submit files once: a return sent again after the network failed on
// its answer is the same request (same Idempotency-Key), not a second one; an
// order's lines tell units returned from units only requested; a refund's
// restocking fee is named once; a COD order says "Cash on delivery".
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '#shared/domain/order';
import type { ReturnRequest } from '#shared/domain/return-request';
import { admin, call, createOrder, customer } from '../support/api.ts';
import { approve, createReturn, deliveredOrderFor, walk } from '../support/returns-api.ts';
import { appUrl, BROWSER_TEST_TIMEOUT, expectAccessible, launchBrowser, openPage, signIn } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('trust on the money path, in the web app', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('files a return once when it is sent again after the network lost the answer', async () => {
    const ada = customer();
    const order = await deliveredOrderFor(ada);
    const { page, errors } = await openPage(browser);
    await signIn(page, { role: 'customer', sub: ada.sub, email: ada.email });
    await page.goto(appUrl(`/orders/${order.id}/return`));
    await page.getByLabel('Quantity of Mug to return').fill('1');
    await page.getByLabel('Reason for returning Mug').selectOption({ label: 'Arrived damaged or defective' });
    await page.getByRole('radio', { name: 'Store voucher' }).check();

    // The first POST reaches the server (which files the request), then the connection drops before the answer.
    const keys: string[] = [];
    let dropped = false;
    await page.route('**/returns', async (route) => {
      const request = route.request();
      if (request.method() !== 'POST') return route.continue();
      keys.push(request.headers()['idempotency-key'] ?? '');
      if (dropped) return route.continue();
      dropped = true;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.getByRole('button', { name: 'Send return request' }).click();
    await page.getByRole('alert').filter({ hasText: 'The server could not be reached' }).waitFor();
    // Sent again, unchanged: the server answers the request it already filed.
    await page.getByRole('button', { name: 'Send return request' }).click();
    await page.waitForURL(/\/app\/returns\/ret_/);
    await page.unroute('**/returns');

    expect(keys).toHaveLength(2);
    expect(keys[0]).not.toBe('');
    expect(keys[1]).toBe(keys[0]);
    const filed = await call<{ items: ReturnRequest[] }>(admin, 'GET', `/admin/orders/${order.id}/returns`);
    expect(filed.body.items).toHaveLength(1);
    expect(page.url()).toContain(filed.body.items[0]?.id);
    // Chromium logs the dropped connection; nothing else went wrong.
    expect(errors.filter((e) => !/ERR_CONNECTION_RESET|Failed to fetch/.test(e))).toEqual([]);
  });

  it('tells units returned from units only requested, names the restocking fee once, and says cash on delivery', async () => {
    const bo = customer();
    const order: Order = await deliveredOrderFor(bo);
    const mug = order.lineItems.find((l) => l.sku === 'MUG-1');
    if (!mug) throw new Error('no mug line');
    // One mug back and refunded, less a 1.00 restocking fee; another only asked for.
    const done = await createReturn(bo, {
      orderId: order.id,
      items: [{ lineItemId: mug.id, quantity: 1, reasonId: 'rsn_retdamaged' }],
      refundMethod: 'voucher',
    });
    await approve(done);
    expect((await call(admin, 'POST', `/admin/returns/${done.id}/verify-package`, { restockFee: 100, refundedShipping: 0 })).status).toBe(200);
    await walk(done.id, 'refunded');
    await createReturn(bo, { orderId: order.id, items: [{ lineItemId: mug.id, quantity: 1, reasonId: 'rsn_retdamaged' }], refundMethod: 'voucher' });
    // The order's own count says 2 for both: the page must not.
    const stored = await call<Order>(admin, 'GET', `/admin/orders/${order.id}`);
    expect(stored.body.lineItems.find((l) => l.id === mug.id)?.returnedQuantity).toBe(2);

    const { page, errors } = await openPage(browser);
    await signIn(page, { role: 'admin' });
    await page.goto(appUrl(`/admin/orders/${order.id}`));
    const lines = page.getByRole('region', { name: 'Order lines' }).getByRole('table');
    await lines.getByRole('columnheader', { name: 'Return requested' }).waitFor();
    const headers = await lines.getByRole('columnheader').allTextContents();
    const row = lines.getByRole('row').filter({ hasText: 'MUG-1' });
    await expect.poll(async () => (await row.getByRole('cell').allTextContents())[headers.indexOf('Return requested')]).toBe('1');
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells[headers.indexOf('Returned')]).toBe('1');
    expect(cells[headers.indexOf('Qty')]).toBe('3');

    const refund = page.getByRole('article').filter({ has: page.getByRole('heading', { name: /^Refund of .* · Return$/ }) });
    await refund.getByRole('row', { name: /^Restock fee [−-]US\$1\.00$/ }).waitFor();
    expect(await refund.getByText('(restock fee)').count()).toBe(0);
    await expectAccessible(page, 'order with returned and requested units');

    // A phone-width table scrolls in a region the keyboard reaches.
    await page.setViewportSize({ width: 375, height: 800 });
    await page.getByRole('region', { name: 'Order lines' }).focus();
    expect(await page.getByRole('region', { name: 'Order lines' }).getAttribute('tabindex')).toBe('0');
    await page.setViewportSize({ width: 1280, height: 800 });

    const cod = await createOrder(bo, { paymentMethod: 'cod', paymentStatus: 'unpaid' });
    await page.goto(appUrl(`/admin/orders?q=${cod.number}`));
    await page.getByRole('cell', { name: 'Cash on delivery, unpaid' }).waitFor();
    expect(errors).toEqual([]);
  });
});
