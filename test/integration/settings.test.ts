// Shop settings end to end. Settings are one global item shared with every
// test file running in parallel, so these tests only make harmless changes (a
// random excluded category nobody's orders carry) and take them back after.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { Settings, SettingsBody } from '#shared/domain/settings';
import { admin, call, customer, storefront } from '../support/api.ts';

type Problem = { errors: { path: string; message: string }[] };

const bodyOf = ({ version: _version, updatedAt: _updatedAt, ...body }: Settings): SettingsBody => body;

const read = async (): Promise<Settings> => {
  const reply = await call<Settings>(admin, 'GET', '/admin/settings');
  expect(reply.status).toBe(200);
  expect(reply.headers.get('etag')).toBe(`"${reply.body.version}"`);
  return reply.body;
};

/** Read-modify-write with If-Match, retried when a parallel test wrote in between. */
const mutate = async (change: (body: SettingsBody) => SettingsBody): Promise<Settings> => {
  for (let attempt = 0; attempt < 10; attempt++) {
    const current = await read();
    const reply = await call<Settings>(admin, 'PUT', '/admin/settings', change(bodyOf(current)), { 'if-match': `"${current.version}"` });
    if (reply.status === 200) return reply.body;
    expect([409, 412]).toContain(reply.status);
  }
  throw new Error('settings kept changing under the test');
};

const mine: string[] = [];
const markCategory = () => {
  const category = `test-cat-${randomUUID()}`;
  mine.push(category);
  return category;
};

afterAll(async () => {
  await mutate((body) => ({ ...body, returns: { ...body.returns, excludedCategories: body.returns.excludedCategories.filter((c) => !mine.includes(c)) } }));
});

describe('settings', () => {
  it('answers the settings of API.md with a version and ETag', async () => {
    const settings = await read();
    expect(Object.keys(settings)).toEqual(expect.arrayContaining(['returns', 'refunds', 'cancellation', 'notifications', 'shop', 'version']));
    expect(settings.returns.refundMethods).toEqual({
      card: expect.any(Boolean),
      bankTransfer: expect.any(Boolean),
      voucher: expect.any(Boolean),
      storeCredit: expect.any(Boolean),
    });
    expect(settings.storeCredit).toEqual({
      enabled: expect.any(Boolean),
      expiresInDays: expect.any(Number),
      reminderDays: expect.any(Number),
      bonus: expect.any(Object),
    });
    expect(settings.refunds.attachments.maxBytes).toEqual(expect.any(Number));
    const picked = await call<Record<string, unknown>>(admin, 'GET', '/admin/settings?fields=returns,version');
    expect(Object.keys(picked.body).sort()).toEqual(['returns', 'version']);
  });

  it('is for admins only', async () => {
    expect((await call(customer(), 'GET', '/admin/settings')).status).toBe(403);
    expect((await call(storefront, 'PUT', '/admin/settings', {})).status).toBe(403);
    expect((await call({ role: 'public' }, 'GET', '/admin/settings')).status).toBe(401);
  });

  it('replaces the settings, moves the version on and keeps what it was given', async () => {
    const category = markCategory();
    const before = await read();
    const saved = await mutate((body) => ({ ...body, returns: { ...body.returns, excludedCategories: [...body.returns.excludedCategories, category] } }));
    expect(saved.version).toBeGreaterThan(before.version);
    expect(saved.returns.excludedCategories).toContain(category);
    expect(Date.parse(saved.updatedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
    const after = await read();
    expect(after.returns.excludedCategories).toContain(category);
    expect(after.version).toBeGreaterThanOrEqual(saved.version);
  });

  it('keeps the shop when a PUT leaves it out (API.md’s shape has no shop)', async () => {
    const category = markCategory();
    const saved = await mutate(
      ({ shop: _shop, ...body }) =>
        ({ ...body, returns: { ...body.returns, excludedCategories: [...body.returns.excludedCategories, category] } }) as SettingsBody,
    );
    expect(saved.returns.excludedCategories).toContain(category);
    expect(saved.shop).toEqual((await read()).shop);
    expect(saved.shop.name).toEqual(expect.any(String));
  });

  it('sets the exchange settings, and keeps them when a PUT leaves them out', async () => {
    const before = (await read()).exchanges;
    expect(before).toEqual({ enabled: expect.any(Boolean), samePriceForSameProduct: expect.any(Boolean) });
    const flipped = { enabled: before.enabled, samePriceForSameProduct: !before.samePriceForSameProduct };
    expect((await mutate((body) => ({ ...body, exchanges: flipped }))).exchanges).toEqual(flipped);
    expect((await mutate(({ exchanges: _exchanges, ...body }) => body)).exchanges).toEqual(flipped);
    expect((await mutate((body) => ({ ...body, exchanges: before }))).exchanges).toEqual(before);
  });

  it('refuses a stale If-Match with 412 and changes nothing', async () => {
    const current = await read();
    const category = markCategory();
    const reply = await call(
      admin,
      'PUT',
      '/admin/settings',
      { ...bodyOf(current), returns: { ...current.returns, excludedCategories: [category] } },
      { 'if-match': `"${current.version + 1000}"` },
    );
    expect(reply.status).toBe(412);
    expect((await read()).returns.excludedCategories).not.toContain(category);
  });

  it('lists every invalid field with a 400', async () => {
    const current = await read();
    const body = bodyOf(current);
    const reply = await call<Problem>(admin, 'PUT', '/admin/settings', {
      ...body,
      returns: { ...body.returns, maxDays: -1, termsUrl: 'not a url' },
      refunds: { ...body.refunds, restock: 'yes', attachments: { ...body.refunds.attachments, contentTypes: [] } },
      cancellation: { customerCancellableStatuses: ['teleported'] },
      notifications: { ...body.notifications, adminEmails: ['nope'] },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errors.map((e) => e.path).sort()).toEqual([
      'cancellation.customerCancellableStatuses.0',
      'notifications.adminEmails.0',
      'refunds.attachments.contentTypes',
      'refunds.restock',
      'returns.maxDays',
      'returns.termsUrl',
    ]);
    const missing = await call<Problem>(admin, 'PUT', '/admin/settings', { returns: body.returns });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e) => e.path).sort()).toEqual(['cancellation', 'notifications', 'refunds']);
  });

  it('takes only an https terms URL: javascript:, data: and http: are a 400 naming returns.termsUrl, and nothing is stored', async () => {
    const current = await read();
    const body = bodyOf(current);
    for (const termsUrl of [
      'javascript:alert(document.cookie)',
      'JavaScript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'http://shop.example/terms',
    ]) {
      const reply = await call<Problem>(admin, 'PUT', '/admin/settings', { ...body, returns: { ...body.returns, termsUrl } });
      expect(reply.status, termsUrl).toBe(400);
      expect(reply.body.errors, termsUrl).toEqual([{ path: 'returns.termsUrl', message: 'must be an https URL' }]);
    }
    expect((await read()).returns.termsUrl ?? 'https:').toMatch(/^https:/);
  });

  it('lets exactly one of two racing PUTs of the same version win', async () => {
    // A parallel test file may write between our read and our PUTs (then both
    // lose, rightly); retry until a round is ours. Never may both win.
    for (let round = 0; round < 5; round++) {
      const [a, b] = [markCategory(), markCategory()];
      const current = await read();
      const put = (category: string) =>
        call<Settings>(
          admin,
          'PUT',
          '/admin/settings',
          { ...bodyOf(current), returns: { ...current.returns, excludedCategories: [...current.returns.excludedCategories, category] } },
          { 'if-match': `"${current.version}"` },
        );
      const replies = await Promise.all([put(a), put(b)]);
      for (const reply of replies) expect([200, 409, 412]).toContain(reply.status);
      const won = replies.filter((r) => r.status === 200);
      expect(won.length).toBeLessThanOrEqual(1);
      const after = await read();
      expect(after.returns.excludedCategories.filter((c) => c === a || c === b)).toHaveLength(won.length);
      if (won[0]) {
        expect(won[0].body.version).toBe(current.version + 1);
        return;
      }
    }
    throw new Error('no round had a winner');
  });
});
