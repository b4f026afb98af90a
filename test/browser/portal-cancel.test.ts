// Cancelling in the returns portal, in a real Chromium: a COD order is
// cancelled at once; a paid bank-transfer order needs a bank account, and the
// server's problem+json for a bad account number shows beside its field and in
// the summary; an admin approves it; my cancellations list both. While a
// request waits for the shop, the order says so (linking to the request)
// instead of offering to cancel again; once declined, it offers it again.
// Also the order list, the invoice download (a blob fetched with the token), and axe.
import { describe, expect, it } from 'vitest';
import type { Cancellation } from '#shared/domain/cancellation';
import type { Order } from '#shared/domain/order';
import { admin, call, createOrder, customer } from '../support/api.ts';
import { appUrl, BROWSER_TEST_TIMEOUT, expectAccessible, hasFocus, screenshots, signedInApp } from './support/browser.ts';

const ada = customer();
// A readable name in the header of the README's screenshots; the orders belong to ada.sub.
const current = signedInApp({ role: 'customer', sub: ada.sub, email: 'ada@example.com' });

describe('cancelling in the portal', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('cancels an unpaid (COD) order at once', async () => {
    const order = await createOrder(ada, { paymentMethod: 'cod', paymentStatus: 'unpaid' });
    const { page } = current();
    await page.goto(appUrl('/orders'));
    await page.getByRole('link', { name: `Order ${order.number}` }).click();
    await page.getByRole('heading', { name: `Order ${order.number}` }).waitFor();
    await page.getByRole('link', { name: 'Cancel this order' }).click();
    await page.getByText('Nothing has been charged yet').waitFor();
    await page.getByLabel('Reason').selectOption({ label: 'Changed my mind' });
    await expectAccessible(page, 'cancel form');
    // Final, so it asks first; "No" keeps the order and gives focus back to the button.
    const cancelButton = page.getByRole('button', { name: 'Cancel order' });
    await cancelButton.click();
    const question = page.getByRole('group', { name: `Are you sure you want to cancel order ${order.number}? It cannot be undone.` });
    await expect.poll(() => hasFocus(question)).toBe(true);
    await expectAccessible(page, 'cancel form, asking first');
    await question.getByRole('button', { name: 'No, keep my order' }).click();
    await expect.poll(() => hasFocus(cancelButton)).toBe(true);
    expect((await call<Order>(admin, 'GET', `/admin/orders/${order.id}`)).body.status).not.toBe('cancelled');
    await cancelButton.click();
    await question.getByRole('button', { name: 'Yes, cancel my order' }).click();
    await page.getByRole('heading', { name: 'Your order is cancelled' }).waitFor();
    const stored = await call<Order>(admin, 'GET', `/admin/orders/${order.id}`);
    expect(stored.body.status).toBe('cancelled');
  });

  it('asks for a bank account for a paid bank transfer, and shows the server’s field error beside the field', async () => {
    const order = await createOrder(ada, { paymentMethod: 'bank_transfer', paymentStatus: 'paid' });
    const { page } = current();
    await page.goto(appUrl(`/orders/${order.id}/cancel`));
    await page.getByLabel('Reason').selectOption({ label: 'Found a better price' });
    await page.getByLabel('Account number or IBAN').fill('12-34');
    await page.getByLabel('Bank', { exact: true }).fill('Bank of Example');
    await page.getByLabel('Branch (optional)').fill('Market Street');
    await page.getByRole('button', { name: 'Request cancellation' }).click();
    await page.getByRole('button', { name: 'Yes, ask to cancel it' }).click();

    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByRole('link', { name: /Account number or IBAN: must hold at least 6 digits/ }).waitFor();
    expect(await page.getByLabel('Account number or IBAN').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#field-refundAccount-accountNumber-error').textContent()).toContain('must hold at least 6 digits');
    await expectAccessible(page, 'cancel form with errors');
    await screenshots(page, 'portal-cancel-error');

    await page.getByLabel('Account number or IBAN').fill('12345678');
    await page.getByRole('button', { name: 'Request cancellation' }).click();
    await page.getByRole('button', { name: 'Yes, ask to cancel it' }).click();
    await page.getByRole('heading', { name: 'Your cancellation request was sent' }).waitFor();

    const mine = await call<{ items: Cancellation[] }>(admin, 'GET', `/admin/orders/${order.id}/cancellations`);
    const requested = mine.body.items[0];
    expect(requested).toMatchObject({ status: 'requested', refundAccount: { accountNumber: '12345678', bankName: 'Bank of Example' } });
    const approved = await call<Cancellation>(admin, 'POST', `/admin/cancellations/${requested?.id}/approve`, undefined, {
      'if-match': `"${requested?.version}"`,
    });
    expect(approved.status).toBe(200);

    await page.goto(appUrl('/cancellations'));
    await page.getByRole('link', { name: `Order ${order.number}` }).waitFor();
    expect(await page.getByRole('main').getByText('Approved').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'my cancellations');
    await screenshots(page, 'portal-cancellations');
    await page
      .getByRole('article')
      .filter({ has: page.getByRole('link', { name: `Order ${order.number}` }) })
      .getByRole('link', { name: 'See the request' })
      .click();
    await page.getByRole('heading', { name: `Cancellation of order ${order.number}` }).waitFor();
    await page.getByText('Ada Lovelace · Bank of Example, Market Street · 12345678', { exact: true }).waitFor();
    await expectAccessible(page, 'my cancellation, approved');
  });

  it('says a cancellation is requested instead of offering it again, until the shop declines it', async () => {
    // Another order's open request says nothing about this one.
    const other = await createOrder(ada);
    expect((await call(ada, 'POST', `/orders/${other.id}/cancellation`, { reasonId: 'rsn_cxlchangedmind' })).status).toBe(201);
    const order = await createOrder(ada);
    const { page, errors } = current();
    await page.goto(appUrl(`/orders/${order.id}`));
    await page.getByRole('link', { name: 'Cancel this order' }).click();
    await page.getByLabel('Reason').selectOption({ label: 'Changed my mind' });
    await page.getByRole('button', { name: 'Request cancellation' }).click();
    await page.getByRole('button', { name: 'Yes, ask to cancel it' }).click();
    await page.getByRole('heading', { name: 'Your cancellation request was sent' }).waitFor();
    await page.getByRole('link', { name: 'Back to the order' }).click();

    const actions = page.getByRole('navigation', { name: 'Order actions' });
    await actions.getByRole('link', { name: 'Cancellation requested' }).waitFor();
    expect(await page.getByRole('link', { name: 'Cancel this order' }).count()).toBe(0);
    await expectAccessible(page, 'order with a cancellation requested');
    // Straight to the form (an old tab, a bookmark): the request, not the form.
    await page.goto(appUrl(`/orders/${order.id}/cancel`));
    await page.getByRole('link', { name: 'Cancellation requested' }).click();
    await page.getByRole('heading', { name: `Cancellation of order ${order.number}` }).waitFor();
    await page.getByText('The shop is reviewing your request').waitFor();
    await expectAccessible(page, 'my cancellation, requested');

    const mine = await call<{ items: Cancellation[] }>(admin, 'GET', `/admin/orders/${order.id}/cancellations`);
    const requested = mine.body.items[0];
    const rejected = await call(
      admin,
      'POST',
      `/admin/cancellations/${requested?.id}/reject`,
      { rejectionReason: 'Already packed' },
      {
        'if-match': `"${requested?.version}"`,
      },
    );
    expect(rejected.status).toBe(200);
    await page.reload();
    await page.getByText('Why it was declined: Already packed').waitFor();
    await page.getByRole('link', { name: `View order ${order.number}` }).click();
    await page.getByRole('link', { name: 'Cancel this order' }).click();
    await page.getByLabel('Reason').selectOption({ label: 'Changed my mind' });
    await page.getByRole('button', { name: 'Request cancellation' }).click();
    await page.getByRole('button', { name: 'Yes, ask to cancel it' }).click();
    await page.getByRole('heading', { name: 'Your cancellation request was sent' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('lists my orders and downloads an invoice with my token', async () => {
    const order = await createOrder(ada);
    const { page } = current();
    await page.goto(appUrl('/orders'));
    await page.getByRole('link', { name: `Order ${order.number}` }).waitFor();
    await expectAccessible(page, 'my orders');
    await screenshots(page, 'portal-orders');
    await page.getByRole('link', { name: `Order ${order.number}` }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download invoice (PDF)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`invoice-${order.number}.pdf`);
    expect(current().errors).toEqual([]);
  });
});
