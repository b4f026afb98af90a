// The money side of a refund once it exists: what it still owes, how its
// transactions settle, and a new attempt after a failure. A refund's total is
// fixed when it is created; its transactions pay it. A failed transaction pays
// nothing, so its amount stays owed until another attempt succeeds:
//
//   owed = total − Σ amount of the successful transactions   (0 ≤ owed ≤ total)
//
// At most one transaction is pending at a time and a new one is for exactly
// what is owed, so the successful ones can never add up to more than the total.
// Pure: ids, codes and time are passed in.
import * as z from 'zod/mini';
import { RefundAccount } from './cancellation.ts';
import { BusinessRuleError, ConflictError, ValidationError } from './errors.ts';
import { sum } from './money.ts';
import type { Order } from './order.ts';
import { lazy } from './pure.ts';
import {
  awaitsProvider,
  initialTransactionStatus,
  type Refund,
  RefundGateway,
  type RefundTransaction,
  settleTransaction,
  type TransactionBody,
} from './refund.ts';
import { OptionalText } from './schema-kit.ts';

/** What the refund still owes: its total less what its successful transactions paid. */
export const owedOf = (refund: Pick<Refund, 'total' | 'transactions'>): number =>
  refund.total - sum(refund.transactions.filter((t) => t.status === 'success').map((t) => t.amount));

/** The refund with `transactions` and the `owed` they leave, one version on. */
export const withTransactions = (refund: Refund, transactions: RefundTransaction[]): Refund => ({
  ...refund,
  transactions,
  owed: owedOf({ total: refund.total, transactions }),
  version: refund.version + 1,
});

/** Settles one pending transaction of the refund (409 when it is not pending), noting the provider's refund id when known. */
export const settleRefund = (refund: Refund, transactionId: string, body: TransactionBody, providerRefundId?: string | null): Refund | undefined => {
  const txn = refund.transactions.find((t) => t.id === transactionId);
  if (!txn) return undefined;
  const settled = { ...settleTransaction(txn, body), ...(providerRefundId ? { providerRefundId } : {}) };
  return withTransactions(
    refund,
    refund.transactions.map((t) => (t.id === txn.id ? settled : t)),
  );
};

/**
 * An admin settles a transaction by hand (the manual flow): 409 when the
 * payment provider holds it, since its own events will settle it and a hand
 * "failure" followed by a new attempt would pay the refund twice.
 */
export const settleByHand = (refund: Refund, transactionId: string, body: TransactionBody): Refund | undefined => {
  const txn = refund.transactions.find((t) => t.id === transactionId);
  if (txn && awaitsProvider(txn)) {
    const sent = txn.providerRefundId ? `sent to ${txn.provider ?? 'the payment provider'} as ${txn.providerRefundId}` : `being sent to ${txn.provider}`;
    throw new ConflictError(`Transaction ${txn.id} is ${sent}: only the provider's signed events settle it, not a hand.`, { allowedTransitions: [] });
  }
  return settleRefund(refund, transactionId, body);
};

export const NewAttemptBody = /* @__PURE__ */ lazy(() =>
  z
    .object({
      gateway: z.optional(RefundGateway).clone().register(z.globalRegistry, { description: "Default: the last attempt's gateway." }),
      refundAccount: z.optional(RefundAccount).clone().register(z.globalRegistry, { description: 'Where a bank transfer goes (this, or `iban`).' }),
      iban: OptionalText(64).clone().register(z.globalRegistry, { description: 'Where a bank transfer goes (this, or `refundAccount`).' }),
    })
    .clone()
    .register(z.globalRegistry, { id: 'RefundAttemptBody' }),
);
export type NewAttemptBody = z.infer<typeof NewAttemptBody>;

export interface AttemptIds {
  readonly transactionId: string;
  readonly voucherCode: () => string;
  readonly now: string;
  /** `ibanOf` (iban.ts), handed in so that the refunds function loads ibantools only for an attempt. */
  readonly readIban: (typed: string) => string | undefined;
}

const payee = (body: NewAttemptBody, readIban: AttemptIds['readIban']): Pick<RefundTransaction, 'refundAccount' | 'iban'> => {
  const iban = body.iban ? readIban(body.iban) : undefined;
  if (body.iban && !iban) throw new ValidationError([{ path: 'iban', message: 'is not a valid IBAN' }]);
  if (!iban && !body.refundAccount) {
    throw new ValidationError([
      { path: 'refundAccount', message: 'a bank transfer needs refundAccount or iban' },
      { path: 'iban', message: 'a bank transfer needs refundAccount or iban' },
    ]);
  }
  return { ...(body.refundAccount ? { refundAccount: body.refundAccount } : {}), ...(iban ? { iban } : {}) };
};

/**
 * Why a new attempt cannot open now (the 409 of `openAttempt`), or undefined
 * when one can: the back office offers "Retry" only then.
 */
export const whyNoNewAttempt = (refund: Pick<Refund, 'total' | 'transactions'>): string | undefined => {
  const pending = refund.transactions.find((t) => t.status === 'pending');
  if (pending) {
    const why = awaitsProvider(pending)
      ? 'awaits the payment provider: a new attempt opens once the provider reports it failed'
      : 'is still pending: settle it first';
    return `Transaction ${pending.id} of this refund ${why}.`;
  }
  return owedOf(refund) <= 0 ? 'This refund owes nothing.' : undefined;
};

/**
 * A new attempt to pay what the refund owes: 409 while one is pending or when
 * nothing is owed. A voucher succeeds at once with a code; every other gateway
 * is pending until settled (a card one goes to the payment provider when one
 * is configured).
 */
export const openAttempt = (refund: Refund, order: Pick<Order, 'paymentMethod'>, body: NewAttemptBody, ids: AttemptIds): Refund => {
  const refused = whyNoNewAttempt(refund);
  if (refused) throw new ConflictError(refused, { allowedTransitions: [] });
  const owed = owedOf(refund);
  const gateway = body.gateway ?? refund.transactions.at(-1)?.gateway ?? 'bank_transfer';
  if (gateway === 'card' && order.paymentMethod !== 'card') {
    throw new BusinessRuleError('gateway_unavailable', 'Only an order paid by card can be refunded to a card.', {
      errors: [{ path: 'gateway', message: `must not be card for an order paid by ${order.paymentMethod}` }],
    });
  }
  const status = initialTransactionStatus(gateway);
  const txn: RefundTransaction = {
    id: ids.transactionId,
    kind: 'refund',
    amount: owed,
    currency: refund.currency,
    gateway,
    status,
    message: null,
    errorCode: null,
    createdAt: ids.now,
    ...(gateway === 'voucher' ? { voucherCode: ids.voucherCode() } : {}),
    ...(gateway === 'bank_transfer' ? payee(body, ids.readIban) : {}),
  };
  return withTransactions(refund, [...refund.transactions, txn]);
};
