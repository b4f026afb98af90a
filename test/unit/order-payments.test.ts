// The pure rules of an order paid several ways: payments add up to the total,
// and a refund's store-credit share never passes what credit paid, whatever
// sequence of refunds comes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DomainError } from '#shared/domain/errors';
import { creditShare, orderPayments, withCreditRefunded } from '#shared/domain/order-payments';

describe('order payments', () => {
  it('must add up to the total (422 on payments) and name a debit for store credit (400 on its reference)', () => {
    expect(() => orderPayments([{ method: 'card', amount: 99 }], 100, 'paid')).toThrow(expect.objectContaining({ code: 'business_rule' }));
    try {
      orderPayments([{ method: 'store_credit', amount: 100 }], 100, 'paid');
      expect.unreachable();
    } catch (error) {
      expect((error as DomainError).code).toBe('validation');
    }
    expect(orderPayments(undefined, 100, 'paid')).toBeUndefined();
    // An unpaid order refunds nothing: credit spent on it would be lost.
    expect(() => orderPayments([{ method: 'store_credit', amount: 100, reference: 'sct_1' }], 100, 'unpaid')).toThrow(
      expect.objectContaining({ code: 'business_rule' }),
    );
    expect(
      orderPayments(
        [
          { method: 'store_credit', amount: 40, reference: 'sct_1' },
          { method: 'card', amount: 60 },
        ],
        100,
        'paid',
      ),
    ).toEqual([
      { method: 'store_credit', amount: 40, reference: 'sct_1', refunded: 0 },
      { method: 'card', amount: 60, reference: null, refunded: 0 },
    ]);
  });

  it('any sequence of refunds gives back to store credit exactly min(Σ refunds, what credit paid), never more', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 3 }),
        fc.array(fc.integer({ min: 1, max: 800 }), { maxLength: 10 }),
        (credits, refunds) => {
          let payments =
            orderPayments(
              [...credits.map((amount, i) => ({ method: 'store_credit' as const, amount, reference: `sct_${i}` })), { method: 'card' as const, amount: 500 }],
              credits.reduce((s, a) => s + a, 500),
              'paid',
            ) ?? [];
          let given = 0;
          for (const total of refunds) {
            const share = creditShare(payments, total);
            expect(share).toBeLessThanOrEqual(total);
            given += share;
            payments = withCreditRefunded(payments, share);
          }
          const paidByCredit = credits.reduce((s, a) => s + a, 0);
          expect(given).toBe(
            Math.min(
              paidByCredit,
              refunds.reduce((s, a) => s + a, 0),
            ),
          );
          for (const p of payments) expect(p.refunded).toBeLessThanOrEqual(p.amount);
        },
      ),
    );
  });
});
