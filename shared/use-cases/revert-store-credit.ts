// POST /store-credit/debits/{debitId}/revert: the storefront gives back what a
// debit took (the checkout failed, the order was cancelled), once.
import type { IdempotencyKey } from '#shared/adapters/idempotency';
import { newId } from '#shared/adapters/ids';
import { getSettings } from '#shared/adapters/settings-repo';
import { getDebit } from '#shared/adapters/store-credit-repo';
import { ConflictError, NotFoundError } from '#shared/domain/errors';
import type { CreditTransaction } from '#shared/domain/store-credit';
import { revert } from '#shared/domain/store-credit-ledger';
import { moveCredit } from './steps/move-credit.ts';

export interface RevertStoreCredit {
  readonly debitId: string;
  readonly by: string;
  readonly now: string;
  readonly idempotency?: IdempotencyKey | undefined;
}

/** Puts each allocation back (409 when reverted already: the debit's own marker decides a race). */
export const revertStoreCredit = async ({ debitId, by, now, idempotency }: RevertStoreCredit): Promise<CreditTransaction> => {
  const [found, settings] = await Promise.all([getDebit(debitId), getSettings()]);
  if (!found) throw new NotFoundError('The debit');
  const debitRow = found.debit;
  if (debitRow.revertedBy) throw new ConflictError(`The debit ${debitId} has been reverted already.`, { allowedTransitions: [] });
  if (found.paidOrderId) {
    throw new ConflictError(`The debit ${debitId} pays for the order ${found.paidOrderId}: refund the order instead.`, { allowedTransitions: [] });
  }
  const id = newId('sct');
  const moved = await moveCredit({
    customerId: debitRow.customerId,
    currency: debitRow.currency,
    now,
    idempotency,
    plan: (account) => ({
      movement: revert(account, debitRow, settings.storeCredit.expiresInDays, { transactionId: id, now, by, newLotId: (i) => `${id}_${i}` }),
      extras: { revertOf: found },
    }),
  });
  return (moved as NonNullable<typeof moved>).transaction;
};
