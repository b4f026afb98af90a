// The server's message for a group of checkboxes or radios shows beside the
// group, not only in the summary: the group and its boxes are invalid and
// described by it. The form itself can send nothing the API refuses there, so
// the test alters the body in flight (a client out of step with the API) and
// the real API answers.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { OrderNote } from '#shared/domain/note';
import { admin, call, createOrder, customer } from '../support/api.ts';
import { appUrl, BROWSER_TEST_TIMEOUT, expectAccessible, signedInApp } from './support/browser.ts';

const current = signedInApp({ role: 'admin' });

/** The next `method` request to a path matching `path` goes to the API with its JSON body passed through `edit`. */
const alterNextBody = (page: Page, method: string, path: RegExp, edit: (body: Record<string, unknown>) => Record<string, unknown>) =>
  page.route(
    (url) => path.test(url.pathname),
    (route) => {
      const request = route.request();
      return request.method() === method ? route.continue({ postData: JSON.stringify(edit(request.postDataJSON())) }) : route.continue();
    },
    { times: 1 },
  );

/** The text of what a control's aria-describedby names. */
const description = async (page: Page, control: Locator): Promise<string> => {
  const ids = (await control.getAttribute('aria-describedby')) ?? '';
  const texts = await Promise.all(
    ids
      .split(' ')
      .filter(Boolean)
      .map((id) => page.locator(`[id="${id}"]`).textContent()),
  );
  return texts.join(' ');
};

describe('messages for choice groups', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('shows a refused refund method and cancellable status beside their groups on the settings', async () => {
    const { page, errors } = current();
    await page.goto(appUrl('/admin/settings'));
    const methods = page.getByRole('group', { name: 'Refund methods customers may choose' });
    const statuses = page.getByRole('group', { name: 'Customers may cancel orders that are' });
    await methods.waitFor();
    await alterNextBody(page, 'PUT', /\/admin\/settings$/, (body) => {
      const returns = body.returns as Record<string, Record<string, unknown>>;
      return {
        ...body,
        returns: { ...returns, refundMethods: { ...returns.refundMethods, card: 'yes' } },
        cancellation: { customerCancellableStatuses: ['teleported'] },
      };
    });
    await page.getByRole('button', { name: 'Save settings' }).click();

    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByRole('link', { name: /^Card: / }).waitFor();
    await summary.getByRole('link', { name: /^Customers may cancel orders that are: entry 1 / }).waitFor();
    const card = methods.getByRole('checkbox', { name: 'Card' });
    expect(await card.getAttribute('aria-invalid')).toBe('true');
    expect(await description(page, card)).toMatch(/^Error: Card: /);
    expect(await description(page, methods)).toMatch(/^Error: Card: /);
    const pending = statuses.getByRole('checkbox', { name: 'Pending' });
    expect(await pending.getAttribute('aria-invalid')).toBe('true');
    expect(await description(page, statuses)).toMatch(/^Error: entry 1 /);
    // The summary's link lands on the box it names.
    await summary.getByRole('link', { name: /^Card: / }).click();
    await expect.poll(() => page.evaluate('document.activeElement?.id')).toBe('field-returns-refundMethods-card');
    await expectAccessible(page, 'settings with errors on its choice groups');

    // Saved back unchanged: other test files read this shared stack's settings.
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').getByText('Settings saved.').waitFor();
    expect(await methods.getByRole('checkbox', { name: 'Card' }).getAttribute('aria-invalid')).toBe(null);
    expect(errors).toEqual([]);
  });

  it('shows a refused note visibility beside its radios', async () => {
    const { page, errors } = current();
    const order = await createOrder(customer());
    await page.goto(appUrl(`/admin/orders/${order.id}`));
    const form = page.getByRole('form', { name: 'Add a note' });
    await form.getByLabel('Note', { exact: true }).fill('Parcel left with the neighbour');
    await alterNextBody(page, 'POST', /\/admin\/orders\/[^/]+\/notes$/, (body) => ({ ...body, visibility: 'everyone' }));
    await form.getByRole('button', { name: 'Add note' }).click();

    await form
      .getByRole('alert')
      .getByRole('link', { name: /^Who can see it: / })
      .waitFor();
    const group = form.getByRole('group', { name: 'Who can see it' });
    expect(await description(page, group)).toMatch(/^Error: /);
    for (const name of ['Private (staff only)', 'For the customer (emailed)']) {
      const radio = group.getByRole('radio', { name });
      expect(await radio.getAttribute('aria-invalid')).toBe('true');
      expect(await description(page, radio)).toBe(await description(page, group));
    }
    await expectAccessible(page, 'order detail with a refused note visibility');

    await form.getByRole('button', { name: 'Add note' }).click();
    await page.getByText('Parcel left with the neighbour').waitFor();
    expect(await group.getByRole('radio', { name: 'Private (staff only)' }).getAttribute('aria-invalid')).toBe(null);
    const notes = await call<{ items: OrderNote[] }>(admin, 'GET', `/admin/orders/${order.id}/notes`);
    expect(notes.body.items.map((n) => [n.body, n.visibility])).toEqual([['Parcel left with the neighbour', 'private']]);
    expect(errors).toEqual([]);
  });
});
