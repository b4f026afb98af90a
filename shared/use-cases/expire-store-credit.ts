// The daily store-credit job (functions/schedules/expire-store-credit.ts; `npm
// run credit:expire` locally): one `expiry` transaction per lot past due, and
// one reminder per lot `storeCredit.reminderDays` before it expires. Idempotent
// by design: an expired lot has left its account and has a once-marker, a
// reminded lot has its reminder item, so a second run writes nothing.
import { transact } from '#shared/adapters/dynamo';
import { newId } from '#shared/adapters/ids';
import { getSettings } from '#shared/adapters/settings-repo';
import { accountsDueBy, reminderItem } from '#shared/adapters/store-credit-repo';
import { ConflictError } from '#shared/domain/errors';
import type { CreditAccount } from '#shared/domain/store-credit';
import { dueLots, expireLot, lotsToRemind } from '#shared/domain/store-credit-ledger';
import { moveCredit } from './steps/move-credit.ts';

export interface ExpiryRun {
  readonly expired: number;
  readonly reminded: number;
}

const BY = 'system:expiry';
const DAY_MS = 24 * 60 * 60 * 1000;

/** Expires one lot (false when another run or a debit got there first: nothing left to expire). */
const expireOne = async (account: CreditAccount, lotId: string, now: string): Promise<boolean> => {
  try {
    const moved = await moveCredit({
      customerId: account.customerId,
      currency: account.currency,
      now,
      plan: (current) => {
        const movement = expireLot(current, lotId, { transactionId: newId('sct'), now, by: BY });
        return movement && { movement, extras: { expiredLot: lotId } };
      },
    });
    return moved !== undefined;
  } catch (error) {
    // The lot's once-marker: a racing run expired it.
    if (error instanceof ConflictError) return false;
    throw error;
  }
};

/** Writes the lot's reminder item, which the email consumer sends (false: reminded before). */
const remindOne = async (account: CreditAccount, lot: CreditAccount['lots'][number], now: string): Promise<boolean> => {
  try {
    await transact([reminderItem(account, lot, now)]);
    return true;
  } catch (error) {
    if (error instanceof ConflictError) return false;
    throw error;
  }
};

/** Runs the job as of `now` (the scheduler's time, or `--now` on the command line). */
export const expireStoreCredit = async (now: string): Promise<ExpiryRun> => {
  const { storeCredit } = await getSettings();
  const horizon = new Date(Date.parse(now) + storeCredit.reminderDays * DAY_MS).toISOString();
  let expired = 0;
  let reminded = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await accountsDueBy(horizon, start);
    for (const account of page.accounts) {
      for (const lot of dueLots(account, now)) if (await expireOne(account, lot.id, now)) expired++;
      for (const lot of lotsToRemind(account, now, storeCredit.reminderDays)) if (await remindOne(account, lot, now)) reminded++;
    }
    start = page.next;
  } while (start);
  return { expired, reminded };
};
