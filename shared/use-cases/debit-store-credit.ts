// POST /store-credit/debits (the storefront at checkout) and an admin's manual
// debit: one read of the customer's accounts, one transaction.
import type { IdempotencyKey } from '#shared/adapters/idempotency';
import { newId } from '#shared/adapters/ids';
import type { CreditOrigin, CreditTransaction } from '#shared/domain/store-credit';
import { currencyMismatch, debit } from '#shared/domain/store-credit-ledger';
import { moveCredit } from './steps/move-credit.ts';

export interface DebitStoreCredit {
  readonly customerId: string;
  readonly currency: string;
  readonly amount: number;
  /** The order it pays for (storefront), or none: an admin's manual debit. */
  readonly orderId?: string | undefined;
  readonly note?: string | undefined;
  readonly by: string;
  readonly now: string;
  readonly idempotency?: IdempotencyKey | undefined;
}

/**
 * Takes `amount` from the soonest-expiring lots; 422 insufficient_funds when
 * short, currency_mismatch when the customer holds credit only in other currencies.
 */
export const debitStoreCredit = async (input: DebitStoreCredit): Promise<CreditTransaction> => {
  const id = newId('sct');
  const origin: CreditOrigin = input.orderId ? { type: 'order', id: input.orderId } : { type: 'manual', id };
  const moved = await moveCredit({
    customerId: input.customerId,
    currency: input.currency,
    now: input.now,
    idempotency: input.idempotency,
    plan: (account, held) => {
      if (account.version === 0 && held.length > 0) throw currencyMismatch(input.currency, held);
      return { movement: debit(account, { amount: input.amount, origin }, { transactionId: id, now: input.now, by: input.by, note: input.note }) };
    },
  });
  return (moved as NonNullable<typeof moved>).transaction;
};
