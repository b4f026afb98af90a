// The refund ledger after creation: what a refund owes, settlements and new
// attempts. Worked examples for each rule, then a property over random
// sequences of settlements and retries.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BusinessRuleError, ConflictError, ValidationError } from '#shared/domain/errors';
import { ibanOf } from '#shared/domain/iban';
import { sum } from '#shared/domain/money';
import { REFUND_GATEWAYS, type Refund } from '#shared/domain/refund';
import { type AttemptIds, openAttempt, settleRefund, whyNoNewAttempt } from '#shared/domain/refund-ledger';
import { LEDGER_NOW, refund, txn } from '../support/refund-ledger.ts';

const NOW = LEDGER_NOW;
let seq = 0;
const ids = (): AttemptIds => ({ transactionId: `txn_${++seq}`, voucherCode: () => `CODE${seq}`, now: NOW, readIban: ibanOf });
const card = { paymentMethod: 'card' } as const;

const failed = () => settleRefund(refund(), 'txn_0', { status: 'failure', errorCode: 'expired_card' }) as Refund;

describe('refund ledger', () => {
  it('owes its total until a transaction succeeds; a failure leaves the amount owed', () => {
    expect(refund().owed).toBe(6050);
    expect(failed()).toMatchObject({ owed: 6050, version: 2, transactions: [{ status: 'failure', errorCode: 'expired_card' }] });
    expect(settleRefund(refund(), 'txn_0', { status: 'success' })).toMatchObject({ owed: 0, version: 2 });
    expect(settleRefund(refund(), 'txn_nope', { status: 'success' })).toBeUndefined();
    expect(() => settleRefund(failed(), 'txn_0', { status: 'success' })).toThrow(ConflictError);
  });

  it('opens a new attempt for exactly what is owed, by the last gateway unless told otherwise', () => {
    const again = openAttempt(failed(), card, {}, ids());
    expect(again.transactions).toHaveLength(2);
    expect(again.transactions[1]).toMatchObject({ amount: 6050, gateway: 'card', status: 'pending', currency: 'USD' });
    expect(again).toMatchObject({ owed: 6050, version: 3 });
    // A voucher is issued on the spot and settles the refund.
    const voucher = openAttempt(failed(), card, { gateway: 'voucher' }, ids());
    expect(voucher.transactions[1]).toMatchObject({ gateway: 'voucher', status: 'success', voucherCode: expect.stringMatching(/^CODE/) });
    expect(voucher.owed).toBe(0);
  });

  it('refuses a new attempt while one is pending or when nothing is owed (409)', () => {
    expect(() => openAttempt(refund(), card, {}, ids())).toThrow(ConflictError);
    const paid = settleRefund(refund(), 'txn_0', { status: 'success' }) as Refund;
    expect(() => openAttempt(paid, card, {}, ids())).toThrow(ConflictError);
    const pending = openAttempt(failed(), card, {}, ids());
    expect(() => openAttempt(pending, card, { gateway: 'voucher' }, ids())).toThrow(ConflictError);
  });

  it('says why no attempt opens (what the back office reads before offering "Retry"), and exactly when openAttempt refuses', () => {
    const held = refund([txn({ provider: 'stripe', providerRefundId: 're_1' })]);
    const paid = settleRefund(refund(), 'txn_0', { status: 'success' }) as Refund;
    expect(whyNoNewAttempt(held)).toMatch(/awaits the payment provider/);
    expect(whyNoNewAttempt(refund([txn({ provider: 'stripe' })]))).toMatch(/awaits the payment provider/);
    expect(whyNoNewAttempt(refund([txn({ gateway: 'bank_transfer' })]))).toMatch(/settle it first/);
    expect(whyNoNewAttempt(paid)).toBe('This refund owes nothing.');
    expect(whyNoNewAttempt(failed())).toBeUndefined();
    for (const r of [held, paid, refund()]) expect(() => openAttempt(r, card, { gateway: 'voucher' }, ids())).toThrow(whyNoNewAttempt(r));
    expect(openAttempt(failed(), card, { gateway: 'voucher' }, ids()).owed).toBe(0);
  });

  it('sends a bank transfer only to an account, and a card refund only to a card', () => {
    const errors = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        if (error instanceof ValidationError) return error.details.errors?.map((e) => e.path);
        throw error;
      }
      return undefined;
    };
    expect(errors(() => openAttempt(failed(), card, { gateway: 'bank_transfer' }, ids()))).toEqual(['refundAccount', 'iban']);
    expect(errors(() => openAttempt(failed(), card, { gateway: 'bank_transfer', iban: 'DE00 0000' }, ids()))).toEqual(['iban']);
    const iban = openAttempt(failed(), card, { gateway: 'bank_transfer', iban: 'de89 3704 0044 0532 0130 00' }, ids());
    expect(iban.transactions[1]).toMatchObject({ gateway: 'bank_transfer', status: 'pending', iban: 'DE89370400440532013000' });
    const account = { accountName: 'Ada Lovelace', accountNumber: '12345678', bankName: 'Bank' };
    expect(openAttempt(failed(), card, { gateway: 'bank_transfer', refundAccount: account }, ids()).transactions[1]?.refundAccount).toEqual(account);
    expect(() => openAttempt(failed(), { paymentMethod: 'bank_transfer' }, { gateway: 'card' }, ids())).toThrow(BusinessRuleError);
  });
});

describe('refund ledger: properties', () => {
  const stepArb = fc.oneof(
    fc.record({ op: fc.constant('settle' as const), status: fc.constantFrom('success' as const, 'failure' as const) }),
    fc.record({ op: fc.constant('retry' as const), gateway: fc.constantFrom(...REFUND_GATEWAYS) }),
  );

  it('never pays out more than the total, never owes a negative amount, whatever the order of settlements and retries', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.array(stepArb, { maxLength: 30 }), (total, steps) => {
        let current = refund([txn({ amount: total })], total);
        for (const step of steps) {
          const before = current;
          try {
            if (step.op === 'settle') {
              const pending = current.transactions.find((t) => t.status === 'pending');
              current = settleRefund(current, pending?.id ?? current.transactions.at(-1)!.id, { status: step.status }) as Refund;
            } else {
              current = openAttempt(current, card, { gateway: step.gateway, iban: 'DE89370400440532013000' }, ids());
            }
          } catch (error) {
            // Refusals are 409s and change nothing.
            expect(error).toBeInstanceOf(ConflictError);
            expect(current).toBe(before);
          }
          const paid = sum(current.transactions.filter((t) => t.status === 'success').map((t) => t.amount));
          expect(paid).toBeLessThanOrEqual(current.total);
          expect(current.owed).toBe(current.total - paid);
          expect(current.owed).toBeGreaterThanOrEqual(0);
          expect(current.transactions.filter((t) => t.status === 'pending').length).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 500 },
    );
  });
});
