// The browser-test harness: one Chromium per test file (playwright-core), a
// page that fails the test on any console error, sign-in as a role through the
// local sign-in page, an axe check, and screenshots for docs/.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { projectRoot } from '#infra/local/setup';
import { apiUrl } from '../../support/api.ts';

/** Per test: a browser step is slower than an HTTP call, axe and screenshots most of all. */
export const BROWSER_TEST_TIMEOUT = 180_000;

export const appUrl = (pathInApp = '/'): string => `${apiUrl()}/app${pathInApp}`;

export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH;
  if (!executablePath) throw new Error('CHROMIUM_PATH is not set: run through vitest with the global setup');
  const args = process.env.CHROMIUM_FLAVOR === 'sparticuz' ? (await import('@sparticuz/chromium')).default.args : ['--no-sandbox'];
  return chromium.launch({ executablePath, args, headless: true });
}

export interface AppPage {
  readonly page: Page;
  /** Console errors and uncaught exceptions seen so far; a screen must produce none. */
  readonly errors: string[];
}

/** A fresh context (own sessionStorage) at 1280 × 800, recording console errors. */
export async function openPage(browser: Browser): Promise<AppPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/London' });
  const page = await context.newPage();
  // A missing element fails its step with a locator message, well before the test's own timeout.
  page.setDefaultTimeout(30_000);
  const errors: string[] = [];
  page.on('console', (message) => {
    // Chromium logs every 4xx answer as a console error; a problem+json the screen shows is not a fault.
    if (message.type() === 'error' && !/^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text()))
      errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

export interface SignInAs {
  readonly role: 'customer' | 'admin';
  /** The customer id (token `sub`); ignored for admins. */
  readonly sub?: string;
  readonly email?: string;
}

/** Signs in through the local sign-in page, as a person would, and waits for the role's start page. */
export async function signIn(page: Page, who: SignInAs, returnTo?: string): Promise<void> {
  await page.goto(appUrl(returnTo ? `/sign-in?returnTo=${encodeURIComponent(`/app${returnTo}`)}` : '/sign-in'));
  await page.getByRole('radio', { name: who.role === 'customer' ? /customer/i : /admin/i }).check();
  if (who.role === 'customer') await page.getByLabel('Customer id').fill(who.sub ?? 'customer-1');
  await page.getByLabel('Email').fill(who.email ?? `${who.sub ?? who.role}@example.com`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
}

/** For a test file: one browser, one page signed in as `who` before the first test; closed after the last. */
export function signedInApp(who: SignInAs): () => AppPage {
  let browser: Browser | undefined;
  let app: AppPage | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openPage(browser);
    await signIn(app.page, who);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!app) throw new Error('signedInApp: used outside a test');
    return app;
  };
}

/** Whether `target` has the keyboard focus now (a confirmation's question, the button it returns to). */
export const hasFocus = (target: Locator): Promise<boolean> => target.evaluate((el) => el === el.ownerDocument.activeElement);

/** axe-core on the page as it is now: no serious or critical violation. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `axe on ${screen}`).toEqual([]);
}

/** axe at 1280 and at 375 px once the page has finished loading (nothing `aria-busy`), back to 1280 after. */
export async function accessibleAtBothWidths(page: Page, screen: string): Promise<void> {
  await expect.poll(() => page.locator('[aria-busy="true"]').count(), { timeout: 20_000 }).toBe(0);
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 800 });
    await expectAccessible(page, `${screen} at ${width} px`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/**
 * docs/screenshots/ with SCREENSHOTS=1 (`npm run screenshots`, for the README);
 * otherwise .cache/screenshots/, so a plain `npm test` still draws every screen
 * at phone width without touching tracked files.
 */
export const SCREENSHOT_DIR = process.env.SCREENSHOTS === '1' ? path.join(projectRoot, 'docs', 'screenshots') : path.join(projectRoot, '.cache', 'screenshots');

/** <name>-1280.png and <name>-375.png, full page; the viewport is restored after. */
export async function screenshots(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const before = page.viewportSize() ?? { width: 1280, height: 800 };
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${width}.png`), fullPage: true, animations: 'disabled' });
  }
  await page.setViewportSize(before);
}
