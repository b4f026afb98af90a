// Every screen of the route map, at desktop (1280 px) and phone (375 px)
// width, in a real Chromium: it draws its heading, axe finds nothing serious or
// critical, and nothing the browser asks for on the way is a 404 (the favicon
// on a first load included). Each role sees its own screens with real data.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '#infra/local/setup';
import type { Cancellation } from '#shared/domain/cancellation';
import type { ReturnRequest } from '#shared/domain/return-request';
import { admin, call, createOrder, customer } from '../support/api.ts';
import { createExchange, exchangeOf, exchangeShop } from '../support/exchanges.ts';
import { createReturn, deliveredOrderFor } from '../support/returns-api.ts';
import { credit } from '../support/store-credit.ts';
import { registerEndpoint, startReceiver } from '../support/webhook-receiver.ts';
import { appUrl, BROWSER_TEST_TIMEOUT, expectAccessible, launchBrowser, openPage, signIn } from './support/browser.ts';

/**
 * The screens of web/routes.ts, read from its text: importing it would pull the
 * app's .tsx into the Node type check. An entry this misses fails the count below.
 */
const appRoutes = [...readFileSync(path.join(projectRoot, 'web', 'routes.ts'), 'utf8').matchAll(/path: '([^']+)',\s*role: '(\w+)'/g)].map(([, p, role]) => ({
  path: p as string,
  role: role as string,
}));

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Records every answer of 404 and every request that failed outright, from now on. */
const watchMissing = (page: Page): string[] => {
  const missing: string[] = [];
  page.on('response', (response: Response) => {
    if (response.status() === 404) missing.push(`404 ${response.url()}`);
  });
  page.on('requestfailed', (request) => {
    // An aborted fetch (a screen left while loading) is not a missing file.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') missing.push(`failed ${request.url()}: ${request.failure()?.errorText}`);
  });
  return missing;
};

/** Fills a route pattern's params from `ids`; a param with no id fails the test (a screen left out). */
const fill = (pattern: string, ids: Readonly<Record<string, string>>): string =>
  pattern.replace(/:(\w+)/g, (_, name: string) => {
    const id = ids[name];
    if (!id) throw new Error(`every-screen: no id for :${name} in ${pattern}`);
    return id;
  });

/** A delivered order with a return request, another order with a cancellation request, a third with an exchange, and store credit: a screen's worth of each. */
const somethingOfEach = async (
  owner: ReturnType<typeof customer>,
): Promise<{ ids: Record<'orderId' | 'returnId' | 'cancellationId' | 'exchangeId' | 'customerId', string> }> => {
  const order = await deliveredOrderFor(owner);
  const request: ReturnRequest = await createReturn(owner, {
    orderId: order.id,
    items: [{ lineItemId: order.lineItems[0]?.id ?? '', quantity: 1, reasonId: 'rsn_retdamaged' }],
    refundMethod: 'voucher',
  });
  const open = await createOrder(owner);
  const asked = await call<Cancellation>(owner, 'POST', `/orders/${open.id}/cancellation`, { reasonId: 'rsn_cxlchangedmind' });
  expect(asked.status).toBe(201);
  // Store credit with a lot and a transaction to draw.
  await credit(owner.sub, 1500, { expiresAt: new Date(Date.now() + 30 * 864e5).toISOString() });
  const shop = await exchangeShop(owner);
  const exchange = await createExchange(owner, exchangeOf(shop.order, [shop.sku.large]));
  return { ids: { orderId: order.id, returnId: request.id, cancellationId: asked.body.id, exchangeId: exchange.id, customerId: owner.sub } };
};

const visitAtBothWidths = async (page: Page, path: string): Promise<void> => {
  await page.goto(appUrl(path));
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  // Data still loading says so (role=status, aria-busy); axe runs on the screen as it settles.
  await expect.poll(() => page.locator('[aria-busy="true"]').count(), { timeout: 20_000 }).toBe(0);
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 800 });
    await expectAccessible(page, `${path} at ${width} px`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
};

describe('every screen at 1280 and 375 px', { timeout: BROWSER_TEST_TIMEOUT * 3 }, () => {
  it('reads every screen of the route map', () => {
    expect(appRoutes.length).toBe((readFileSync(path.join(projectRoot, 'web', 'routes.ts'), 'utf8').match(/^\s*(?:\{ )?path: '/gm) ?? []).length);
  });

  it('draws a first load with no 404 (no /favicon.ico asked for)', async () => {
    const { page, errors } = await openPage(browser);
    const missing = watchMissing(page);
    await page.goto(appUrl('/sign-in'));
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(missing).toEqual([]);
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 800 });
      await expectAccessible(page, `sign-in at ${width} px`);
    }
    expect(await page.locator('link[rel="icon"]').getAttribute('href')).toMatch(/^data:image\/svg\+xml,/);
    expect(errors).toEqual([]);
  });

  it('passes axe on every customer screen', async () => {
    const ada = customer();
    const { ids } = await somethingOfEach(ada);

    const { page, errors } = await openPage(browser);
    const missing = watchMissing(page);
    await signIn(page, { role: 'customer', sub: ada.sub, email: ada.email });
    const screens = appRoutes.filter((r) => r.role === 'customer');
    expect(screens.length).toBeGreaterThan(5);
    for (const screen of screens) await visitAtBothWidths(page, fill(screen.path, ids));
    expect(missing).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('passes axe on every back-office screen', async () => {
    const { ids } = await somethingOfEach(customer());
    const receiver = await startReceiver();
    const endpoint = await registerEndpoint(receiver.url, ['return.created']);

    const { page, errors } = await openPage(browser);
    const missing = watchMissing(page);
    await signIn(page, { role: 'admin' });
    const screens = appRoutes.filter((r) => r.role === 'admin');
    expect(screens.length).toBeGreaterThan(8);
    for (const screen of screens) {
      // Three screens take an `:id`: a cancellation's, an exchange's and a webhook endpoint's.
      const id = screen.path.startsWith('/admin/webhooks/') ? endpoint.id : screen.path.startsWith('/admin/exchanges/') ? ids.exchangeId : ids.cancellationId;
      await visitAtBothWidths(page, fill(screen.path, { ...ids, id }));
    }
    expect(missing).toEqual([]);
    expect(errors).toEqual([]);
    expect((await call(admin, 'DELETE', `/admin/webhooks/${endpoint.id}`)).status).toBe(204);
    await receiver.close();
  });
});
