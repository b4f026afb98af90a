// The order screen's payment reference and "Retry refund": a failed transfer leaves its amount owed;
// a new attempt by bank transfer with no destination is refused beside the
// IBAN field and the account, a too long branch beside its field, then a
// voucher pays it (owed 0); another goes to an account with its branch.
import { describe, expect, it } from 'vitest';
import type { Refund } from '#shared/domain/refund';
import { admin, call, createOrder, customer } from '../support/api.ts';
import { appUrl, BROWSER_TEST_TIMEOUT, expectAccessible, signedInApp } from './support/browser.ts';

const current = signedInApp({ role: 'admin' });

/** A bank-transfer order with a manual refund of 7.77 whose transfer failed. */
const failedTransfer = async () => {
  const order = await createOrder(customer(), { paymentMethod: 'bank_transfer', paymentReference: 'BT-2026-0042' });
  const created = await call<Refund>(admin, 'POST', `/admin/orders/${order.id}/refunds`, { amount: 777, note: 'goodwill' });
  expect(created.status).toBe(201);
  const txn = created.body.transactions[0];
  const failed = await call(admin, 'POST', `/admin/refunds/${created.body.id}/transactions/${txn?.id}`, { status: 'failure', message: 'bounced' });
  expect(failed.status).toBe(200);
  return { order, refund: created.body };
};

describe('retrying a refund', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('shows what is owed, refuses a transfer with nowhere to go, pays the rest by voucher', async () => {
    const { page, errors } = current();
    const { order, refund: created } = await failedTransfer();

    await page.goto(appUrl(`/admin/orders/${order.id}`));
    const form = page.getByRole('form', { name: /^Retry the .*7\.77 still owed$/ });
    await form.waitFor();
    await page.getByRole('region', { name: 'Payment' }).getByText('BT-2026-0042', { exact: true }).waitFor();
    await page.getByText(/^Still owed: .*7\.77$/).waitFor();
    await form.getByLabel('Pay by').selectOption('bank_transfer');
    await form.getByRole('button', { name: 'Retry refund' }).click();
    await form
      .getByRole('alert')
      .getByRole('link', { name: /^IBAN: / })
      .waitFor();
    expect(await form.getByLabel('IBAN').getAttribute('aria-invalid')).toBe('true');
    const destination = form.getByRole('group', { name: 'Where the transfer goes (an IBAN, or an account)' });
    expect(await destination.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(`[id="${await destination.getAttribute('aria-describedby')}"]`).textContent()).toContain('a bank transfer needs');
    await expectAccessible(page, 'order detail with a refund to retry');

    await form.getByLabel('Account holder').fill('Ada Lovelace');
    await form.getByLabel('Account number').fill('12345678');
    await form.getByLabel('Bank', { exact: true }).fill('Bank of Example');
    await form.getByLabel('Branch (optional)').fill('B'.repeat(201));
    await form.getByRole('button', { name: 'Retry refund' }).click();
    await form
      .getByRole('alert')
      .getByRole('link', { name: /^Branch: / })
      .waitFor();
    expect(await form.getByLabel('Branch (optional)').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Account number').getAttribute('aria-invalid')).toBe(null);
    await expectAccessible(page, 'order detail with a refused branch');

    await form.getByLabel('Pay by').selectOption('voucher');
    await form.getByRole('button', { name: 'Retry refund' }).click();
    await page.getByText(/^Still owed: .*0\.00$/).waitFor();
    expect(await page.getByRole('form', { name: /still owed$/ }).count()).toBe(0);
    const refund = await call<Refund>(admin, 'GET', `/admin/orders/${order.id}/refunds/${created.id}`);
    expect(refund.body.owed).toBe(0);
    expect(refund.body.transactions.map((t) => [t.gateway, t.status])).toEqual([
      ['bank_transfer', 'failure'],
      ['voucher', 'success'],
    ]);
    expect(errors).toEqual([]);
  });

  it('sends a transfer to an account with its branch, and without one when left empty', async () => {
    const { page, errors } = current();
    for (const branch of ['Market Street', '']) {
      const { order, refund } = await failedTransfer();
      await page.goto(appUrl(`/admin/orders/${order.id}`));
      const form = page.getByRole('form', { name: /^Retry the .*7\.77 still owed$/ });
      await form.getByLabel('Pay by').selectOption('bank_transfer');
      await form.getByLabel('Account holder').fill('Ada Lovelace');
      await form.getByLabel('Account number').fill('12345678');
      await form.getByLabel('Bank', { exact: true }).fill('Bank of Example');
      await form.getByLabel('Branch (optional)').fill(branch);
      await form.getByRole('button', { name: 'Retry refund' }).click();
      await form.waitFor({ state: 'detached' });
      const stored = await call<Refund>(admin, 'GET', `/admin/orders/${order.id}/refunds/${refund.id}`);
      expect(stored.body.transactions.map((t) => [t.gateway, t.status, t.refundAccount?.bankBranch])).toEqual([
        ['bank_transfer', 'failure', undefined],
        ['bank_transfer', 'pending', branch || null],
      ]);
    }
    expect(errors).toEqual([]);
  });
});
