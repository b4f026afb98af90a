import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, ValidationError } from '#shared/domain/errors';
import { buildReturnRequest, nextStatuses, transitionReturn, unitsReleasedBy, verifyReturnItem, withComments } from '#shared/domain/return-lifecycle';
import type { ReturnRecord } from '#shared/domain/return-request';
import { RETURN_STATUSES, RETURN_TRANSITIONS, type ReturnStatus } from '#shared/domain/return-status';
import { deliveredOrder, NOW, returnBody } from '../support/returns.ts';

const fresh = (overrides: Parameters<typeof returnBody>[0] = {}): ReturnRecord =>
  buildReturnRequest({ id: 'ret_1', order: deliveredOrder(), body: returnBody(overrides), now: NOW, actor: 'customer:c1' });

const LATER = '2026-11-12T10:00:00.000Z';

const errorOf = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
};

describe('building a return request', () => {
  it('starts new, copies the order lines, customer and shipping address, and stamps the history', () => {
    const order = deliveredOrder();
    const request = fresh({ items: [{ lineItemId: 'li_mug', quantity: 2, reasonId: 'rsn_retdamaged', reasonText: 'cracked' }], extraComment: 'hi' });
    expect(request).toMatchObject({
      id: 'ret_1',
      orderId: 'ord_1',
      orderNumber: 'N1',
      customerId: 'customer-1',
      status: 'new',
      refundMethod: 'card',
      iban: null,
      voucherCode: null,
      currency: 'USD',
      customer: { name: 'Ada Lovelace', email: 'ada@example.com', phone: null },
      pickupAddress: order.shippingAddress,
      extraComment: 'hi',
      attachments: [],
      termsAccepted: false,
      restockFee: 0,
      refundedShipping: 0,
      refundAmount: null,
      refundId: null,
      rejectionReason: null,
      statusHistory: [{ status: 'new', at: NOW, submittedBy: 'customer:c1' }],
      version: 1,
    });
    expect(request.items).toEqual([
      {
        lineItemId: 'li_mug',
        sku: 'MUG-1',
        title: 'Mug',
        quantity: 2,
        unitPrice: 1000,
        reasonId: 'rsn_retdamaged',
        reasonText: 'cracked',
        condition: null,
        goodQuantity: null,
        status: 'new',
      },
    ]);
  });

  it('keeps bank details (IBAN in electronic form) only for bank transfers, and a given pickup address', () => {
    const pickupAddress = { name: 'B', line1: '1 Road', city: 'Paris', postalCode: '75001', country: 'FR' };
    const bank = fresh({ refundMethod: 'bank_transfer', iban: 'de89 3704 0044 0532 0130 00', accountHolder: 'Ada', pickupAddress, termsAccepted: true });
    expect(bank).toMatchObject({ iban: 'DE89370400440532013000', accountHolder: 'Ada', pickupAddress, termsAccepted: true });
    expect(fresh({ refundMethod: 'voucher', iban: 'DE89370400440532013000', accountHolder: 'Ada' })).toMatchObject({ iban: null, accountHolder: null });
  });

  it('refuses a line the order does not have', () => {
    expect(() => fresh({ items: [{ lineItemId: 'li_nope', quantity: 1, reasonId: 'rsn_retdamaged' }] })).toThrow(NotFoundError);
  });
});

describe('return transitions', () => {
  const verified = (status: ReturnStatus, goods: (number | null)[] = [2]): ReturnRecord => {
    const base = fresh();
    return { ...base, status, items: base.items.map((it, i) => ({ ...it, goodQuantity: goods[i] ?? null })) };
  };

  it('allows exactly the table for admins (pending_verification narrowed by the verification)', () => {
    for (const from of RETURN_STATUSES) {
      for (const to of RETURN_STATUSES) {
        // A fully good verification: from pending_verification only `approved` is legal.
        const request = verified(from, [2]);
        const legal = from === 'pending_verification' ? to === 'approved' : (RETURN_TRANSITIONS[from] as readonly string[]).includes(to);
        const attempt = () => transitionReturn(request, { to, at: LATER, by: 'admin:a', role: 'admin', rejectionReason: 'broken' });
        if (legal) {
          const next = attempt();
          expect(next.status).toBe(to);
          expect(next.version).toBe(request.version + 1);
          expect(next.updatedAt).toBe(LATER);
          expect(next.statusHistory.at(-1)).toEqual({ status: to, at: LATER, submittedBy: 'admin:a' });
          expect(next.statusHistory).toHaveLength(request.statusHistory.length + 1);
        } else {
          const error = errorOf(attempt);
          expect(error).toBeInstanceOf(ConflictError);
          expect((error as ConflictError).details.allowedTransitions).toEqual(from === 'pending_verification' ? ['approved'] : RETURN_TRANSITIONS[from]);
        }
      }
    }
  });

  it('refuses every verification outcome before all items are verified, and all but the implied one after', () => {
    const unverified = verified('pending_verification', [null]);
    for (const to of ['approved', 'partially_approved', 'denied'] as const) {
      const error = errorOf(() => transitionReturn(unverified, { to, at: LATER, by: 'admin:a', role: 'admin', rejectionReason: 'x' }));
      expect((error as ConflictError).details.allowedTransitions).toEqual([]);
      expect((error as Error).message).toContain('before every item is verified');
    }
    const partial = verified('pending_verification', [1]);
    expect(transitionReturn(partial, { to: 'partially_approved', at: LATER, by: 'admin:a', role: 'admin' }).status).toBe('partially_approved');
    expect((errorOf(() => transitionReturn(partial, { to: 'approved', at: LATER, by: 'admin:a', role: 'admin' })) as Error).message).toContain(
      'implies partially_approved',
    );
    const none = verified('pending_verification', [0]);
    expect(transitionReturn(none, { to: 'denied', at: LATER, by: 'admin:a', role: 'admin', rejectionReason: 'all broken' })).toMatchObject({
      status: 'denied',
      rejectionReason: 'all broken',
    });
  });

  it('needs a rejection reason to deny', () => {
    const request = verified('new');
    for (const rejectionReason of [undefined, '', '   ']) {
      const error = errorOf(() => transitionReturn(request, { to: 'denied', at: LATER, by: 'admin:a', role: 'admin', rejectionReason }));
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).details.errors).toEqual([{ path: 'rejectionReason', message: expect.any(String) }]);
    }
    expect(transitionReturn(request, { to: 'denied', at: LATER, by: 'admin:a', role: 'admin', rejectionReason: ' no receipt ' }).rejectionReason).toBe(
      'no receipt',
    );
    // Other moves leave it alone.
    expect(transitionReturn(request, { to: 'picked_up', at: LATER, by: 'admin:a', role: 'admin', rejectionReason: 'ignored' }).rejectionReason).toBeNull();
  });

  it('lets a customer cancel only while new', () => {
    for (const from of RETURN_STATUSES) {
      for (const to of RETURN_STATUSES) {
        const attempt = () => transitionReturn(verified(from), { to, at: LATER, by: 'customer:c1', role: 'customer' });
        if (from === 'new' && to === 'cancelled') expect(attempt().status).toBe('cancelled');
        else {
          const error = errorOf(attempt);
          expect(error).toBeInstanceOf(ConflictError);
          expect((error as ConflictError).details.allowedTransitions).toEqual(from === 'new' ? ['cancelled'] : []);
        }
      }
    }
  });
});

describe('verifying items', () => {
  const pending = (): ReturnRecord => ({ ...fresh(), status: 'pending_verification' });

  it('sets goodQuantity, condition and the derived item status, and bumps the version', () => {
    const request = { ...pending(), refundAmount: 100, breakdown: null };
    const all = verifyReturnItem(request, 'li_mug', { goodQuantity: 2, condition: 'as new' }, LATER);
    expect(all.items[0]).toMatchObject({ goodQuantity: 2, condition: 'as new', status: 'approved' });
    expect(all).toMatchObject({ version: 2, updatedAt: LATER, refundAmount: null });
    expect(verifyReturnItem(request, 'li_mug', { goodQuantity: 1 }, LATER).items[0]).toMatchObject({
      goodQuantity: 1,
      condition: null,
      status: 'partially_approved',
    });
    expect(verifyReturnItem(request, 'li_mug', { goodQuantity: 0 }, LATER).items[0]).toMatchObject({ goodQuantity: 0, status: 'denied' });
  });

  it('refuses more good units than returned, unknown lines, and any status but pending_verification', () => {
    expect(errorOf(() => verifyReturnItem(pending(), 'li_mug', { goodQuantity: 3 }, LATER))).toMatchObject({
      code: 'business_rule',
      details: { rule: 'good_quantity_exceeds_quantity', errors: [{ path: 'goodQuantity' }] },
    });
    expect(() => verifyReturnItem(pending(), 'li_tee', { goodQuantity: 1 }, LATER)).toThrow(NotFoundError);
    for (const status of RETURN_STATUSES.filter((s) => s !== 'pending_verification')) {
      expect(() => verifyReturnItem({ ...fresh(), status }, 'li_mug', { goodQuantity: 1 }, LATER)).toThrow(ConflictError);
    }
  });
});

describe('next statuses (check-status)', () => {
  it('lists unverified items as required steps while pending verification', () => {
    const body = {
      items: [
        { lineItemId: 'li_mug', quantity: 2, reasonId: 'rsn_retdamaged' },
        { lineItemId: 'li_tee', quantity: 1, reasonId: 'rsn_retdamaged' },
      ],
    };
    const request = { ...fresh(body), status: 'pending_verification' as const };
    expect(nextStatuses(request)).toEqual({
      status: 'pending_verification',
      nextStatuses: [],
      requiredSteps: [
        { lineItemId: 'li_mug', sku: 'MUG-1', title: 'Mug', info: 'Verification required', status: 'new' },
        { lineItemId: 'li_tee', sku: 'TEE-1', title: 'T-shirt', info: 'Verification required', status: 'new' },
      ],
    });
    const half = verifyReturnItem(request, 'li_mug', { goodQuantity: 2 }, LATER);
    expect(nextStatuses(half).requiredSteps.map((s) => s.lineItemId)).toEqual(['li_tee']);
    const done = verifyReturnItem(half, 'li_tee', { goodQuantity: 0 }, LATER);
    expect(nextStatuses(done)).toEqual({ status: 'pending_verification', nextStatuses: ['partially_approved'], requiredSteps: [] });
    expect(nextStatuses(fresh())).toEqual({ status: 'new', nextStatuses: ['picked_up', 'pending_verification', 'denied', 'cancelled'], requiredSteps: [] });
  });
});

describe('comments in the answer', () => {
  it('hides private comments from customers, shows all to admins, oldest first', () => {
    const comments = [
      { id: 'cmt_2', body: 'private', visibleToCustomer: false, submittedBy: 'admin:a', createdAt: '2026-11-12T00:00:00.000Z' },
      { id: 'cmt_1', body: 'hello', visibleToCustomer: true, submittedBy: 'customer:c1', createdAt: '2026-11-11T00:00:00.000Z' },
    ];
    expect(withComments(fresh(), comments, 'customer').comments.map((c) => c.id)).toEqual(['cmt_1']);
    expect(withComments(fresh(), comments, 'admin').comments.map((c) => c.id)).toEqual(['cmt_1', 'cmt_2']);
  });
});

describe('units given back to the order', () => {
  it('releases everything on cancel or deny, the bad units on approval, nothing otherwise', () => {
    const body = {
      items: [
        { lineItemId: 'li_mug', quantity: 3, reasonId: 'rsn_retdamaged' },
        { lineItemId: 'li_tee', quantity: 1, reasonId: 'rsn_retdamaged' },
      ],
    };
    const base = fresh(body);
    const verified = { ...base, items: base.items.map((i) => ({ ...i, goodQuantity: i.lineItemId === 'li_mug' ? 1 : 1 })) };
    const all = [
      { lineItemId: 'li_mug', quantity: 3 },
      { lineItemId: 'li_tee', quantity: 1 },
    ];
    expect(unitsReleasedBy(base, 'cancelled')).toEqual(all);
    expect(unitsReleasedBy(verified, 'denied')).toEqual(all);
    expect(unitsReleasedBy(verified, 'partially_approved')).toEqual([{ lineItemId: 'li_mug', quantity: 2 }]);
    expect(unitsReleasedBy({ ...verified, items: verified.items.map((i) => ({ ...i, goodQuantity: i.quantity })) }, 'approved')).toEqual([]);
    for (const to of ['new', 'picked_up', 'pending_verification', 'refunded'] as const) expect(unitsReleasedBy(verified, to)).toEqual([]);
  });
});
