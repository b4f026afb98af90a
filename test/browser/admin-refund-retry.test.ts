// The order screen's payment reference and "Retry refund": a failed transfer leaves its amount owed;
// a new attempt by bank transfer with no destination is refused beside the
// IBAN field, then a voucher pays it (owed 0).
import { describe, expect, it } from 'vitest';
import type { Refund } from '#shared/domain/refund';
import { admin, call, createOrder, customer } from '../support/api.ts';
import { appUrl, BROWSER_TEST_TIMEOUT, expectAccessible, signedInApp } from './support/browser.ts';

const current = signedInApp({ role: 'admin' });

describe('retrying a refund', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('shows what is owed, refuses a transfer with nowhere to go, pays the rest by voucher', async () => {
    const { page, errors } = current();
    const order = await createOrder(customer(), { paymentMethod: 'bank_transfer', paymentReference: 'BT-2026-0042' });
    const created = await call<Refund>(admin, 'POST', `/admin/orders/${order.id}/refunds`, { amount: 777, note: 'goodwill' });
    expect(created.status).toBe(201);
    const txn = created.body.transactions[0];
    const failed = await call(admin, 'POST', `/admin/refunds/${created.body.id}/transactions/${txn?.id}`, { status: 'failure', message: 'bounced' });
    expect(failed.status).toBe(200);

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
    await expectAccessible(page, 'order detail with a refund to retry');

    await form.getByLabel('Pay by').selectOption('voucher');
    await form.getByRole('button', { name: 'Retry refund' }).click();
    await page.getByText(/^Still owed: .*0\.00$/).waitFor();
    expect(await page.getByRole('form', { name: /still owed$/ }).count()).toBe(0);
    const refund = await call<Refund>(admin, 'GET', `/admin/orders/${order.id}/refunds/${created.body.id}`);
    expect(refund.body.owed).toBe(0);
    expect(refund.body.transactions.map((t) => [t.gateway, t.status])).toEqual([
      ['bank_transfer', 'failure'],
      ['voucher', 'success'],
    ]);
    expect(errors).toEqual([]);
  });
});
