import { describe, expect, it } from 'vitest';
import { returnPolicyOf } from '#shared/domain/return-policy';
import { settingsWith } from '../support/returns.ts';

describe('returnPolicyOf', () => {
  it('says what a customer needs before a return, from the defaults', () => {
    expect(returnPolicyOf(settingsWith(), 'de')).toEqual({
      returns: { maxDays: 30, termsUrl: null, refundMethods: ['card', 'bank_transfer', 'voucher'], excludedCategories: [] },
      attachments: { enabled: true, maxBytes: 10 * 1024 * 1024, contentTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf'] },
      cancellation: { customerCancellableStatuses: ['pending', 'confirmed', 'picked_up'] },
      locale: 'de',
      locales: { default: 'en', enabled: ['en', 'de', 'fr', 'es', 'pt-BR'] },
      storeCredit: { enabled: false, expiresInDays: 365, bonus: { percent: 0, flat: 0, max: null } },
    });
  });

  it('offers store credit once the shop enables it (unless the method is off), with the bonus a portal shows before submitting', () => {
    const bonus = { percent: 10, flat: 100, max: 2000 };
    const on = { ...settingsWith(), storeCredit: { enabled: true, expiresInDays: 90, reminderDays: 7, bonus } };
    expect(returnPolicyOf(on, 'en').returns.refundMethods).toEqual(['card', 'bank_transfer', 'voucher', 'store_credit']);
    expect(returnPolicyOf(on, 'en').storeCredit).toEqual({ enabled: true, expiresInDays: 90, bonus });
    const off = { ...on, returns: { ...on.returns, refundMethods: { ...on.returns.refundMethods, storeCredit: false } } };
    expect(returnPolicyOf(off, 'en').returns.refundMethods).not.toContain('store_credit');
  });

  it('lists only the enabled refund methods, in the API spelling, and carries the terms, exclusions and window', () => {
    const policy = returnPolicyOf(
      settingsWith({
        returns: {
          maxDays: 14,
          termsUrl: 'https://shop.example/terms',
          excludedCategories: ['food'],
          refundMethods: { card: false, bankTransfer: true, voucher: false },
        },
        refunds: { attachments: { enabled: false, maxBytes: 1000, contentTypes: ['image/png'] } },
      }),
      'en',
    );
    expect(policy.returns).toEqual({ maxDays: 14, termsUrl: 'https://shop.example/terms', refundMethods: ['bank_transfer'], excludedCategories: ['food'] });
    expect(policy.attachments).toEqual({ enabled: false, maxBytes: 1000, contentTypes: ['image/png'] });
  });

  it('never carries the notification addresses or the shop', () => {
    const settings = settingsWith();
    const policy = returnPolicyOf({ ...settings, notifications: { adminEmails: ['boss@shop.example'], fromAddress: 'shop@example.com' } }, 'en');
    expect(JSON.stringify(policy)).not.toMatch(/boss@|shop@|adminEmails|fromAddress|shop/);
  });
});
