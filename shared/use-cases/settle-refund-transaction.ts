// An admin reports how a pending refund transaction ended (a bank transfer
// made, a card refund the provider refused): steps/settle-transaction.ts.
import type { Refund } from '#shared/domain/refund';
import { type SettleTransaction, settleTransaction } from './steps/settle-transaction.ts';

/** Settles the transaction by hand: the admin names no provider refund. */
export const settleRefundTransaction = ({ refundId, transactionId, body, now }: Omit<SettleTransaction, 'providerRefundId'>): Promise<Refund> =>
  settleTransaction({ refundId, transactionId, body, now });
