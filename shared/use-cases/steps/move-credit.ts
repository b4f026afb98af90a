// The step every store-credit movement shares: read the customer's accounts,
// plan the movement on the one in its currency, write it in ONE transaction
// (store-credit-repo.ts `movementItems`, plus the caller's own items and the
// Idempotency-Key's record), and on a lost version race read and plan again.
import { type GuardedItem, transact } from '#shared/adapters/dynamo';
import { type IdempotencyKey, idempotencyRecord } from '#shared/adapters/idempotency';
import { AccountChangedError, listAccounts, type MovementExtras, movementItems } from '#shared/adapters/store-credit-repo';
import type { CreditAccount } from '#shared/domain/store-credit';
import { emptyAccount, type Movement } from '#shared/domain/store-credit-ledger';
import { ConcurrentChangeError, retryOnChange } from './retry-on-change.ts';

export interface PlannedMovement {
  readonly movement: Movement;
  readonly extras?: MovementExtras;
  /** Items of the caller's own written in the same transaction (a gift card redeemed with its credit). */
  readonly with?: readonly GuardedItem[];
}

export interface MoveCredit<R> {
  readonly customerId: string;
  /** What else the plan needs, read beside the accounts on every attempt (a gift card). */
  readonly read?: () => Promise<R>;
  /** The account's currency, or how to learn it from what `read` found. */
  readonly currency: string | ((read: R) => string);
  /** From the account as read (an empty one, version 0, when none exists) and the currencies the customer holds; undefined: nothing to write. */
  readonly plan: (account: CreditAccount, held: readonly string[], read: R) => PlannedMovement | undefined;
  readonly now: string;
  readonly idempotency?: IdempotencyKey | undefined;
  /** What the Idempotency-Key remembers (default: the movement's row). */
  readonly answer?: (movement: Movement) => unknown;
}

/**
 * Enough tries for every one of many racing checkouts to get its answer (a
 * debit or a 422) rather than a 409: each round of a race commits one of them.
 */
const ATTEMPTS = 60;

export const moveCredit = <R = undefined>({ customerId, read, currency, plan, now, idempotency, answer }: MoveCredit<R>): Promise<Movement | undefined> =>
  retryOnChange(async () => {
    const [accounts, extra] = await Promise.all([listAccounts(customerId), read ? read() : (undefined as R)]);
    const code = typeof currency === 'string' ? currency : currency(extra);
    const account = accounts.find((a) => a.currency === code) ?? emptyAccount(customerId, code);
    const planned = plan(
      account,
      accounts.map((a) => a.currency),
      extra,
    );
    if (!planned) return undefined;
    try {
      await transact([
        ...idempotencyRecord(idempotency, answer ? answer(planned.movement) : planned.movement.transaction, now),
        ...movementItems(planned.movement, account.version, planned.extras),
        ...(planned.with ?? []),
      ]);
    } catch (error) {
      if (error instanceof AccountChangedError) throw new ConcurrentChangeError('store credit account');
      throw error;
    }
    return planned.movement;
  }, ATTEMPTS);
