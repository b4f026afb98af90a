// Refunds paid in store credit through the real handlers: an admin's refund
// with gateway store_credit, a return refunded in store credit with the
// settings' bonus. Store credit is a setting (global), so this file runs on a
// table of its own (test/support/own-table.ts).
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Refund } from '#shared/domain/refund';
import type { ReturnRequest } from '#shared/domain/return-request';
import type { Settings } from '#shared/domain/settings';
import { admin, call, createOrder, customer } from '../support/api.ts';
import { useOwnTable } from '../support/own-table.ts';
import { approve, createReturn, deliveredOrderFor, postReturn, returnOf, setStatus } from '../support/returns-api.ts';
import { accountOf, rows } from '../support/store-credit.ts';

vi.hoisted(() => {
  process.env.TABLE_NAME = `own-${crypto.randomUUID()}`;
});

const setStoreCredit = async (enabled: boolean) => {
  const { version: _v, updatedAt: _u, ...settings } = (await call<Settings>(admin, 'GET', '/admin/settings')).body;
  const reply = await call(admin, 'PUT', '/admin/settings', {
    ...settings,
    storeCredit: { enabled, expiresInDays: 90, reminderDays: 7, bonus: { percent: 10, flat: 0, max: 500 } },
  });
  expect(reply.status).toBe(200);
};

beforeAll(async () => {
  await useOwnTable();
});

describe('refunds in store credit', () => {
  it("credits an admin's store_credit refund at once, keyed by its transaction, in the refund's own write", async () => {
    const ada = customer();
    const order = await createOrder(ada);
    const refund = await call<Refund>(admin, 'POST', `/admin/orders/${order.id}/refunds`, { amount: 700, gateway: 'store_credit', note: 'sorry' });
    expect(refund.status).toBe(201);
    expect(refund.body.transactions).toEqual([expect.objectContaining({ gateway: 'store_credit', status: 'success', amount: 700 })]);
    expect(refund.body.owed).toBe(0);
    const account = await accountOf(ada.sub);
    expect(account.balance).toBe(700);
    expect(account.lots).toEqual([expect.objectContaining({ origin: { type: 'refund', id: refund.body.transactions[0]?.id }, remaining: 700 })]);
    expect(account.lots[0]?.expiresAt).toEqual(expect.any(String));
  });

  it('refuses store credit as a return refund method until the shop enables it; then refunds it with the bonus lot', async () => {
    await setStoreCredit(false);
    const bob = customer();
    const order = await deliveredOrderFor(bob);
    const refused = await postReturn(bob, returnOf(order, { refundMethod: 'store_credit' }));
    expect([refused.status, (refused.body as { rule?: string }).rule]).toEqual([422, 'refund_method_disabled']);

    await setStoreCredit(true);
    const policy = await call<{ returns: { refundMethods: string[] }; storeCredit: { bonus: unknown } }>({ role: 'public' }, 'GET', '/return-policy');
    expect(policy.body.returns.refundMethods).toContain('store_credit');
    expect(policy.body.storeCredit.bonus).toEqual({ percent: 10, flat: 0, max: 500 });
    const request = await createReturn(bob, returnOf(order, { refundMethod: 'store_credit' }));
    await approve(request);
    const refunded = await setStatus(request.id, { status: 'refunded' });
    expect(refunded.status).toBe(200);
    const amount = (refunded.body as ReturnRequest).refundAmount ?? 0;
    expect(amount).toBeGreaterThan(0);
    const bonus = Math.min(500, Math.floor(amount / 10));
    const account = await accountOf(bob.sub);
    expect(account.balance).toBe(amount + bonus);
    expect(account.lots.map((l) => [l.origin.type, l.remaining])).toEqual(
      expect.arrayContaining([
        ['refund', amount],
        ['bonus', bonus],
      ]),
    );
    expect(await rows(bob.sub)).toEqual([expect.objectContaining({ kind: 'credit', amount: amount + bonus, bonus })]);
  });
});
