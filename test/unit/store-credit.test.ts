// The store-credit ledger's pure movements: spend order, reverts, expiry, the
// bonus, and (property-based) balance = Σ remaining ≥ 0 after any sequence.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '#shared/domain/errors';
import { eventsFor } from '#shared/domain/events/detect';
import { invalidCode, newGiftCard, normalizeCode, redeemCard } from '#shared/domain/gift-card';
import type { CreditAccount } from '#shared/domain/store-credit';
import { bonusFor, credit, debit, emptyAccount, expireLot, expiryFrom, lotsToRemind, nextExpiry, revert, spendable } from '#shared/domain/store-credit-ledger';

const NOW = '2026-12-01T00:00:00.000Z';
const ctx = (id: string, now = NOW) => ({ transactionId: id, now, by: 'admin:a' });
const manual = (id: string) => ({ type: 'manual', id }) as const;
const day = (n: number) => new Date(Date.parse(NOW) + n * 86_400_000).toISOString();

const fund = (...lots: [string, number, string | null][]): CreditAccount =>
  lots.reduce((account, [id, amount, expiresAt]) => credit(account, { amount, origin: manual(id), expiresAt }, ctx(id)).account, emptyAccount('cus', 'USD'));

describe('store credit ledger', () => {
  it('spends the soonest-expiring lot first and lots without expiry last', () => {
    const account = fund(['sct_never', 500, null], ['sct_late', 300, day(30)], ['sct_soon', 200, day(3)]);
    const { account: after, transaction } = debit(account, { amount: 600, origin: { type: 'order', id: 'ord_1' } }, ctx('sct_d'));
    expect(transaction.allocations.map((a) => [a.lotId, a.amount])).toEqual([
      ['sct_soon', 200],
      ['sct_late', 300],
      ['sct_never', 100],
    ]);
    expect(after.lots).toEqual([expect.objectContaining({ id: 'sct_never', remaining: 400 })]);
    expect([after.balance, transaction.balanceAfter, after.version]).toEqual([400, 400, 4]);
  });

  it('refuses to spend more than the spendable balance (lots past due do not count), naming amount', () => {
    const account = fund(['sct_a', 100, day(-1)], ['sct_b', 100, null]);
    expect(spendable(account, NOW)).toBe(100);
    expect(() => debit(account, { amount: 150, origin: manual('x') }, ctx('sct_d'))).toThrow(
      expect.objectContaining({
        code: 'business_rule',
        details: expect.objectContaining({ rule: 'insufficient_funds', errors: [expect.objectContaining({ path: 'amount' })] }),
      }),
    );
  });

  it('reverts into the same lots, rebuilds a lot spent to zero, and makes a new lot for one that expired meanwhile', () => {
    const account = fund(['sct_a', 100, day(2)], ['sct_b', 100, day(20)]);
    const spent = debit(account, { amount: 150, origin: manual('o') }, ctx('sct_d'));
    expect(spent.account.lots.map((l) => l.id)).toEqual(['sct_b']);
    const later = day(10);
    const back = revert(spent.account, spent.transaction, 30, { ...ctx('sct_r', later), newLotId: (i) => `sct_r_${i}` });
    expect(back.account.lots).toEqual([
      expect.objectContaining({ id: 'sct_b', remaining: 100, amount: 100, expiresAt: day(20) }),
      expect.objectContaining({ id: 'sct_r_0', remaining: 100, expiresAt: expiryFrom(later, 30) }),
    ]);
    expect(back.transaction).toMatchObject({ kind: 'revert', amount: 150, balanceAfter: 200, revertOf: 'sct_d' });
    const early = revert(spent.account, spent.transaction, 30, { ...ctx('sct_r'), newLotId: (i) => `sct_r_${i}` });
    expect(early.account.lots.map((l) => [l.id, l.remaining])).toEqual([
      ['sct_a', 100],
      ['sct_b', 100],
    ]);
  });

  it('expires what is left of a lot once it is due, and nothing before', () => {
    const account = fund(['sct_a', 100, day(1)], ['sct_b', 50, null]);
    expect(expireLot(account, 'sct_a', ctx('sct_x'))).toBeUndefined();
    const expired = expireLot(account, 'sct_a', ctx('sct_x', day(2)));
    expect(expired?.transaction).toMatchObject({ kind: 'expiry', amount: 100, balanceAfter: 50 });
    expect(expired && expireLot(expired.account, 'sct_a', ctx('sct_y', day(2)))).toBeUndefined();
    expect(nextExpiry(account)).toBe(day(1));
    expect(lotsToRemind(account, NOW, 3).map((l) => l.id)).toEqual(['sct_a']);
  });

  it('rounds the bonus down to the minor unit, adds the flat part and caps it', () => {
    expect(bonusFor(999, { percent: 10, flat: 0, max: null })).toBe(99);
    expect(bonusFor(1000, { percent: 5, flat: 100, max: 120 })).toBe(120);
    expect(bonusFor(0, { percent: 10, flat: 100, max: null })).toBe(0);
    const { account, transaction } = credit(
      emptyAccount('c', 'USD'),
      { amount: 1000, origin: { type: 'refund', id: 'txn_1' }, expiresAt: null, bonus: 100 },
      ctx('sct_c'),
    );
    expect(account.lots.map((l) => [l.origin.type, l.remaining])).toEqual([
      ['refund', 1000],
      ['bonus', 100],
    ]);
    expect(transaction).toMatchObject({ amount: 1100, bonus: 100, balanceAfter: 1100 });
  });

  it('keeps balance = Σ remaining ≥ 0 and chains balanceAfter through any sequence of movements', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('credit' as const), amount: fc.integer({ min: 1, max: 1000 }), days: fc.option(fc.integer({ min: -5, max: 30 })) }),
      fc.record({ kind: fc.constant('debit' as const), amount: fc.integer({ min: 1, max: 1500 }) }),
      fc.record({ kind: fc.constant('revert' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('expire' as const), pick: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        let account = emptyAccount('cus', 'USD');
        const debits: ReturnType<typeof debit>['transaction'][] = [];
        let n = 0;
        for (const o of ops) {
          const id = `sct_${n++}`;
          let moved: ReturnType<typeof credit> | undefined;
          try {
            if (o.kind === 'credit')
              moved = credit(account, { amount: o.amount, origin: manual(id), expiresAt: o.days === null ? null : day(o.days) }, ctx(id));
            else if (o.kind === 'debit') moved = debit(account, { amount: o.amount, origin: manual(id) }, ctx(id));
            else if (o.kind === 'revert' && debits.length > 0) {
              const [target] = debits.splice(o.pick % debits.length, 1);
              if (target) moved = revert(account, target, 10, { ...ctx(id), newLotId: (i) => `${id}_${i}` });
            } else if (o.kind === 'expire' && account.lots.length > 0)
              moved = expireLot(account, account.lots[o.pick % account.lots.length]?.id ?? '', ctx(id));
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
          }
          if (!moved) continue;
          if (moved.transaction.kind === 'debit') debits.push(moved.transaction);
          const sign = moved.transaction.kind === 'credit' || moved.transaction.kind === 'revert' ? 1 : -1;
          expect(moved.account.balance).toBe(account.balance + sign * moved.transaction.amount);
          account = moved.account;
          expect(moved.transaction.balanceAfter).toBe(account.balance);
          expect(account.balance).toBe(account.lots.reduce((s, l) => s + l.remaining, 0));
          expect(account.balance).toBeGreaterThanOrEqual(0);
          expect(account.lots.every((l) => l.remaining > 0 && l.remaining <= l.amount && Number.isInteger(l.remaining))).toBe(true);
        }
      }),
    );
  });
});

const card = newGiftCard({ amount: 2500, currency: 'USD', note: 'gift' }, { id: 'gc_1', code: 'ABCDEFGHJKMNPQRSTVWX', now: NOW }, { type: 'admin', id: null });

describe('gift cards', () => {
  it('redeems an active card once, into its redeemer, and refuses every unusable code the same way', () => {
    const redeemed = redeemCard(card, 'cus_a', NOW);
    expect(redeemed).toMatchObject({ status: 'redeemed', balance: 0, customerId: 'cus_a', version: 2, last4: 'TVWX' });
    const refusal = invalidCode();
    for (const unusable of [undefined, redeemed, { ...card, status: 'disabled' as const }, { ...card, expiresAt: day(-1) }, { ...card, customerId: 'cus_b' }]) {
      expect(() => redeemCard(unusable, 'cus_a', NOW)).toThrow(refusal.message);
    }
    expect(normalizeCode('abcd-efgh jkmn')).toBe('ABCDEFGHJKMN');
  });
});

describe('store credit and gift card events', () => {
  it('turns each ledger row into its event once (on insertion) and a card into issued, then redeemed', () => {
    const kinds = { credit: 'store_credit.credited', debit: 'store_credit.debited', revert: 'store_credit.reverted', expiry: 'store_credit.expired' } as const;
    const account = fund(['sct_a', 100, day(1)]);
    const rowsByKind = {
      credit: credit(account, { amount: 5, origin: manual('m'), expiresAt: null }, ctx('sct_c')).transaction,
      debit: debit(account, { amount: 5, origin: manual('o') }, ctx('sct_d')).transaction,
      expiry: expireLot(account, 'sct_a', ctx('sct_x', day(2)))?.transaction,
    };
    const revertRow = revert(account, rowsByKind.debit, 10, { ...ctx('sct_r'), newLotId: (i) => `r${i}` }).transaction;
    for (const txn of [...Object.values(rowsByKind), revertRow]) {
      const events = eventsFor({ eventName: 'INSERT', type: 'CreditTransaction', old: undefined, new: { txn } });
      expect(events).toEqual([
        {
          id: `evt_${txn?.id}_v1_${kinds[txn?.kind as keyof typeof kinds]}`,
          type: kinds[txn?.kind as keyof typeof kinds],
          occurredAt: txn?.createdAt,
          data: txn,
          previous: null,
        },
      ]);
      expect(eventsFor({ eventName: 'MODIFY', type: 'CreditTransaction', old: { txn }, new: { txn: { ...txn, revertedBy: 'x' } } })).toEqual([]);
    }
    const redeemed = redeemCard(card, 'cus_a', NOW);
    expect(
      eventsFor({ eventName: 'INSERT', type: 'GiftCard', old: undefined, new: { card, codeHash: 'h' } }).map((e) => [e.type, JSON.stringify(e.data)]),
    ).toEqual([['gift_card.issued', JSON.stringify(card)]]);
    expect(eventsFor({ eventName: 'MODIFY', type: 'GiftCard', old: { card }, new: { card: redeemed } })).toMatchObject([
      { type: 'gift_card.redeemed', previous: { status: 'active' } },
    ]);
  });
});
