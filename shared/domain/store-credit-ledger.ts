// The movements of a store-credit account, as pure functions from the account
// as read to the account to write and the transaction row that records it:
//
//   balance = Σ lots.remaining ≥ 0        after every movement
//   balanceAfter of a row = the account's balance once it is written
//
// The caller writes both in ONE transaction conditioned on the version read
// (store-credit-repo.ts), so two movements never both apply to one version.
// A lot spent to zero leaves the account item (its rows keep its history, and
// each allocation keeps what a revert needs to rebuild it): the item holds only
// live lots, so it does not grow with the account's age. Ids and time are passed in.
import { BusinessRuleError } from './errors.ts';
import { sum } from './money.ts';
import type { CreditAccount, CreditAllocation, CreditKind, CreditLot, CreditOrigin, CreditTransaction, StoreCreditSettings } from './store-credit.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface Movement {
  readonly account: CreditAccount;
  readonly transaction: CreditTransaction;
}

/** Who, when, and the id of the row to write. */
export interface MovementContext {
  readonly transactionId: string;
  readonly now: string;
  readonly by: string;
  readonly note?: string | null | undefined;
}

export const emptyAccount = (customerId: string, currency: string): CreditAccount => ({ customerId, currency, balance: 0, lots: [], version: 0 });

/** `expiresInDays` after `now`, or never (null). */
export const expiryFrom = (now: string, expiresInDays: number | null): string | null =>
  expiresInDays === null ? null : new Date(Date.parse(now) + expiresInDays * DAY_MS).toISOString();

const isExpired = (lot: Pick<CreditLot, 'expiresAt'>, now: string): boolean => lot.expiresAt !== null && lot.expiresAt <= now;

/** Soonest expiry first, lots without expiry last; ties by id (oldest first, ids are time-sortable). */
const bySpendOrder = (a: CreditLot, b: CreditLot): number => {
  if (a.expiresAt !== b.expiresAt) {
    if (a.expiresAt === null) return 1;
    if (b.expiresAt === null) return -1;
    return a.expiresAt < b.expiresAt ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

/** The account with `lots` (spent lots dropped, spend order kept), its balance their sum, one version on. */
const withLots = (account: CreditAccount, lots: readonly CreditLot[]): CreditAccount => {
  const live = lots.filter((l) => l.remaining > 0).sort(bySpendOrder);
  return { ...account, lots: live, balance: sum(live.map((l) => l.remaining)), version: account.version + 1 };
};

const row = (
  before: CreditAccount,
  after: CreditAccount,
  fields: { kind: CreditKind; amount: number; origin: CreditOrigin; allocations: CreditAllocation[]; expiresAt: string | null },
  ctx: MovementContext,
): CreditTransaction => ({
  id: ctx.transactionId,
  customerId: before.customerId,
  currency: before.currency,
  ...fields,
  balanceAfter: after.balance,
  note: ctx.note ?? null,
  by: ctx.by,
  createdAt: ctx.now,
});

/** What can be spent now: lots past their expiry are not, even before the expiry job has swept them. */
export const spendable = (account: CreditAccount, now: string): number => sum(account.lots.filter((l) => !isExpired(l, now)).map((l) => l.remaining));

/**
 * A new lot of `amount` from `origin` (the lot's id is the transaction's),
 * and a `bonus` beside it as its own lot with origin `bonus`: one row, whose
 * amount is both and whose `bonus` says how much of it was the bonus.
 */
export const credit = (
  account: CreditAccount,
  grant: { amount: number; origin: CreditOrigin; expiresAt: string | null; bonus?: number },
  ctx: MovementContext,
): Movement => {
  const { bonus = 0, ...given } = grant;
  const lot = (id: string, origin: CreditOrigin, amount: number): CreditLot => ({ id, origin, amount, remaining: amount, expiresAt: grant.expiresAt });
  const lots = [
    lot(ctx.transactionId, given.origin, given.amount),
    ...(bonus > 0 ? [lot(`${ctx.transactionId}_bonus`, { type: 'bonus', id: given.origin.id }, bonus)] : []),
  ];
  const after = withLots(account, [...account.lots, ...lots]);
  const allocations = lots.map((l) => ({ lotId: l.id, amount: l.amount, origin: l.origin, expiresAt: l.expiresAt }));
  const transaction = row(account, after, { kind: 'credit', ...given, amount: given.amount + bonus, allocations }, ctx);
  return { account: after, transaction: bonus > 0 ? { ...transaction, bonus } : transaction };
};

/**
 * Takes `amount` from the lots that expire soonest (lots without expiry last),
 * or refuses with 422 insufficient_funds when the spendable balance is short.
 */
export const debit = (account: CreditAccount, spend: { amount: number; origin: CreditOrigin }, ctx: MovementContext): Movement => {
  const available = spendable(account, ctx.now);
  if (available < spend.amount) {
    throw new BusinessRuleError('insufficient_funds', `The store credit balance (${available}) is less than ${spend.amount}.`, {
      errors: [{ path: 'amount', message: `must not exceed the spendable balance of ${available}` }],
      balance: available,
    });
  }
  let left = spend.amount;
  const allocations: CreditAllocation[] = [];
  const lots = account.lots.map((lot) => {
    if (left === 0 || isExpired(lot, ctx.now)) return lot;
    const take = Math.min(lot.remaining, left);
    left -= take;
    allocations.push({ lotId: lot.id, amount: take, origin: lot.origin, expiresAt: lot.expiresAt });
    return { ...lot, remaining: lot.remaining - take };
  });
  const after = withLots(account, lots);
  return { account: after, transaction: row(account, after, { kind: 'debit', ...spend, allocations, expiresAt: null }, ctx) };
};

/**
 * Puts each allocation of `debitRow` back into its lot. A lot spent to zero
 * meanwhile is rebuilt from the allocation; a lot past its expiry comes back as
 * a new lot (id `newLotId(i)`) expiring `expiresInDays` from now. 409 when the
 * debit was reverted already (the caller's marker makes that race-proof too).
 */
export const revert = (
  account: CreditAccount,
  debitRow: CreditTransaction,
  expiresInDays: number | null,
  ctx: MovementContext & { readonly newLotId: (index: number) => string },
): Movement => {
  const lots = [...account.lots];
  const allocations = debitRow.allocations.map((a, i): CreditAllocation => {
    if (a.expiresAt !== null && a.expiresAt <= ctx.now) {
      const expiresAt = expiryFrom(ctx.now, expiresInDays);
      lots.push({ id: ctx.newLotId(i), origin: a.origin, amount: a.amount, remaining: a.amount, expiresAt });
      return { ...a, lotId: ctx.newLotId(i), expiresAt };
    }
    const at = lots.findIndex((l) => l.id === a.lotId);
    const lot = lots[at];
    if (lot) {
      const remaining = lot.remaining + a.amount;
      lots[at] = { ...lot, remaining, amount: Math.max(lot.amount, remaining) };
    } else lots.push({ id: a.lotId, origin: a.origin, amount: a.amount, remaining: a.amount, expiresAt: a.expiresAt });
    return a;
  });
  const after = withLots(account, lots);
  const transaction = row(account, after, { kind: 'revert', amount: debitRow.amount, origin: debitRow.origin, allocations, expiresAt: null }, ctx);
  return { account: after, transaction: { ...transaction, revertOf: debitRow.id } };
};

/** Removes what is left of lots at or past their expiry: one `expiry` row per lot (undefined when the lot is gone or not due). */
export const expireLot = (account: CreditAccount, lotId: string, ctx: MovementContext): Movement | undefined => {
  const lot = account.lots.find((l) => l.id === lotId);
  if (!lot || !isExpired(lot, ctx.now)) return undefined;
  const after = withLots(
    account,
    account.lots.filter((l) => l.id !== lotId),
  );
  const allocations = [{ lotId, amount: lot.remaining, origin: lot.origin, expiresAt: lot.expiresAt }];
  return {
    account: after,
    transaction: row(account, after, { kind: 'expiry', amount: lot.remaining, origin: lot.origin, allocations, expiresAt: lot.expiresAt }, ctx),
  };
};

/** The lots of the account past due at `now`. */
export const dueLots = (account: CreditAccount, now: string): CreditLot[] => account.lots.filter((l) => isExpired(l, now));

/** The lots expiring within `reminderDays` of `now` (not yet expired): those a reminder tells about. */
export const lotsToRemind = (account: CreditAccount, now: string, reminderDays: number): CreditLot[] => {
  const horizon = new Date(Date.parse(now) + reminderDays * DAY_MS).toISOString();
  return account.lots.filter((l) => l.expiresAt !== null && l.expiresAt > now && l.expiresAt <= horizon);
};

/** The earliest expiry among the account's lots, or null: when the expiry job next has work on it. */
export const nextExpiry = (account: CreditAccount): string | null =>
  account.lots.reduce<string | null>((soonest, l) => (l.expiresAt !== null && (soonest === null || l.expiresAt < soonest) ? l.expiresAt : soonest), null);

/** The bonus for choosing store credit: percent of the amount rounded down, plus flat, capped at max. */
export const bonusFor = (amount: number, bonus: StoreCreditSettings['bonus']): number => {
  if (amount <= 0) return 0;
  const earned = Math.floor((amount * bonus.percent) / 100) + bonus.flat;
  return bonus.max === null ? earned : Math.min(earned, bonus.max);
};

/** A debit or revert needs an account in its currency; another currency's credit is a 422 of its own. */
export const currencyMismatch = (currency: string, held: readonly string[]): BusinessRuleError =>
  new BusinessRuleError('currency_mismatch', `The customer holds no store credit in ${currency} (only ${held.join(', ')}).`, {
    errors: [{ path: 'currency', message: `must be one of ${held.join(', ')}` }],
  });
