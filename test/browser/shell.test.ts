// The web app's shell in a real Chromium against the local stack: served at
// /app/ with SPA fallback, the dev-only sign-in (and its problem+json field
// errors), the role guard, the customer's nav, and the first screen's a11y.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrder, customer } from '../support/api.ts';
import { type AppPage, appUrl, BROWSER_TEST_TIMEOUT, expectAccessible, launchBrowser, openPage, signIn } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('web app shell', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  let app: AppPage;
  beforeAll(async () => {
    app = await openPage(browser);
  });

  it('serves index.html for any /app/ path and the API next to it', async () => {
    const deep = await fetch(appUrl('/orders/ord_123?x=1'));
    expect(deep.status).toBe(200);
    expect(deep.headers.get('content-type')).toContain('text/html');
    const config = await fetch(appUrl('/config.json'));
    expect(await config.json()).toEqual({ apiUrl: '', auth: { kind: 'local' } });
    const missingAsset = await fetch(appUrl('/assets/nope.js'));
    expect(missingAsset.status).toBe(404);
  });

  it('sends a visitor to sign in, and back to the page they asked for', async () => {
    const ada = customer();
    const order = await createOrder(ada);
    await app.page.goto(appUrl(`/orders`));
    await app.page.waitForURL(/\/app\/sign-in\?returnTo=/);
    await expect.poll(() => app.page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
    await expectAccessible(app.page, 'sign-in');
    await app.page.getByLabel('Customer id').fill(ada.sub);
    await app.page.getByLabel('Email').fill(ada.email);
    await app.page.getByRole('button', { name: 'Sign in' }).click();
    await app.page.waitForURL(/\/app\/orders$/);
    await app.page.getByRole('link', { name: `Order ${order.number}` }).waitFor();
    expect(await app.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My orders' }).getAttribute('aria-current')).toBe('page');
    await expect.poll(() => app.page.title()).toBe('My orders · aftersales');
    await expectAccessible(app.page, 'my orders');
  });

  it('shows the sign-in endpoint’s field error beside the field and in the summary', async () => {
    await app.page.getByRole('button', { name: 'Sign out' }).click();
    await app.page.goto(appUrl('/sign-in'));
    await app.page.getByLabel('Customer id').fill('not valid!');
    await app.page.getByRole('button', { name: 'Sign in' }).click();
    const summary = app.page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByRole('link', { name: /Customer id: must be/ }).waitFor();
    await expect.poll(() => app.page.getByLabel('Customer id').getAttribute('aria-invalid')).toBe('true');
    expect(await app.page.locator('#field-sub-error').textContent()).toMatch(/must be 1–128/);
    await summary.getByRole('link', { name: /Customer id/ }).click();
    await expect.poll(() => app.page.evaluate('document.activeElement?.id')).toBe('field-sub');
    await expectAccessible(app.page, 'sign-in with errors');
  });

  it('answers an unknown page inside the app with a page, not an error', async () => {
    await signIn(app.page, { role: 'customer', sub: customer().sub });
    await app.page.goto(appUrl('/no-such-page'));
    await app.page.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(app.errors).toEqual([]);
  });
});
