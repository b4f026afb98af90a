// A refund after creation, for the pure ledger tests: one goodwill adjustment
// of `total`, paid by `transactions` (one pending card transaction by default).
import type { Refund, RefundTransaction } from '#shared/domain/refund';
import { owedOf } from '#shared/domain/refund-ledger';

export const LEDGER_NOW = '2026-11-21T10:00:00.000Z';

export const txn = (patch: Partial<RefundTransaction> = {}): RefundTransaction => ({
  id: 'txn_0',
  kind: 'refund',
  amount: 6050,
  currency: 'USD',
  gateway: 'card',
  status: 'pending',
  message: null,
  errorCode: null,
  createdAt: LEDGER_NOW,
  ...patch,
});

export const refund = (transactions: RefundTransaction[] = [txn()], total = 6050): Refund => ({
  id: 'rfd_1',
  orderId: 'ord_1',
  createdAt: LEDGER_NOW,
  note: null,
  restock: false,
  userId: 'admin:a',
  source: { type: 'manual', id: null },
  refundLineItems: [],
  shipping: { amount: 0, tax: 0 },
  orderAdjustments: [{ id: 'adj_1', kind: 'refund_discrepancy', amount: total, tax: 0, reason: 'goodwill' }],
  transactions,
  total,
  owed: owedOf({ total, transactions }),
  currency: 'USD',
  version: 1,
});
