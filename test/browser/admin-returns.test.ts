// Seed 002's flow in a real Chromium against the local stack: a customer's
// return with a photo; an admin picks it up, verifies each item and the
// package, approves and refunds it by clicking; the customer then sees it
// refunded with the refund's amount.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReturnRequest } from '#shared/domain/return-request';
import { call, customer } from '../support/api.ts';
import { createReturn, deliveredOrderFor } from '../support/returns-api.ts';
import { uploadFile } from '../support/uploads.ts';
import { type AppPage, appUrl, BROWSER_TEST_TIMEOUT, expectAccessible, launchBrowser, openPage, screenshots, signIn } from './support/browser.ts';
import { solidPng } from './support/png.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('back office: a return from request to refund', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('is picked up, verified item by item and as a package, approved and refunded by clicking', async () => {
    // Arrange: Ada's delivered order (3 mugs at 10.00 − 3.00 discount + 3.00 tax, a T-shirt at 25.00), a return of 2 mugs with a photo.
    const ada = customer();
    const order = await deliveredOrderFor(ada);
    const mug = order.lineItems[0]!;
    const photo = await uploadFile(ada, { fileName: 'broken-mug.png', contentType: 'image/png', bytes: solidPng(64, [200, 40, 40]) });
    const request = await createReturn(ada, {
      orderId: order.id,
      items: [{ lineItemId: mug.id, quantity: 2, reasonId: 'rsn_retdamaged', condition: 'handle broken' }],
      refundMethod: 'card',
      attachments: [photo.ticket.id],
      termsAccepted: true,
    });
    const { page, errors }: AppPage = await openPage(browser);
    await signIn(page, { role: 'admin' });

    // The list of new requests holds it; its page shows the photo itself.
    await page.goto(appUrl('/admin/returns?status=new'));
    await page.getByRole('link', { name: `Return for order ${order.number}` }).click();
    await page.getByRole('heading', { level: 1, name: `Return request for order ${order.number}` }).waitFor();
    const img = page.getByRole('img', { name: 'Sent by the customer: broken-mug.png' });
    await img.waitFor();
    await expect.poll(() => img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth)).toBe(64);
    await expectAccessible(page, 'return detail (new)');
    await screenshots(page, 'admin-return-new');

    // Act: pick-up, verification, package, approval, refund.
    // Each step waits for the page to show its result, as a person would before the next click.
    const status = (label: string) => page.locator('hgroup').getByText(label, { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Mark picked up' }).click();
    await status('Picked up');
    await page.getByRole('button', { name: 'Start verification' }).click();
    await status('Pending verification');
    await page.getByText('Verify these items before deciding:').waitFor();
    await page.getByLabel('Good units of Mug').fill('2');
    await page.getByLabel('Condition of Mug').fill('as new after all');
    await page.getByRole('button', { name: 'Verify Mug' }).click();
    await page.getByLabel('Restocking fee (USD)').fill('1.50');
    await page.getByRole('button', { name: 'Verify package' }).click();
    // 2 of 3 mugs: (3000 − 300 + 300) / 3 = 1000 each → 20.00, less the 1.50 fee.
    const breakdown = page.getByRole('table', { name: 'Refund breakdown' });
    await breakdown.getByRole('row', { name: /^Refund amount .*18\.50$/ }).waitFor();
    await expectAccessible(page, 'return detail (verified)');
    await screenshots(page, 'admin-return-verified');
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    await status('Approved');
    await page.getByRole('button', { name: 'Refund', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Return refunded\. A refund of .*18\.50 was created\.$/ })
      .waitFor();

    // Assert: the page says refunded; so does the API, to the customer, with the refund.
    await status('Refunded');
    await page.getByRole('list', { name: 'Status history' }).getByText('Refunded', { exact: true }).waitFor();
    const seen = await call<ReturnRequest>(ada, 'GET', `/returns/${request.id}`);
    expect(seen.body).toMatchObject({ status: 'refunded', refundAmount: 1850, refundId: expect.stringMatching(/^rfd_/) });
    expect(seen.body.items[0]).toMatchObject({ goodQuantity: 2, status: 'approved', condition: 'as new after all' });
    expect(errors).toEqual([]);

    // The customer, in the returns portal, sees it refunded and how much.
    const portal = await openPage(browser);
    await signIn(portal.page, { role: 'customer', sub: ada.sub, email: ada.email });
    await portal.page.goto(appUrl(`/returns/${request.id}`));
    await portal.page.getByRole('heading', { name: `Return for order ${order.number}` }).waitFor();
    await portal.page.getByText(/^Card: .*18\.50$/).waitFor();
    // The card refund's transaction is still pending: the portal must not say "paid" yet.
    await portal.page.getByText(/^Status: pending: on its way to you, not paid yet\.$/).waitFor();
    expect(await portal.page.getByText(/paid\)|Status: paid/).count()).toBe(0);
    expect(portal.errors).toEqual([]);
  });

  it('asks for a reason before denying, next to the field', async () => {
    const bo = customer();
    const order = await deliveredOrderFor(bo);
    const request = await createReturn(bo, {
      orderId: order.id,
      items: [{ lineItemId: order.lineItems[0]!.id, quantity: 1, reasonId: 'rsn_retdamaged' }],
      refundMethod: 'voucher',
    });
    const { page, errors } = await openPage(browser);
    await signIn(page, { role: 'admin' });
    await page.goto(appUrl(`/admin/returns/${request.id}`));
    await page.getByRole('button', { name: 'Deny return' }).click();
    await page.getByRole('alert').getByRole('link', { name: 'Rejection reason: is required to deny a return request' }).waitFor();
    expect(await page.getByLabel('Rejection reason').getAttribute('aria-invalid')).toBe('true');
    // Nothing is asked while the reason is missing.
    expect(await page.getByRole('group', { name: /^Are you sure/ }).count()).toBe(0);
    await page.getByLabel('Rejection reason').fill('Outside what we take back');
    await page.getByRole('button', { name: 'Deny return' }).click();
    await page
      .getByRole('group', { name: 'Are you sure you want to deny this return? It cannot be undone.' })
      .getByRole('button', { name: 'Yes, deny this return' })
      .click();
    await page.locator('hgroup').getByText('Denied', { exact: true }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Return denied. The customer was told why.' }).waitFor();
    const seen = await call<ReturnRequest>(bo, 'GET', `/returns/${request.id}`);
    expect(seen.body).toMatchObject({ status: 'denied', rejectionReason: 'Outside what we take back' });
    expect(errors).toEqual([]);
  });
});
