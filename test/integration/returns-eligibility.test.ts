// Eligibility of POST /returns over real HTTP: each rule refuses with a 422
// naming the rule and the field, and nothing is written when it does.
// Rules that need a global setting switched (terms URL, a refund method or
// attachments off) would change what parallel test files see: they are
// covered by test/unit/return-eligibility.test.ts; the excluded-category rule
// uses a random category nobody else's orders carry.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '#shared/domain/order';
import type { Reason } from '#shared/domain/reason';
import type { Settings, SettingsBody } from '#shared/domain/settings';
import { admin, call, createOrder, customer } from '../support/api.ts';
import { deliveredOrderFor, postReturn, returnOf } from '../support/returns-api.ts';

beforeAll(() => {
  if (!process.env.API_URL) throw new Error('API_URL is not set: run through vitest with the global setup');
});

const VALID_IBAN = 'DE89 3704 0044 0532 0130 00';

/** POST /returns expecting a refusal: its status, rule and field paths, and that no return was created. */
const refused = async (owner: ReturnType<typeof customer>, body: unknown) => {
  const reply = await postReturn(owner, body);
  return { status: reply.status, rule: reply.body.rule, paths: (reply.body.errors ?? []).map((e) => e.path) };
};

const createReason = async (body: { maxDays?: number; active?: boolean }): Promise<Reason> => {
  const reply = await call<Reason>(admin, 'POST', '/admin/reasons', { kind: 'return', label: `Test reason ${randomUUID()}`, ...body });
  if (reply.status !== 201) throw new Error(`reason creation failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
};

/** Settings are global: add a random excluded category (harmless to everyone else) with If-Match, retried on a parallel write. */
const excluded: string[] = [];
const bodyOf = ({ version: _v, updatedAt: _u, ...body }: Settings): SettingsBody => body;
const changeExcluded = async (change: (categories: string[]) => string[]) => {
  for (let attempt = 0; attempt < 10; attempt++) {
    const current = (await call<Settings>(admin, 'GET', '/admin/settings')).body;
    const body = bodyOf(current);
    const next = { ...body, returns: { ...body.returns, excludedCategories: change(body.returns.excludedCategories) } };
    const reply = await call(admin, 'PUT', '/admin/settings', next, { 'if-match': `"${current.version}"` });
    if (reply.status === 200) return;
  }
  throw new Error('settings kept changing under the test');
};

afterAll(async () => {
  if (excluded.length > 0) await changeExcluded((categories) => categories.filter((c) => !excluded.includes(c)));
});

describe('return eligibility through the API', () => {
  it('needs a delivered order, and lines of it', async () => {
    const owner = customer();
    const pending = await createOrder(owner);
    expect(await refused(owner, returnOf(pending))).toEqual({ status: 422, rule: 'order_not_delivered', paths: ['orderId'] });
    const order = await deliveredOrderFor(owner);
    expect(await refused(owner, returnOf(order, { items: [{ lineItemId: 'li_UNKNOWN', quantity: 1, reasonId: 'rsn_retdamaged' }] }))).toEqual({
      status: 422,
      rule: 'line_item_unknown',
      paths: ['items.0.lineItemId'],
    });
  });

  it('validates the body shape first (400, every field)', async () => {
    const owner = customer();
    const order = await deliveredOrderFor(owner);
    const line = order.lineItems[0]!.id;
    const reply = await postReturn(owner, {
      orderId: order.id,
      items: [
        { lineItemId: line, quantity: 1.5, reasonId: 'rsn_retdamaged' },
        { lineItemId: order.lineItems[1]!.id, quantity: 1, reasonId: 'nope' },
      ],
      refundMethod: 'cash',
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errors.map((e) => e.path).sort()).toEqual(['items.0.quantity', 'items.1.reasonId', 'refundMethod']);
    const twice = { lineItemId: line, quantity: 1, reasonId: 'rsn_retdamaged' };
    const duplicate = await postReturn(owner, returnOf(order, { items: [twice, twice] }));
    expect([duplicate.status, duplicate.body.errors.map((e) => e.path)]).toEqual([400, ['items.1.lineItemId']]);
  });

  it('needs a known, active return reason, within its own window', async () => {
    const owner = customer();
    const order = await deliveredOrderFor(owner);
    const withReason = (reasonId: string) => returnOf(order, { items: [{ lineItemId: order.lineItems[0]!.id, quantity: 1, reasonId }] });
    expect(await refused(owner, withReason('rsn_doesnotexist'))).toEqual({ status: 422, rule: 'reason_unknown', paths: ['items.0.reasonId'] });
    expect(await refused(owner, withReason('rsn_cxlmistake'))).toEqual({ status: 422, rule: 'reason_unknown', paths: ['items.0.reasonId'] });
    const inactive = await createReason({ active: false });
    expect(await refused(owner, withReason(inactive.id))).toEqual({ status: 422, rule: 'reason_inactive', paths: ['items.0.reasonId'] });
    // A reason's own window overrides the shop's 30 days: 0 days closes at delivery.
    const sameDay = await createReason({ maxDays: 0 });
    expect(await refused(owner, withReason(sameDay.id))).toEqual({ status: 422, rule: 'return_window_expired', paths: ['items.0.reasonId'] });
    const generous = await createReason({ maxDays: 365 });
    expect((await postReturn(owner, withReason(generous.id))).status).toBe(201);
  });

  it('refuses lines in an excluded category', async () => {
    const owner = customer();
    const category = `test-cat-${randomUUID()}`;
    excluded.push(category);
    const order = await deliveredOrderFor(owner, {
      lineItems: [
        { sku: 'OK-1', title: 'Fine', quantity: 1, unitPrice: 1000 },
        { sku: 'NO-1', title: 'Final sale', quantity: 1, unitPrice: 1000, categoryIds: [category] },
      ],
    });
    await changeExcluded((categories) => [...categories, category]);
    const items = order.lineItems.map((l) => ({ lineItemId: l.id, quantity: 1, reasonId: 'rsn_retdamaged' }));
    expect(await refused(owner, returnOf(order, { items }))).toEqual({ status: 422, rule: 'category_excluded', paths: ['items.1.lineItemId'] });
    const lines = (
      await call<{ items: { excluded: boolean; excludedReason: string | null; returnable: number }[] }>(owner, 'GET', `/orders/${order.id}/returnable-items`)
    ).body.items;
    expect(lines.map((l) => [l.excluded, l.excludedReason, l.returnable])).toEqual([
      [false, null, 1],
      [true, 'category_excluded', 0],
    ]);
    expect((await postReturn(owner, returnOf(order, { items: items.slice(0, 1) }))).status).toBe(201);
  });

  it('caps quantity at purchased − refunded − in open returns', async () => {
    const owner = customer();
    const order = await deliveredOrderFor(owner);
    expect(await refused(owner, returnOf(order, {}, 4))).toEqual({ status: 422, rule: 'quantity_exceeds_returnable', paths: ['items.0.quantity'] });
    const refund = await call(admin, 'POST', `/admin/orders/${order.id}/refunds`, { refundLineItems: [{ lineItemId: order.lineItems[0]!.id, quantity: 1 }] });
    expect(refund.status).toBe(201);
    expect((await postReturn(owner, returnOf(order, {}, 1))).status).toBe(201);
    // 3 bought, 1 refunded, 1 in an open return: 1 left.
    expect(await refused(owner, returnOf(order, {}, 2))).toMatchObject({ rule: 'quantity_exceeds_returnable' });
    expect((await postReturn(owner, returnOf(order, {}, 1))).status).toBe(201);
    expect(await refused(owner, returnOf(order, {}, 1))).toMatchObject({ rule: 'quantity_exceeds_returnable' });
  });

  it('offers card only for card payments, and needs a valid IBAN and holder for a transfer', async () => {
    const owner = customer();
    const cod: Order = await deliveredOrderFor(owner, { paymentMethod: 'cod', paymentStatus: 'unpaid' });
    expect(await refused(owner, returnOf(cod, { refundMethod: 'card' }))).toEqual({ status: 422, rule: 'card_refund_unavailable', paths: ['refundMethod'] });
    expect((await postReturn(owner, returnOf(cod, { refundMethod: 'voucher' }))).status).toBe(201);
    const bank = (iban?: string, accountHolder?: string) => returnOf(cod, { refundMethod: 'bank_transfer', iban, accountHolder });
    expect(await refused(owner, bank('DE89 3704 0044 0532 0130 01', 'Ada'))).toEqual({ status: 422, rule: 'iban_invalid', paths: ['iban'] });
    expect(await refused(owner, bank(undefined, 'Ada'))).toEqual({ status: 422, rule: 'iban_invalid', paths: ['iban'] });
    expect(await refused(owner, bank(VALID_IBAN))).toEqual({ status: 422, rule: 'account_holder_required', paths: ['accountHolder'] });
    const ok = await postReturn(owner, bank(VALID_IBAN, 'Ada Lovelace'));
    expect([ok.status, ok.body.iban]).toEqual([201, 'DE89370400440532013000']);
  });

  it('caps the extra comment at 250 characters, and binds only real uploads', async () => {
    const owner = customer();
    const order = await deliveredOrderFor(owner);
    expect(await refused(owner, returnOf(order, { extraComment: 'x'.repeat(251) }))).toEqual({
      status: 422,
      rule: 'extra_comment_too_long',
      paths: ['extraComment'],
    });
    expect(await refused(owner, returnOf(order, { attachments: ['att_NEVERUPLOADED'] }))).toMatchObject({ status: 422, paths: ['attachments.0'] });
    expect((await postReturn(owner, returnOf(order, { extraComment: 'x'.repeat(250) }))).status).toBe(201);
    // Nothing of the refused requests was kept: only the last one holds a unit.
    const lines = (await call<{ items: { inOpenReturns: number }[] }>(owner, 'GET', `/orders/${order.id}/returnable-items`)).body.items;
    expect(lines[0]?.inOpenReturns).toBe(1);
    expect((await call<{ items: unknown[] }>(owner, 'GET', '/returns')).body.items).toHaveLength(1);
  });
});
