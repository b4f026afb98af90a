// The refund record: its schema, gateways, transaction statuses and settlement.
import { describe, expect, it } from 'vitest';
import { ConflictError } from '#shared/domain/errors';
import {
  defaultGateway,
  initialTransactionStatus,
  paymentStatusAfter,
  RefundBody,
  type RefundTransaction,
  settleTransaction,
  TransactionBody,
} from '#shared/domain/refund';

const txn: RefundTransaction = {
  id: 'txn_1',
  kind: 'refund',
  amount: 500,
  currency: 'USD',
  gateway: 'card',
  status: 'pending',
  message: null,
  errorCode: null,
  createdAt: '2026-11-21T10:00:00.000Z',
};

describe('refund', () => {
  it('sends money back the way it came, COD as cash; only a voucher is settled at once', () => {
    expect(defaultGateway('card')).toBe('card');
    expect(defaultGateway('bank_transfer')).toBe('bank_transfer');
    expect(defaultGateway('voucher')).toBe('voucher');
    expect(defaultGateway('cod')).toBe('cash');
    expect(initialTransactionStatus('voucher')).toBe('success');
    for (const g of ['card', 'bank_transfer', 'cash'] as const) expect(initialTransactionStatus(g)).toBe('pending');
  });

  it('derives the payment status from what went back', () => {
    const order = { paymentStatus: 'paid' as const, totals: { subtotal: 0, discount: 0, tax: 0, shipping: 0, total: 1000, refunded: 0 } };
    expect(paymentStatusAfter(order, 0)).toBe('paid');
    expect(paymentStatusAfter(order, 1)).toBe('partially_refunded');
    expect(paymentStatusAfter(order, 999)).toBe('partially_refunded');
    expect(paymentStatusAfter(order, 1000)).toBe('refunded');
    expect(paymentStatusAfter({ ...order, paymentStatus: 'unpaid' }, 0)).toBe('unpaid');
  });

  it('settles a pending transaction once, to success or failure', () => {
    expect(settleTransaction(txn, { status: 'success', message: 'sent' })).toEqual({ ...txn, status: 'success', message: 'sent', errorCode: null });
    expect(settleTransaction(txn, { status: 'failure', errorCode: 'card_declined' })).toEqual({
      ...txn,
      status: 'failure',
      message: null,
      errorCode: 'card_declined',
    });
    expect(settleTransaction(txn, { status: 'success', errorCode: 'ignored' }).errorCode).toBeNull();
    for (const status of ['success', 'failure'] as const) {
      const attempt = () => settleTransaction({ ...txn, status }, { status: 'failure' });
      expect(attempt).toThrow(ConflictError);
      try {
        attempt();
      } catch (error) {
        expect((error as ConflictError).details.allowedTransitions).toEqual([]);
      }
    }
  });

  it('validates bodies: integer money, known gateways, no pending settlement', () => {
    expect(RefundBody.safeParse({ amount: 10.5 }).success).toBe(false);
    expect(RefundBody.safeParse({ amount: -1 }).success).toBe(false);
    expect(RefundBody.safeParse({ gateway: 'paypal' }).success).toBe(false);
    expect(RefundBody.safeParse({ refundLineItems: [{ lineItemId: 'li_1', quantity: 0 }] }).success).toBe(false);
    expect(RefundBody.safeParse({ refundLineItems: [{ lineItemId: 'li_1', quantity: 1 }], shipping: { amount: 5 }, restock: true, note: 'x' }).success).toBe(
      true,
    );
    expect(TransactionBody.safeParse({ status: 'pending' }).success).toBe(false);
    expect(TransactionBody.safeParse({ status: 'failure', message: 'declined' }).success).toBe(true);
  });
});
