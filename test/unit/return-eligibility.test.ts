import { describe, expect, it } from 'vitest';
import type { DomainError } from '#shared/domain/errors';
import type { Order } from '#shared/domain/order';
import {
  checkReturnEligibility,
  deadlineOf,
  type EligibilityInput,
  returnableItems,
  returnableUnits,
  unitsInOpenReturns,
} from '#shared/domain/return-eligibility';
import { DAMAGED, DELIVERED_AT, deliveredOrder, NOW, reasonsMap, returnBody, settingsWith } from '../support/returns.ts';

const VALID_IBAN = 'DE89 3704 0044 0532 0130 00';

const input = (overrides: Partial<EligibilityInput> = {}): EligibilityInput => ({
  order: deliveredOrder(),
  body: returnBody(),
  settings: settingsWith(),
  reasons: reasonsMap(),
  refundedThroughReturns: new Map(),
  now: NOW,
  ...overrides,
});

/** The rule and field paths the check refuses with (undefined when eligible). */
const refusal = (overrides: Partial<EligibilityInput>) => {
  try {
    checkReturnEligibility(input(overrides));
    return undefined;
  } catch (error) {
    const domain = error as DomainError;
    return { code: domain.code, rule: domain.details.rule, paths: (domain.details.errors ?? []).map((e) => e.path) };
  }
};

const withLines = (patch: (line: Order['lineItems'][number]) => Partial<Order['lineItems'][number]>): Order => {
  const order = deliveredOrder();
  return { ...order, lineItems: order.lineItems.map((l) => ({ ...l, ...patch(l) })) };
};

describe('return eligibility', () => {
  it('accepts a delivered order inside the window', () => {
    expect(refusal({})).toBeUndefined();
  });

  it('needs a delivered order', () => {
    expect(refusal({ order: deliveredOrder({ status: 'shipped', deliveredAt: null }) })).toEqual({
      code: 'business_rule',
      rule: 'order_not_delivered',
      paths: ['orderId'],
    });
  });

  it('needs lines of this order', () => {
    const body = returnBody({
      items: [
        { lineItemId: 'li_mug', quantity: 1, reasonId: DAMAGED.id },
        { lineItemId: 'li_zzz', quantity: 1, reasonId: DAMAGED.id },
      ],
    });
    expect(refusal({ body })).toMatchObject({ rule: 'line_item_unknown', paths: ['items.1.lineItemId'] });
  });

  it('needs known, active return reasons', () => {
    const item = (reasonId: string) => returnBody({ items: [{ lineItemId: 'li_mug', quantity: 1, reasonId }] });
    expect(refusal({ body: item('rsn_nothere') })).toMatchObject({ rule: 'reason_unknown', paths: ['items.0.reasonId'] });
    expect(refusal({ body: item('rsn_cxlother') })).toMatchObject({ rule: 'reason_unknown', paths: ['items.0.reasonId'] });
    const inactive = { ...DAMAGED, id: 'rsn_old', active: false };
    expect(refusal({ body: item('rsn_old'), reasons: reasonsMap(inactive) })).toMatchObject({ rule: 'reason_inactive', paths: ['items.0.reasonId'] });
  });

  it('counts the window from delivery, and a reason of its own overrides it', () => {
    const deadline = deadlineOf(DELIVERED_AT, 30);
    expect(deadline).toBe('2026-12-01T10:00:00.000Z');
    expect(refusal({ now: deadline })).toBeUndefined();
    expect(refusal({ now: '2026-12-01T10:00:00.001Z' })).toMatchObject({ rule: 'return_window_expired', paths: ['items.0.reasonId'] });
    expect(refusal({ settings: settingsWith({ returns: { maxDays: 5 } }) })).toMatchObject({ rule: 'return_window_expired' });
    // A generous reason reopens what the shop's 5 days closed; a strict one closes the shop's 30.
    const generous = { ...DAMAGED, id: 'rsn_long', maxDays: 60 };
    const strict = { ...DAMAGED, id: 'rsn_short', maxDays: 2 };
    const withReason = (reasonId: string) => returnBody({ items: [{ lineItemId: 'li_mug', quantity: 1, reasonId }] });
    expect(refusal({ settings: settingsWith({ returns: { maxDays: 5 } }), body: withReason('rsn_long'), reasons: reasonsMap(generous) })).toBeUndefined();
    expect(refusal({ body: withReason('rsn_short'), reasons: reasonsMap(strict) })).toMatchObject({ rule: 'return_window_expired' });
  });

  it('refuses lines in an excluded category', () => {
    const body = returnBody({ items: [{ lineItemId: 'li_tee', quantity: 1, reasonId: DAMAGED.id }] });
    expect(refusal({ body, settings: settingsWith({ returns: { excludedCategories: ['apparel'] } }) })).toMatchObject({
      rule: 'category_excluded',
      paths: ['items.0.lineItemId'],
    });
    expect(refusal({ body, settings: settingsWith({ returns: { excludedCategories: ['food'] } }) })).toBeUndefined();
  });

  it('caps quantity at purchased − refunded − in open returns', () => {
    const three = returnBody({ items: [{ lineItemId: 'li_mug', quantity: 3, reasonId: DAMAGED.id }] });
    expect(refusal({ body: three })).toBeUndefined();
    expect(refusal({ body: three, order: withLines(() => ({ refundedQuantity: 1 })) })).toMatchObject({
      rule: 'quantity_exceeds_returnable',
      paths: ['items.0.quantity'],
    });
    expect(refusal({ body: three, order: withLines(() => ({ returnedQuantity: 1 })) })).toMatchObject({ rule: 'quantity_exceeds_returnable' });
    expect(
      refusal({
        body: returnBody({ items: [{ lineItemId: 'li_mug', quantity: 1, reasonId: DAMAGED.id }] }),
        order: withLines(() => ({ refundedQuantity: 1, returnedQuantity: 1 })),
      }),
    ).toBeUndefined();
    expect(returnableUnits({ quantity: 3, refundedQuantity: 2, returnedQuantity: 2 })).toBe(0);
  });

  it('does not count twice the units a refunded return both returned and refunded', () => {
    // 3 mugs: a return of 2 was refunded (returned 2, refunded 2 of which 2 through the return) → 1 left, none in open returns.
    const order = withLines((l) => (l.id === 'li_mug' ? { refundedQuantity: 2, returnedQuantity: 2 } : {}));
    const one = returnBody({ items: [{ lineItemId: 'li_mug', quantity: 1, reasonId: DAMAGED.id }] });
    const two = returnBody({ items: [{ lineItemId: 'li_mug', quantity: 2, reasonId: DAMAGED.id }] });
    const ledger = new Map([['li_mug', 2]]);
    expect(refusal({ order, body: one, refundedThroughReturns: ledger })).toBeUndefined();
    expect(refusal({ order, body: two, refundedThroughReturns: ledger })).toMatchObject({ rule: 'quantity_exceeds_returnable' });
    // Without the ledger those refunded units would look refunded AND returned.
    expect(refusal({ order, body: one })).toMatchObject({ rule: 'quantity_exceeds_returnable' });
    const line = { quantity: 3, refundedQuantity: 2, returnedQuantity: 2 };
    expect([returnableUnits(line, 2), unitsInOpenReturns(line, 2), unitsInOpenReturns(line, 0)]).toEqual([1, 0, 2]);
  });

  it('offers only enabled refund methods, and card only for card payments', () => {
    const settings = settingsWith({ returns: { refundMethods: { card: true, bankTransfer: true, voucher: false } } });
    expect(refusal({ settings, body: returnBody({ refundMethod: 'voucher' }) })).toMatchObject({ rule: 'refund_method_disabled', paths: ['refundMethod'] });
    expect(refusal({ settings: settingsWith({ returns: { refundMethods: { card: false, bankTransfer: true, voucher: true } } }) })).toMatchObject({
      rule: 'refund_method_disabled',
    });
    expect(refusal({ order: deliveredOrder({ paymentMethod: 'cod' }) })).toMatchObject({ rule: 'card_refund_unavailable', paths: ['refundMethod'] });
    expect(refusal({ order: deliveredOrder({ paymentMethod: 'cod' }), body: returnBody({ refundMethod: 'voucher' }) })).toBeUndefined();
  });

  it('needs a valid IBAN (mod-97) and the account holder for a bank transfer', () => {
    const bank = (iban: string | undefined, accountHolder: string | undefined) => returnBody({ refundMethod: 'bank_transfer', iban, accountHolder });
    expect(refusal({ body: bank(VALID_IBAN, 'Ada Lovelace') })).toBeUndefined();
    expect(refusal({ body: bank('de89370400440532013000', 'Ada') })).toBeUndefined();
    expect(refusal({ body: bank('DE89 3704 0044 0532 0130 01', 'Ada') })).toMatchObject({ rule: 'iban_invalid', paths: ['iban'] });
    expect(refusal({ body: bank(undefined, 'Ada') })).toMatchObject({ rule: 'iban_invalid' });
    expect(refusal({ body: bank(VALID_IBAN, undefined) })).toMatchObject({ rule: 'account_holder_required', paths: ['accountHolder'] });
    expect(refusal({ body: bank(VALID_IBAN, '  ') })).toMatchObject({ rule: 'account_holder_required' });
  });

  it('needs the terms accepted only when a terms URL is set', () => {
    const settings = settingsWith({ returns: { termsUrl: 'https://shop.example/terms' } });
    expect(refusal({ settings })).toMatchObject({ rule: 'terms_not_accepted', paths: ['termsAccepted'] });
    expect(refusal({ settings, body: returnBody({ termsAccepted: false }) })).toMatchObject({ rule: 'terms_not_accepted' });
    expect(refusal({ settings, body: returnBody({ termsAccepted: true }) })).toBeUndefined();
    expect(refusal({ body: returnBody({ termsAccepted: false }) })).toBeUndefined();
  });

  it('caps the extra comment at 250 characters', () => {
    expect(refusal({ body: returnBody({ extraComment: 'x'.repeat(250) }) })).toBeUndefined();
    expect(refusal({ body: returnBody({ extraComment: 'x'.repeat(251) }) })).toMatchObject({ rule: 'extra_comment_too_long', paths: ['extraComment'] });
  });

  it('takes attachments only when enabled', () => {
    const body = returnBody({ attachments: ['att_1'] });
    expect(refusal({ body })).toBeUndefined();
    const off = settingsWith({ refunds: { attachments: { ...settingsWith().refunds.attachments, enabled: false } } });
    expect(refusal({ body, settings: off })).toMatchObject({ rule: 'attachments_disabled', paths: ['attachments'] });
    expect(refusal({ body: returnBody({ attachments: [] }), settings: off })).toBeUndefined();
  });
});

describe('returnable items', () => {
  it('reports per line what is left, the deadline and exclusions', () => {
    const order = withLines((l) => (l.id === 'li_mug' ? { refundedQuantity: 1, returnedQuantity: 1 } : {}));
    const settings = settingsWith({ returns: { excludedCategories: ['apparel'] } });
    expect(returnableItems(order, settings, [{ maxDays: null }], new Map([['li_mug', 0]]), NOW)).toEqual([
      {
        lineItemId: 'li_mug',
        sku: 'MUG-1',
        title: 'Mug',
        purchased: 3,
        refunded: 1,
        inOpenReturns: 1,
        returnable: 1,
        deadline: '2026-12-01T10:00:00.000Z',
        excluded: false,
        excludedReason: null,
      },
      {
        lineItemId: 'li_tee',
        sku: 'TEE-1',
        title: 'T-shirt',
        purchased: 1,
        refunded: 0,
        inOpenReturns: 0,
        returnable: 0,
        deadline: '2026-12-01T10:00:00.000Z',
        excluded: true,
        excludedReason: 'category_excluded',
      },
    ]);
  });

  it('takes the longest window any active reason allows, and closes after it', () => {
    const order = deliveredOrder();
    expect(returnableItems(order, settingsWith(), [{ maxDays: null }, { maxDays: 90 }], new Map(), NOW)[0]?.deadline).toBe(deadlineOf(DELIVERED_AT, 90));
    expect(returnableItems(order, settingsWith(), [], new Map(), NOW)[0]?.deadline).toBe(deadlineOf(DELIVERED_AT, 30));
    const late = returnableItems(order, settingsWith(), [{ maxDays: null }], new Map(), '2026-12-02T00:00:00.000Z')[0];
    expect(late).toMatchObject({ returnable: 0, excluded: true, excludedReason: 'return_window_expired' });
  });

  it('counts units of refunded returns as returned, not as in open returns', () => {
    const order = withLines((l) => (l.id === 'li_mug' ? { refundedQuantity: 2, returnedQuantity: 3 } : {}));
    const [mug] = returnableItems(order, settingsWith(), [{ maxDays: null }], new Map([['li_mug', 2]]), NOW);
    expect(mug).toMatchObject({ purchased: 3, refunded: 2, inOpenReturns: 1, returnable: 0 });
  });

  it('has nothing returnable before delivery', () => {
    const [mug] = returnableItems(deliveredOrder({ status: 'shipped', deliveredAt: null }), settingsWith(), [{ maxDays: null }], new Map(), NOW);
    expect(mug).toMatchObject({ returnable: 0, deadline: null, excluded: true, excludedReason: 'order_not_delivered' });
  });
});
