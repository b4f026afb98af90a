// The returns portal in a real Chromium: a customer requests a return by
// clicking (the IBAN check beside its field and in the summary, a photo
// uploaded straight to S3 with its progress bar), comments on it, the shop
// runs it through the API to `refunded`, and the customer sees that and the
// refund (pending until its transaction succeeds, then paid; how the amount
// was reached; their own photo and comment); another request is withdrawn
// while new, after saying yes in the page. axe on every screen.
import { describe, expect, it } from 'vitest';
import type { ReturnRequest } from '#shared/domain/return-request';
import { admin, call, customer } from '../support/api.ts';
import { approve, deliveredOrderFor, walk } from '../support/returns-api.ts';
import { appUrl, BROWSER_TEST_TIMEOUT, expectAccessible, hasFocus, screenshots, signedInApp } from './support/browser.ts';

const ada = customer();
// A readable name in the header of the README's screenshots; the orders belong to ada.sub.
const current = signedInApp({ role: 'customer', sub: ada.sub, email: 'ada@example.com' });

/** A small but real PNG-sized payload: big enough that the upload reports progress. */
const photo = { name: 'broken-mug.png', mimeType: 'image/png', buffer: Buffer.alloc(300_000, 7) };

describe('returns portal', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  let returnId: string;

  it('requests a return with a photo, after fixing an invalid IBAN shown beside its field', async () => {
    const order = await deliveredOrderFor(ada);
    const { page } = current();
    await page.goto(appUrl(`/orders/${order.id}`));
    await page.getByRole('heading', { name: `Order ${order.number}` }).waitFor();
    await expectAccessible(page, 'order detail');
    await screenshots(page, 'portal-order');
    await page.getByRole('link', { name: 'Request a return' }).click();
    await page.getByRole('heading', { name: `Return items from order ${order.number}` }).waitFor();

    await page.getByLabel('Quantity of Mug to return').fill('2');
    await page.getByLabel('Reason for returning Mug').selectOption({ label: 'Arrived damaged or defective' });
    await page.getByRole('radio', { name: 'Bank transfer to my account' }).check();
    await page.getByLabel('IBAN').fill('GB00 NOPE 0000 0000 0000 00');
    await page.getByRole('button', { name: 'Send return request' }).click();

    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByRole('link', { name: 'IBAN: is not a valid IBAN' }).waitFor();
    expect(await page.getByLabel('IBAN').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#field-iban-error').textContent()).toContain('is not a valid IBAN');
    await expectAccessible(page, 'return form with errors');

    await page.getByLabel('IBAN').fill('GB33 BUKB 2020 1555 5555 55');
    // The accepted types in words, not MIME types; a file of another type is refused beside the field in the same words.
    await page.getByText('JPEG, PNG, WebP, HEIC or PDF, up to').waitFor();
    await page.getByLabel('Photos or documents (optional)').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await page.getByText('notes.txt is not a file we accept: send a JPEG, PNG, WebP, HEIC or PDF file').waitFor();
    await page.getByRole('button', { name: 'Remove notes.txt' }).click();
    await page.getByLabel('Photos or documents (optional)').setInputFiles(photo);
    // The upload goes straight to S3; on a busy machine it may take a while.
    await page.getByText('Uploaded').waitFor({ timeout: 60_000 });
    const progress = page.getByRole('progressbar', { name: photo.name });
    // A full bar: the bytes sent (the whole form, fields included) equal the total.
    const [value, max] = await progress.evaluate((bar: { value: number; max: number }) => [bar.value, bar.max]);
    expect(max).toBeGreaterThanOrEqual(photo.buffer.byteLength);
    expect(value).toBe(max);
    await page.getByLabel('Anything else we should know? (optional)').fill('The handle came off in the box.');
    await expectAccessible(page, 'return form');
    await screenshots(page, 'portal-return-request');
    await page.getByRole('button', { name: 'Send return request' }).click();

    await page.waitForURL(/\/app\/returns\/ret_/);
    // A confirmation on the request's own page.
    await page
      .getByRole('status')
      .filter({ hasText: `Your return request for order ${order.number} was sent.` })
      .waitFor();
    returnId = page.url().split('/').pop() ?? '';
    await page.getByRole('heading', { name: `Return for order ${order.number}` }).waitFor();
    const stored = await call<ReturnRequest>(admin, 'GET', `/admin/returns/${returnId}`);
    expect(stored.body).toMatchObject({
      status: 'new',
      refundMethod: 'bank_transfer',
      iban: 'GB33BUKB20201555555555',
      extraComment: 'The handle came off in the box.',
    });
    expect(stored.body.items).toMatchObject([{ title: 'Mug', quantity: 2 }]);
    expect(stored.body.attachments).toHaveLength(1);
  });

  it('adds a comment the shop can read', async () => {
    const { page } = current();
    await page.getByLabel('Add a comment').fill('I can bring it to the shop on Friday.');
    await page.getByRole('button', { name: 'Send comment' }).click();
    await page.getByText('I can bring it to the shop on Friday.', { exact: false }).first().waitFor();
    const stored = await call<ReturnRequest>(admin, 'GET', `/admin/returns/${returnId}`);
    expect(stored.body.comments.map((c) => c.body)).toContain('I can bring it to the shop on Friday.');
    await expectAccessible(page, 'return detail');
  });

  it('shows the refunded return and its refund once the shop has paid it', async () => {
    const request = (await walk(returnId, 'picked_up')) as ReturnRequest;
    await approve(request);
    const checked = await call<ReturnRequest>(admin, 'POST', `/admin/returns/${returnId}/verify-package`, { restockFee: 100, refundedShipping: 0 });
    expect(checked.status).toBe(200);
    const refunded = await walk(returnId, 'refunded');
    expect(refunded.refundAmount).toBe(1900);
    const { page } = current();
    await page.reload();
    await page.getByRole('heading', { name: /Return for order/ }).waitFor();
    const history = page.getByRole('list', { name: 'Return history' });
    await history.getByText('Refunded').waitFor();
    // Mug: 3 × 10.00 − 3.00 discount + 3.00 tax = 30.00 for 3 units; 2 units are 20.00, less a 1.00 restocking fee.
    const refund = page.getByRole('region', { name: 'Refund' });
    await refund.getByText('Bank transfer to GB33BUKB20201555555555: US$19.00').waitFor();
    // A bank transfer the shop has not sent yet is not "paid".
    await refund.getByText('pending: on its way to you, not paid yet.').waitFor();
    const breakdown = refund.getByRole('table', { name: 'How your refund was worked out' });
    await breakdown.getByRole('row', { name: 'Mug × 2 US$20.00' }).waitFor();
    await breakdown.getByRole('row', { name: 'Restocking fee − US$1.00' }).waitFor();
    await breakdown.getByRole('row', { name: 'Total refund US$19.00' }).waitFor();
    // What I sent: my comment and my photo (a link to it, served to me).
    const sent = page.getByRole('region', { name: 'What you sent' });
    await sent.getByText('The handle came off in the box.').waitFor();
    const link = sent.getByRole('link', { name: 'Your file: broken-mug.png' });
    expect(await link.getAttribute('href')).toMatch(/^http/);
    await expectAccessible(page, 'return detail, refund pending');

    // The shop sends the transfer: now, and only now, it is paid.
    const refunds = await call<{ items: { id: string; transactions: { id: string }[] }[] }>(admin, 'GET', `/admin/orders/${refunded.orderId}/refunds`);
    const paidRefund = refunds.body.items.find((r) => r.id === refunded.refundId);
    const settled = await call(admin, 'POST', `/admin/refunds/${paidRefund?.id}/transactions/${paidRefund?.transactions[0]?.id}`, {
      status: 'success',
      message: 'sent',
    });
    expect(settled.status).toBe(200);
    await page.reload();
    await refund.getByText(/^Status: paid\.$/).waitFor();
    await screenshots(page, 'portal-return-detail');
    await page.goto(appUrl('/returns'));
    await page
      .getByRole('link', { name: /Return for order/ })
      .first()
      .waitFor();
    await expectAccessible(page, 'my returns');
    await screenshots(page, 'portal-returns');
  });

  it('ties the message of a group (the items, the refund method) to its controls', async () => {
    const order = await deliveredOrderFor(ada);
    const { page } = current();
    await page.goto(appUrl(`/orders/${order.id}/return`));
    await page.getByRole('button', { name: 'Send return request' }).click();
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    const messageOf = async (describedBy: string | null) => page.locator(`[id="${describedBy?.split(' ').pop()}"]`).textContent();
    const items = page.getByRole('group', { name: 'What are you returning?' });
    expect(await messageOf(await items.getAttribute('aria-describedby'))).toContain('Choose at least one item to return');
    const voucher = page.getByRole('radio', { name: 'Store voucher' });
    expect(await voucher.getAttribute('aria-invalid')).toBe('true');
    expect(await messageOf(await voucher.getAttribute('aria-describedby'))).toContain('Choose how you want your refund');
    await expectAccessible(page, 'return form, nothing chosen');
  });

  it('withdraws a return while it is new', async () => {
    const order = await deliveredOrderFor(ada);
    const { page } = current();
    await page.goto(appUrl(`/orders/${order.id}/return`));
    await page.getByLabel('Quantity of T-shirt to return').fill('1');
    await page.getByLabel('Reason for returning T-shirt').selectOption({ index: 1 });
    await page.getByRole('radio', { name: 'Store voucher' }).check();
    await page.getByRole('button', { name: 'Send return request' }).click();
    await page.waitForURL(/\/app\/returns\/ret_/);
    const withdraw = page.getByRole('button', { name: 'Withdraw this return' });
    await withdraw.click();
    const question = page.getByRole('group', { name: 'Are you sure you want to withdraw this return request? It cannot be undone.' });
    await expect.poll(() => hasFocus(question)).toBe(true);
    // Escape keeps it, focus back on the button.
    await page.keyboard.press('Escape');
    await expect.poll(() => hasFocus(withdraw)).toBe(true);
    await withdraw.click();
    await question.getByRole('button', { name: 'Yes, withdraw it' }).click();
    await page.getByRole('list', { name: 'Return history' }).getByText('Cancelled').waitFor();
    await page.getByRole('status').filter({ hasText: 'Your return request was withdrawn.' }).waitFor();
    expect(await page.getByRole('button', { name: 'Withdraw this return' }).count()).toBe(0);
    expect(current().errors).toEqual([]);
  });
});
