// Cancellations in a real Chromium: a COD order the customer cancels is
// cancelled at once with nothing to refund; a paid order's request waits for
// an admin, who approves it by clicking and then settles its refund, or
// rejects it with a reason; an admin cancels an order outright. Every action
// is a button found by its name, as a person (or a screen reader) finds it.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cancellation } from '#shared/domain/cancellation';
import type { Order } from '#shared/domain/order';
import { admin, call, createOrder, customer } from '../support/api.ts';
import { appUrl, BROWSER_TEST_TIMEOUT, expectAccessible, hasFocus, launchBrowser, openPage, screenshots, signIn } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const cancel = async (who: ReturnType<typeof customer>, order: Order, body: Record<string, unknown> = {}) => {
  const reply = await call<Cancellation>(who, 'POST', `/orders/${order.id}/cancellation`, { reasonId: 'rsn_cxlchangedmind', ...body });
  if (reply.status !== 201) throw new Error(`cancellation failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
};

describe('back office: cancellations', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('shows a COD order cancelled at once, with nothing refunded', async () => {
    const ada = customer();
    const order = await createOrder(ada, { paymentMethod: 'cod', paymentStatus: 'unpaid' });
    const cancellation = await cancel(ada, order);
    expect(cancellation.status).toBe('approved');
    const { page, errors } = await openPage(browser);
    await signIn(page, { role: 'admin' });

    await page.goto(appUrl(`/admin/orders/${order.id}`));
    await page.getByRole('heading', { level: 1, name: `Order ${order.number}` }).waitFor();
    await page.locator('hgroup').getByText('Cancelled', { exact: true }).waitFor();
    await page.getByText('Nothing has been refunded.').waitFor();
    // A cancelled order offers no moves, no cancel form.
    expect(await page.getByRole('button', { name: /^Mark / }).count()).toBe(0);
    expect(await page.getByRole('button', { name: `Cancel order ${order.number}` }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('lets an admin approve a paid order’s request, then settle its refund', async () => {
    const bo = customer();
    const order = await createOrder(bo);
    const requested = await cancel(bo, order, { comment: 'Bought twice' });
    expect(requested.status).toBe('requested');
    const { page, errors } = await openPage(browser);
    await signIn(page, { role: 'admin' });

    await page.goto(appUrl('/admin/cancellations?status=requested'));
    const card = page.getByRole('article').filter({ has: page.getByRole('heading', { name: `Order ${order.number}` }) });
    await card.getByText('“Bought twice”').waitFor();
    await expectAccessible(page, 'cancellations');
    await screenshots(page, 'admin-cancellations');
    // Approving refunds the order: it asks first, in the page, with focus on the question.
    const approve = card.getByRole('button', { name: `Approve cancellation of order ${order.number}` });
    await approve.click();
    const question = card.getByRole('group', { name: /^Are you sure you want to approve this cancellation\?.*It cannot be undone\.$/ });
    await expect.poll(() => hasFocus(question)).toBe(true);
    await expectAccessible(page, 'cancellations, asking before approving');
    await screenshots(page, 'admin-cancellation-confirm');
    // "No" changes nothing and puts focus back on the button that asked.
    await question.getByRole('button', { name: 'No, decide later' }).click();
    await expect.poll(() => hasFocus(approve)).toBe(true);
    expect((await call<Cancellation>(admin, 'GET', `/admin/cancellations/${requested.id}`)).body.status).toBe('requested');
    await approve.click();
    await question.getByRole('button', { name: 'Yes, cancel and refund the order' }).click();
    // Approved: it leaves the "requested" list, and the page says what happened, amount included.
    await card.waitFor({ state: 'detached' });
    await page
      .getByRole('status')
      .filter({ hasText: `Cancellation approved. Order ${order.number} is cancelled and a refund of US$60.50 was created.` })
      .waitFor();

    await page.goto(appUrl(`/admin/orders/${order.id}`));
    await page.locator('hgroup').getByText('Cancelled', { exact: true }).waitFor();
    const refund = page.getByRole('article').filter({ has: page.getByRole('heading', { name: /^Refund of .*60\.50 · Cancellation$/ }) });
    await refund.getByRole('radio', { name: 'The money was sent' }).check();
    await refund.getByRole('button', { name: 'Settle transaction' }).click();
    await refund.getByText('Success', { exact: true }).waitFor();

    const after = await call<Cancellation>(admin, 'GET', `/admin/cancellations?status=refunded&limit=100`);
    expect(JSON.stringify(after.body)).toContain(requested.id);
    const order2 = await call<Order>(admin, 'GET', `/admin/orders/${order.id}`);
    expect(order2.body).toMatchObject({ status: 'cancelled', paymentStatus: 'refunded', totals: { refunded: 6050 } });
    expect(errors).toEqual([]);
  });

  it('lets an admin reject a request from its page, asking for the reason beside its field', async () => {
    const cy = customer();
    const order = await createOrder(cy, { paymentMethod: 'bank_transfer' });
    const refundAccount = { accountName: 'Cy Young', accountNumber: '12345678', bankName: 'Bank of Example', bankBranch: 'Market Street' };
    const requested = await cancel(cy, order, { refundAccount });
    const { page, errors } = await openPage(browser);
    await signIn(page, { role: 'admin' });

    // Where the admins' email links; the branch is part of where a transfer goes.
    await page.goto(appUrl(`/admin/cancellations/${requested.id}`));
    await page.getByRole('heading', { level: 1, name: `Cancellation of order ${order.number}` }).waitFor();
    await page.getByText('Cy Young · Bank of Example, Market Street · 12345678', { exact: true }).waitFor();
    const reject = page.getByRole('button', { name: `Reject cancellation of order ${order.number}` });
    await reject.click();
    const reason = page.getByLabel('Rejection reason');
    await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await reason.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy.split(' ').pop()}"]`).textContent()).toContain('tell the customer why');
    await expectAccessible(page, 'cancellation with an error');

    await reason.fill('Already handed to the carrier');
    await reject.click();
    await page
      .getByRole('group', { name: 'Are you sure you want to reject this cancellation? It cannot be undone.' })
      .getByRole('button', { name: 'Yes, reject it' })
      .click();
    await page.locator('hgroup').getByText('Rejected', { exact: true }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: `Cancellation of order ${order.number} rejected. The customer was emailed your reason.` })
      .waitFor();
    await page.getByText('Already handed to the carrier').waitFor();
    const stored = await call<Cancellation>(admin, 'GET', `/admin/cancellations/${requested.id}`);
    expect(stored.body).toMatchObject({ status: 'rejected', rejectionReason: 'Already handed to the carrier' });
    expect(errors).toEqual([]);
  });

  it('lets an admin cancel an order outright, with a reason', async () => {
    const order = await createOrder(customer(), { paymentMethod: 'cod', paymentStatus: 'unpaid' });
    const { page, errors } = await openPage(browser);
    await signIn(page, { role: 'admin' });

    await page.goto(appUrl(`/admin/orders/${order.id}`));
    await page.getByRole('heading', { level: 1, name: `Order ${order.number}` }).waitFor();
    await page.getByLabel('Reason', { exact: true }).selectOption({ label: 'Changed my mind' });
    await expectAccessible(page, 'order detail with its cancel form');
    // Cancelling is final: the button looks unlike progress actions and asks first.
    const cancelButton = page.getByRole('button', { name: `Cancel order ${order.number}` });
    expect(await cancelButton.getAttribute('class')).toContain('danger');
    await cancelButton.click();
    const question = page.getByRole('group', { name: `Are you sure you want to cancel order ${order.number}? It cannot be undone.` });
    await question.getByText('Nothing was paid, so nothing is refunded.').waitFor();
    await question.getByRole('button', { name: 'Yes, cancel the order' }).click();
    await page.locator('hgroup').getByText('Cancelled', { exact: true }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: `Order ${order.number} cancelled. Nothing was paid, so nothing is refunded.` })
      .waitFor();
    const stored = await call<Order>(admin, 'GET', `/admin/orders/${order.id}`);
    expect(stored.body.status).toBe('cancelled');
    expect(errors).toEqual([]);
  });
});
