// The back office's webhook screens in a real Chromium: an endpoint created
// by clicking, its secret shown once (and verifying what is delivered), a
// ping listed among the deliveries and followed until it settles, a bad URL
// refused beside its field, the server's refusals in plain words, axe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver } from '../support/webhook-receiver.ts';
import { appUrl, BROWSER_TEST_TIMEOUT, expectAccessible, screenshots, signedInApp } from './support/browser.ts';

const current = signedInApp({ role: 'admin' });
let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver?.close();
});

describe('webhook screens', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('creates an endpoint, shows its secret once, pings it and lists the delivery', async () => {
    const { page, errors } = current();
    await page.goto(appUrl('/admin/webhooks'));
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
    const form = page.getByRole('form', { name: 'New endpoint' });
    await form.getByLabel('URL').fill(receiver.url);
    await form.getByLabel('Description (optional)').fill('Browser test receiver');
    await form.getByRole('checkbox', { name: 'order.created' }).check();
    await expectAccessible(page, 'webhooks list');
    await form.getByRole('button', { name: 'Add endpoint' }).click();

    const notice = page.getByRole('status', { name: 'Signing secret' });
    await notice.getByText('copy it now').waitFor();
    const secret = (await notice.locator('code').textContent()) ?? '';
    expect(secret).toMatch(/^whsec_/);
    const link = page.getByRole('link', { name: receiver.url });
    await link.waitFor();
    await screenshots(page, 'admin-webhooks');

    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Webhook endpoint' }).waitFor();
    // The secret is not shown again.
    expect(await page.getByText(secret).count()).toBe(0);
    await page.getByRole('button', { name: 'Ping' }).click();
    const deliveries = page.getByRole('region', { name: 'Deliveries' });
    await deliveries.getByRole('cell', { name: /^webhook\.ping / }).waitFor();
    // The ping reached the receiver, signed with the secret the screen showed.
    await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(receiver.verified(secret).map((e) => e.type)).toContain('webhook.ping');
    // The list follows the ping's delivery until it settles: "Succeeded" without a reload.
    await page.getByRole('status').filter({ hasText: 'Ping sent.' }).waitFor();
    await deliveries.getByRole('cell', { name: 'Succeeded', exact: true }).waitFor({ timeout: 20_000 });
    await expectAccessible(page, 'webhook detail');
    await screenshots(page, 'admin-webhook');
    expect(errors).toEqual([]);
  });

  it('shows a bad URL beside its field', async () => {
    const { page } = current();
    await page.goto(appUrl('/admin/webhooks'));
    const form = page.getByRole('form', { name: 'New endpoint' });
    await form.getByLabel('URL').fill('not a url');
    await form.getByRole('checkbox', { name: 'order.paid' }).check();
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    await form
      .getByRole('alert')
      .getByRole('link', { name: /^URL: / })
      .waitFor();
    expect(await form.getByLabel('URL').getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('#field-url-error').textContent()).not.toBe('');
  });

  it('says what the server refused in plain words beside the field, not the validator’s', async () => {
    const { page } = current();
    await page.goto(appUrl('/admin/webhooks'));
    const form = page.getByRole('form', { name: 'New endpoint' });
    await form.getByLabel('URL').fill(receiver.url);
    // No event type chosen: the server answers "Too small: expected array to have >=1 items" for `events`.
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    await form.getByRole('alert').getByRole('link', { name: 'Event types: choose at least one' }).waitFor();
    expect(await form.getByText(/Too small|expected array/).count()).toBe(0);
  });
});
