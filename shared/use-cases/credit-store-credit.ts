// POST /admin/customers/{customerId}/store-credit/credits: an admin's manual
// credit with a note, expiring as the body or the settings say.
import type { IdempotencyKey } from '#shared/adapters/idempotency';
import { newId } from '#shared/adapters/ids';
import { getSettings } from '#shared/adapters/settings-repo';
import { ValidationError } from '#shared/domain/errors';
import type { CreditTransaction, ManualCreditBody } from '#shared/domain/store-credit';
import { credit, expiryFrom } from '#shared/domain/store-credit-ledger';
import { moveCredit } from './steps/move-credit.ts';

export interface CreditStoreCredit {
  readonly customerId: string;
  readonly body: ManualCreditBody;
  readonly by: string;
  readonly now: string;
  readonly idempotency?: IdempotencyKey | undefined;
}

/** Credits the account (a new lot, origin `manual`): one transaction. */
export const creditStoreCredit = async ({ customerId, body, by, now, idempotency }: CreditStoreCredit): Promise<CreditTransaction> => {
  const settings = await getSettings();
  const expiresAt = body.expiresAt ? new Date(body.expiresAt).toISOString() : expiryFrom(now, settings.storeCredit.expiresInDays);
  if (expiresAt !== null && expiresAt <= now) throw new ValidationError([{ path: 'expiresAt', message: 'must be in the future' }]);
  const id = newId('sct');
  const moved = await moveCredit({
    customerId,
    currency: body.currency,
    now,
    idempotency,
    plan: (account) => ({
      movement: credit(account, { amount: body.amount, origin: { type: 'manual', id }, expiresAt }, { transactionId: id, now, by, note: body.note }),
    }),
  });
  return (moved as NonNullable<typeof moved>).transaction;
};
