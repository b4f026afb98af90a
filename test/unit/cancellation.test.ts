// Cancellations: who may cancel when, the record, and its status machine.
import { describe, expect, it } from 'vitest';
import {
  buildCancellation,
  CANCELLATION_STATUSES,
  CANCELLATION_TRANSITIONS,
  type Cancellation,
  CreateCancellationBody,
  checkCustomerMayCancel,
  checkOrderCancellable,
  checkRefundAccount,
  isImmediate,
  RefundAccount,
  transitionCancellation,
  unitsToRestore,
  withRefund,
  withVoucher,
} from '#shared/domain/cancellation';
import { BusinessRuleError, ConflictError, ValidationError } from '#shared/domain/errors';
import { buildOrder, type Order } from '#shared/domain/order';
import { ORDER_STATUSES } from '#shared/domain/order-status';
import { defaultSettings } from '#shared/domain/settings';
import { orderBody } from '../support/orders.ts';

const NOW = '2026-11-21T10:00:00.000Z';
const order = buildOrder(orderBody(), { id: 'ord_1', number: 'N1', lineIds: ['li_1', 'li_2'], now: NOW, by: 's' });
const settings = defaultSettings('shop@example.com');
const account = { accountName: 'Ada', accountNumber: '12345678', bankName: 'Bank' };
const requested = buildCancellation(order, { id: 'can_1', now: NOW, requestedBy: 'customer', reasonId: 'rsn_x', refundAccount: account }, 'requested');

const errorOf = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('cancellation', () => {
  it('lets a customer cancel in the configured statuses; 409 once the table forbids it, 422 for the policy', () => {
    for (const status of ORDER_STATUSES) {
      const error = errorOf(() => checkCustomerMayCancel({ status }, settings));
      if (['pending', 'confirmed', 'picked_up'].includes(status)) expect(error).toBeUndefined();
      else if (status === 'delivery_failed') expect((error as BusinessRuleError).details.rule).toBe('not_cancellable');
      else {
        expect(error).toBeInstanceOf(ConflictError);
        expect((error as ConflictError).details.allowedTransitions).not.toContain('cancelled');
      }
    }
    const strict = { cancellation: { customerCancellableStatuses: ['pending' as const] } };
    expect(errorOf(() => checkCustomerMayCancel({ status: 'confirmed' }, strict))).toBeInstanceOf(BusinessRuleError);
    expect(errorOf(() => checkOrderCancellable({ status: 'delivery_failed' }))).toBeUndefined();
    expect(errorOf(() => checkOrderCancellable({ status: 'delivered' }))).toBeInstanceOf(ConflictError);
  });

  it('is immediate only when nothing was paid, and wants an account for paid non-card orders', () => {
    expect(isImmediate({ paymentStatus: 'unpaid' })).toBe(true);
    expect(isImmediate({ paymentStatus: 'paid' })).toBe(false);
    const paid = (paymentMethod: Order['paymentMethod']) => ({ paymentMethod, paymentStatus: 'paid' as const });
    expect(errorOf(() => checkRefundAccount(paid('card'), undefined))).toBeUndefined();
    for (const method of ['bank_transfer', 'voucher', 'cod'] as const) {
      const error = errorOf(() => checkRefundAccount(paid(method), undefined));
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).details.errors).toEqual([{ path: 'refundAccount', message: expect.any(String) }]);
      expect(errorOf(() => checkRefundAccount(paid(method), account))).toBeUndefined();
    }
    expect(errorOf(() => checkRefundAccount({ paymentMethod: 'cod', paymentStatus: 'unpaid' }, undefined))).toBeUndefined();
  });

  it('wants at least 6 digits in an account number', () => {
    expect(RefundAccount.safeParse({ ...account, accountNumber: '12345' }).success).toBe(false);
    expect(RefundAccount.safeParse({ ...account, accountNumber: 'abcdefgh' }).success).toBe(false);
    expect(RefundAccount.safeParse({ ...account, accountNumber: '12-34 56' }).success).toBe(true);
    expect(RefundAccount.safeParse({ ...account, accountNumber: 'GB82 WEST 1234 5698 7654 32' }).success).toBe(true);
    expect(RefundAccount.safeParse({ ...account, accountNumber: '123456;' }).success).toBe(false);
    const bad = CreateCancellationBody.safeParse({ reasonId: 'nope', refundAccount: { accountNumber: '1' } });
    expect(bad.success).toBe(false);
  });

  it('builds the record from the order and the request', () => {
    expect(requested).toEqual({
      id: 'can_1',
      orderId: 'ord_1',
      orderNumber: 'N1',
      customerId: 'customer-1',
      requestedBy: 'customer',
      reasonId: 'rsn_x',
      reasonText: null,
      comment: null,
      refundAccount: { ...account, bankBranch: null },
      status: 'requested',
      rejectionReason: null,
      refundAmount: null,
      refundId: null,
      createdAt: NOW,
      updatedAt: NOW,
      version: 1,
    } satisfies Cancellation);
    const admin = buildCancellation(order, { id: 'can_2', now: NOW, requestedBy: 'admin', reasonId: 'rsn_x', comment: 'fraud', reasonText: 'r' }, 'approved');
    expect(admin).toMatchObject({ status: 'approved', requestedBy: 'admin', comment: 'fraud', reasonText: 'r', refundAccount: null });
  });

  it('allows exactly the transitions of the table', () => {
    for (const from of CANCELLATION_STATUSES) {
      for (const to of CANCELLATION_STATUSES) {
        const attempt = () => transitionCancellation({ ...requested, status: from }, to, '2026-11-22T00:00:00.000Z', { rejectionReason: 'no' });
        if ((CANCELLATION_TRANSITIONS[from] as readonly string[]).includes(to)) {
          expect(attempt()).toMatchObject({ status: to, version: 2, updatedAt: '2026-11-22T00:00:00.000Z', rejectionReason: 'no' });
        } else {
          const error = errorOf(attempt) as ConflictError;
          expect(error).toBeInstanceOf(ConflictError);
          expect(error.details.allowedTransitions).toEqual(CANCELLATION_TRANSITIONS[from]);
        }
      }
    }
  });

  it('records its refund, and is refunded at once when the refund owes nothing already', () => {
    const approved = transitionCancellation(requested, 'approved', NOW);
    expect(withRefund(approved, undefined)).toMatchObject({ status: 'approved', refundAmount: 0, refundId: null, version: 2 });
    expect(withRefund(approved, { id: 'rfd_1', total: 6050, owed: 6050 })).toMatchObject({
      status: 'approved',
      refundAmount: 6050,
      refundId: 'rfd_1',
    });
    expect(withRefund(approved, { id: 'rfd_1', total: 6050, owed: 0 }).status).toBe('refunded');
    // A voucher issued at once is kept on the cancellation: its email is the only one that tells the code.
    expect(withVoucher(approved, { transactions: [{ voucherCode: 'VCH-1' }] })).toMatchObject({ voucherCode: 'VCH-1' });
    expect(withVoucher(approved, { transactions: [{}] })).not.toHaveProperty('voucherCode');
  });

  it('restores the units not already refunded', () => {
    expect(unitsToRestore(order)).toEqual([
      { sku: 'MUG-1', quantity: 3 },
      { sku: 'TEE-1', quantity: 1 },
    ]);
    const partly = { lineItems: order.lineItems.map((l, i) => ({ ...l, refundedQuantity: i === 0 ? 1 : 1 })) };
    expect(unitsToRestore(partly)).toEqual([{ sku: 'MUG-1', quantity: 2 }]);
  });
});
