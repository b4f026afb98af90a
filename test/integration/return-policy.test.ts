// The public return policy and an admin's single reason: real HTTP against the
// local API. The policy is read, never changed here (settings are one global
// item shared with the other test files); its mapping from any settings is
// covered in test/unit/return-policy.test.ts.
import { describe, expect, it } from 'vitest';
import type { Reason } from '#shared/domain/reason';
import type { ReturnPolicy } from '#shared/domain/return-policy';
import type { Settings } from '#shared/domain/settings';
import { admin, apiUrl, call, customer } from '../support/api.ts';

describe('GET /return-policy', () => {
  it('answers anyone, without a token, the public part of the settings, cacheable', async () => {
    const response = await fetch(`${apiUrl()}/return-policy`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    const policy = (await response.json()) as ReturnPolicy;
    const settings = (await call<Settings>(admin, 'GET', '/admin/settings')).body;
    const methods = { card: 'card', bank_transfer: 'bankTransfer', voucher: 'voucher', store_credit: 'storeCredit' } as const;
    expect(policy).toEqual({
      returns: {
        maxDays: settings.returns.maxDays,
        termsUrl: settings.returns.termsUrl,
        refundMethods: Object.entries(methods)
          .filter(([method, setting]) => settings.returns.refundMethods[setting] !== false && (method !== 'store_credit' || settings.storeCredit.enabled))
          .map(([method]) => method),
        excludedCategories: settings.returns.excludedCategories,
      },
      attachments: settings.refunds.attachments,
      cancellation: settings.cancellation,
      // No Accept-Language: the shop's default.
      locale: settings.locales.default,
      locales: settings.locales,
      storeCredit: { enabled: settings.storeCredit.enabled, expiresInDays: settings.storeCredit.expiresInDays, bonus: settings.storeCredit.bonus },
    });
  });

  it('holds no secret and no staff address, whoever asks', async () => {
    const keysOf = (value: unknown): string[] =>
      value && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]) : [];
    for (const caller of [customer(), admin]) {
      const reply = await call(caller, 'GET', '/return-policy');
      expect(reply.status).toBe(200);
      const settings = (await call<Settings>(admin, 'GET', '/admin/settings')).body;
      for (const secret of ['notifications', 'adminEmails', 'fromAddress', 'shop', 'version', 'updatedAt']) expect(keysOf(reply.body)).not.toContain(secret);
      for (const address of [...settings.notifications.adminEmails, settings.notifications.fromAddress])
        expect(JSON.stringify(reply.body)).not.toContain(address);
    }
  });
});

describe('GET /admin/reasons/{id}', () => {
  it('answers a built-in reason, an edited one as stored, and 404 for an unknown id', async () => {
    const builtIn = await call<Reason>(admin, 'GET', '/admin/reasons/rsn_retdamaged');
    expect(builtIn.status).toBe(200);
    expect(builtIn.body).toMatchObject({ id: 'rsn_retdamaged', kind: 'return' });

    const code = `read-${Date.now()}`;
    const created = await call<Reason>(admin, 'POST', '/admin/reasons', { kind: 'cancellation', code, label: 'Read me', active: false });
    expect(created.status).toBe(201);
    const read = await call<Reason>(admin, 'GET', `/admin/reasons/${created.body.id}`);
    expect(read.body).toEqual(created.body);
    expect((await call(admin, 'GET', `/admin/reasons/${created.body.id}?fields=code,active`)).body).toEqual({ code, active: false });

    expect((await call(admin, 'GET', '/admin/reasons/rsn_01JAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
  });
});
