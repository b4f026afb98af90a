// Tracked stock of a SKU (seed 003): the level an admin sets or adjusts, and
// why a change was refused. Pure: the level is read and written by stock-repo.
import { BusinessRuleError, ConflictError, DomainError } from './errors.ts';

export interface StockLevel {
  readonly sku: string;
  readonly tracked: boolean;
  readonly quantity: number | null;
  /** 0 until the SKU's item is first written. */
  readonly version: number;
  readonly updatedAt: string | null;
}

/** A new level (starts tracking the SKU), or an adjustment of a tracked level by ±n. */
export type StockChange = { readonly quantity: number } | { readonly adjust: number };

/** Why a conditional stock write failed, judged on the level read after it: a stale If-Match, an untracked SKU, or too few units. */
export const stockRefusal = (current: StockLevel, change: StockChange, ifMatch: number | undefined): DomainError => {
  if (ifMatch !== undefined && ifMatch !== current.version) {
    return new DomainError('precondition_failed', `If-Match names version ${ifMatch}; the current version is ${current.version}.`);
  }
  if (!current.tracked) return new ConflictError(`SKU ${current.sku} is not tracked: set its level before adjusting it.`, { allowedTransitions: [] });
  const adjust = 'adjust' in change ? change.adjust : 0;
  return new BusinessRuleError('insufficient_stock', `SKU ${current.sku} has ${current.quantity} units; it cannot go below zero.`, {
    errors: [{ path: 'adjust', message: `must be at least -${current.quantity} (${current.quantity} units in stock)` }],
    sku: current.sku,
    requested: adjust,
  });
};
