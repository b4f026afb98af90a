// A card transaction and its payment provider, pure: who may settle it, which
// events are believed, and what each does (settle, reverse, nothing).
import { describe, expect, it } from 'vitest';
import { ConflictError } from '#shared/domain/errors';
import { ibanOf } from '#shared/domain/iban';
import type { Settlement } from '#shared/domain/payments';
import { awaitsProvider, awaitsSending, type Refund } from '#shared/domain/refund';
import { openAttempt, settleByHand } from '#shared/domain/refund-ledger';
import { applyProviderEvent, claimForProvider, eventMismatches, recordProviderRefund } from '#shared/domain/refund-provider';
import { LEDGER_NOW, refund, txn } from '../support/refund-ledger.ts';

const sent = { provider: 'stripe', paymentReference: 'pi_1' };
const held = (patch = {}) => refund([txn({ provider: 'stripe', providerRefundId: 're_1', ...patch })]);
const event = (patch: Partial<Settlement> = {}): Settlement => ({
  kind: 'settlement',
  eventId: 'evt_1',
  refundId: 'rfd_1',
  transactionId: 'txn_0',
  providerRefundId: 're_1',
  paymentIntent: 'pi_1',
  amount: 6050,
  currency: 'usd',
  status: 'success',
  errorCode: null,
  message: null,
  ...patch,
});
const ids = { transactionId: 'txn_2', voucherCode: () => 'CODE', now: LEDGER_NOW, readIban: ibanOf };
const applied = (r: Refund, e: Settlement) => {
  const verdict = applyProviderEvent(r, e, sent);
  if (verdict.kind !== 'settled' && verdict.kind !== 'reversed') throw new Error(`not applied: ${verdict.kind}`);
  return verdict.refund;
};

describe('who moves a card transaction', () => {
  it('the consumer sends a pending card transaction until the provider has answered', () => {
    expect(awaitsSending(txn())).toBe(true);
    expect(awaitsSending(txn({ provider: 'stripe' }))).toBe(true);
    expect(awaitsSending(txn({ providerRefundId: 're_1' }))).toBe(false);
    expect(awaitsSending(txn({ gateway: 'bank_transfer' }))).toBe(false);
    expect(awaitsSending(txn({ status: 'failure' }))).toBe(false);
  });

  it('the provider holds it once claimed or answered, until it is final', () => {
    expect(awaitsProvider(txn())).toBe(false);
    expect(awaitsProvider(txn({ provider: 'stripe' }))).toBe(true);
    expect(awaitsProvider(txn({ providerRefundId: 're_1' }))).toBe(true);
    expect(awaitsProvider(txn({ provider: 'stripe', status: 'failure' }))).toBe(false);
  });

  it('an admin settles what no provider holds, and gets a 409 saying why for what one does; no new attempt opens meanwhile', () => {
    expect(settleByHand(refund(), 'txn_0', { status: 'failure' })?.transactions[0]?.status).toBe('failure');
    expect(settleByHand(refund(), 'txn_nope', { status: 'failure' })).toBeUndefined();
    expect(() => settleByHand(held(), 'txn_0', { status: 'failure' })).toThrow(/sent to stripe as re_1/);
    expect(() => settleByHand(held({ providerRefundId: undefined }), 'txn_0', { status: 'success' })).toThrow(/being sent to stripe/);
    expect(() => openAttempt(held(), { paymentMethod: 'card' }, {}, ids)).toThrow(/awaits the payment provider/);
    expect(() => openAttempt(held(), { paymentMethod: 'card' }, {}, ids)).toThrow(ConflictError);
  });

  it('a claim names the provider; its answer records the refund id, or settles when already final, once', () => {
    const claimed = claimForProvider(refund(), txn(), 'stripe');
    expect(claimed).toMatchObject({ version: 2, transactions: [{ provider: 'stripe', status: 'pending' }] });
    const answered = recordProviderRefund(claimed, 'txn_0', { status: 'pending', providerRefundId: 're_1' });
    expect(answered?.transactions[0]).toMatchObject({ providerRefundId: 're_1', status: 'pending' });
    expect(recordProviderRefund(answered as Refund, 'txn_0', { status: 'pending', providerRefundId: 're_1' })).toBeUndefined();
    const refused = recordProviderRefund(claimed, 'txn_0', { status: 'failure', providerRefundId: null, errorCode: 'card_declined', message: 'no' });
    expect(refused).toMatchObject({ owed: 6050, transactions: [{ status: 'failure', errorCode: 'card_declined' }] });
  });
});

describe('a provider event', () => {
  it('names each field on which it differs from what was sent', () => {
    expect(eventMismatches(held().transactions[0]!, event(), sent)).toEqual([]);
    expect(eventMismatches(held().transactions[0]!, event({ amount: 1, currency: 'eur', providerRefundId: 're_2', paymentIntent: 'pi_2' }), sent)).toEqual([
      'providerRefundId',
      'paymentIntent',
      'amount',
      'currency',
    ]);
    expect(eventMismatches(txn({ gateway: 'bank_transfer' }), event(), sent)).toEqual(['gateway', 'provider']);
    expect(eventMismatches(held().transactions[0]!, event({ amount: null, currency: null, paymentIntent: null }), sent)).toEqual([
      'paymentIntent',
      'amount',
      'currency',
    ]);
    expect(eventMismatches(held().transactions[0]!, event(), { provider: 'stripe', paymentReference: null })).toEqual(['paymentIntent']);
    // Before our record of its refund id: matched on the metadata that found it and on the rest.
    expect(eventMismatches(txn({ provider: 'stripe' }), event({ providerRefundId: 're_9' }), sent)).toEqual([]);
  });

  it('settles a pending transaction, reverses a success it reports failed, and otherwise changes nothing', () => {
    expect(applyProviderEvent(held(), event({ transactionId: 'txn_x' }), sent)).toEqual({ kind: 'mismatch', fields: ['transactionId'] });
    expect(applyProviderEvent(held(), event({ amount: 100 }), sent)).toEqual({ kind: 'mismatch', fields: ['amount'] });

    const paid = applied(held(), event());
    expect(paid).toMatchObject({ owed: 0, transactions: [{ status: 'success', providerRefundId: 're_1' }] });
    expect(applyProviderEvent(paid, event(), sent)).toEqual({ kind: 'unchanged', reason: 'already success' });

    const reversed = applied(paid, event({ status: 'failure', errorCode: 'expired_or_canceled_card', message: 'Stripe refund failed' }));
    expect(reversed).toMatchObject({
      owed: 6050,
      version: paid.version + 1,
      transactions: [{ status: 'failure', errorCode: 'expired_or_canceled_card', message: 'Stripe refund failed' }],
    });
    expect(applyProviderEvent(reversed, event({ status: 'failure' }), sent)).toEqual({ kind: 'unchanged', reason: 'already failure' });
    expect(applyProviderEvent(reversed, event(), sent)).toMatchObject({ kind: 'unchanged', reason: expect.stringContaining('final') });
    // Then a new attempt pays what the reversal left owed.
    expect(openAttempt(reversed, { paymentMethod: 'card' }, { gateway: 'voucher' }, ids)).toMatchObject({ owed: 0 });
  });

  it('overtaking our record of the refund id, settles and keeps the provider id', () => {
    const claimed = refund([txn({ provider: 'stripe' })]);
    expect(applied(claimed, event({ status: 'failure', errorCode: 'declined' })).transactions[0]).toMatchObject({
      status: 'failure',
      providerRefundId: 're_1',
      errorCode: 'declined',
    });
  });
});
