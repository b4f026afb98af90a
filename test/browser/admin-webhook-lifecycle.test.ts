// An endpoint's life in the back office, clicked in a real Chromium: edit its
// settings, rotate its secret (the new one verifies what is delivered next,
// and the old one too for its 24 h overlap), ping it and watch the delivery
// settle without reloading, retry a delivery that failed, delete it (asking
// first, in the page).
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, call } from '../support/api.ts';
import { type Receiver, registerEndpoint, startReceiver } from '../support/webhook-receiver.ts';
import { appUrl, BROWSER_TEST_TIMEOUT, expectAccessible, hasFocus, signedInApp } from './support/browser.ts';

const current = signedInApp({ role: 'admin' });
let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver?.close();
});

type Endpoint = { description: string; events: string[]; enabled: boolean; version: number };

describe('a webhook endpoint in the back office', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('is edited, rotated, retried after a failed delivery and deleted', async () => {
    const endpoint = await registerEndpoint(receiver.url, ['order.created'], { description: 'ERP' });
    const { page, errors } = current();
    await page.goto(appUrl(`/admin/webhooks/${endpoint.id}`));
    await page.getByRole('heading', { level: 1, name: 'Webhook endpoint' }).waitFor();

    // Edit: a new description and one more event type, saved with If-Match.
    const form = page.getByRole('form', { name: 'Edit endpoint' });
    await form.getByLabel('Description (optional)').fill('ERP (returns)');
    await form.getByRole('checkbox', { name: 'return.created' }).check();
    await form.getByRole('button', { name: 'Save endpoint' }).click();
    await expect.poll(async () => (await call<Endpoint>(admin, 'GET', `/admin/webhooks/${endpoint.id}`)).body.version, { timeout: 15_000 }).toBe(2);
    const saved = (await call<Endpoint>(admin, 'GET', `/admin/webhooks/${endpoint.id}`)).body;
    expect(saved).toMatchObject({ description: 'ERP (returns)', enabled: true });
    expect([...saved.events].sort()).toEqual(['order.created', 'return.created']);
    // The form shows what was saved after its reload.
    expect(await page.getByRole('form', { name: 'Edit endpoint' }).getByLabel('Description (optional)').inputValue()).toBe('ERP (returns)');

    // Rotate: a new secret, shown once, that signs the next delivery (beside the old one, for a day).
    await page.getByRole('button', { name: 'Rotate secret' }).click();
    const notice = page.getByRole('status', { name: 'Signing secret' });
    await notice.getByText('copy it now').waitFor();
    const rotated = (await notice.locator('code').textContent()) ?? '';
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(endpoint.secret);

    // The receiver is down: the ping's delivery ends failed (the test schedule retries 3 times in 6 s).
    receiver.answer = () => ({ status: 503 });
    await page.getByRole('button', { name: 'Ping' }).click();
    const deliveries = page.getByRole('region', { name: 'Deliveries' });
    await deliveries.getByRole('cell', { name: /^webhook\.ping / }).waitFor();
    // The page follows the ping's delivery while it is pending (retried, then failed): no reload needed.
    const retry = deliveries.getByRole('button', { name: 'Retry' });
    await retry.waitFor({ timeout: 30_000 });
    await expectAccessible(page, 'webhook detail with a failed delivery');

    // Back up: the retry delivers. Every ping came signed with the rotated secret, and with the old one beside it (24 h overlap).
    receiver.answer = () => undefined;
    await retry.click();
    // Other suites' events may reach this receiver too: only the pings count.
    const pings = () => receiver.received.filter((r) => (JSON.parse(r.body) as { type?: string }).type === 'webhook.ping');
    await expect.poll(() => pings().length, { timeout: 15_000 }).toBe(5);
    // The page follows the retried delivery until it settles: no reload needed.
    await deliveries.getByRole('cell', { name: 'Succeeded', exact: true }).waitFor({ timeout: 20_000 });
    for (const ping of pings()) {
      const headers = ping.headers as Record<string, string>;
      expect(() => new Webhook(rotated).verify(ping.body, headers)).not.toThrow();
      expect(() => new Webhook(endpoint.secret).verify(ping.body, headers)).not.toThrow();
      expect(headers['webhook-signature']?.split(' ')).toHaveLength(2);
    }

    // Delete asks in the page first (no browser dialog); "No" keeps it and gives focus back.
    page.on('dialog', (dialog) => errors.push(`unexpected browser dialog: ${dialog.message()}`));
    const remove = page.getByRole('button', { name: 'Delete endpoint' });
    await remove.click();
    const question = page.getByRole('group', { name: `Are you sure you want to delete the endpoint ${receiver.url}? It cannot be undone.` });
    await expect.poll(() => hasFocus(question)).toBe(true);
    await question.getByRole('button', { name: 'No, keep it' }).click();
    await expect.poll(() => hasFocus(remove)).toBe(true);
    expect((await call(admin, 'GET', `/admin/webhooks/${endpoint.id}`)).status).toBe(200);
    await remove.click();
    await question.getByRole('button', { name: 'Yes, delete it' }).click();
    // Back on the list, which says what happened; the endpoint is gone.
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Endpoint deleted. It gets no more events.' }).waitFor();
    expect((await call(admin, 'GET', `/admin/webhooks/${endpoint.id}`)).status).toBe(404);
    expect(await page.getByRole('link', { name: receiver.url }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
