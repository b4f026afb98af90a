import { describe, expect, it } from 'vitest';
import type { Refund, RefundTransaction } from '#shared/domain/refund';
import { queueStatus, transactionRows } from '#shared/domain/refund-queue';

const txn = (id: string, status: RefundTransaction['status']): RefundTransaction => ({
  id,
  kind: 'refund',
  amount: 500,
  currency: 'EUR',
  gateway: 'bank_transfer',
  status,
  message: null,
  errorCode: null,
  createdAt: `2026-11-2${id.slice(-1)}T10:00:00.000Z`,
});

const refundWith = (...transactions: RefundTransaction[]) =>
  ({ id: 'rfd_1', orderId: 'ord_1', source: { type: 'cancellation', id: 'can_1' }, transactions }) as unknown as Refund;

describe('transactionRows', () => {
  it('gives every transaction a row with its refund, order and source', () => {
    const rows = transactionRows(refundWith(txn('txn_1', 'pending')));
    expect(rows).toEqual([{ ...txn('txn_1', 'pending'), refundId: 'rfd_1', orderId: 'ord_1', source: { type: 'cancellation', id: 'can_1' }, retried: false }]);
    expect(queueStatus(rows[0] as (typeof rows)[number])).toBe('pending');
  });

  it('takes a failure out of the failure queue once a later attempt exists, and only then', () => {
    const rows = transactionRows(refundWith(txn('txn_1', 'failure'), txn('txn_2', 'failure'), txn('txn_3', 'pending')));
    expect(rows.map((r) => [r.id, r.retried, queueStatus(r)])).toEqual([
      ['txn_1', true, 'retried'],
      ['txn_2', true, 'retried'],
      ['txn_3', false, 'pending'],
    ]);
    const lastFailed = transactionRows(refundWith(txn('txn_1', 'failure'), txn('txn_2', 'failure')));
    expect(lastFailed.map(queueStatus)).toEqual(['retried', 'failure']);
  });

  it('never marks a success as retried', () => {
    expect(transactionRows(refundWith(txn('txn_1', 'success'), txn('txn_2', 'pending'))).map(queueStatus)).toEqual(['success', 'pending']);
  });
});
