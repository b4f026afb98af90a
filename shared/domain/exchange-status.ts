// Exchange status machine (API.md "Exchange") as a transition table the
// compiler checks: who may move it, and what a move does, live in the use cases.
import * as z from 'zod/mini';
import { ConflictError } from './errors.ts';
import { lazy } from './pure.ts';

export const EXCHANGE_STATUSES = [
  'requested',
  'approved',
  'awaiting_payment',
  'awaiting_return',
  'released',
  'completed',
  'denied',
  'declined',
  'cancelled',
] as const;
export const ExchangeStatus = /* @__PURE__ */ lazy(() => z.enum(EXCHANGE_STATUSES));
export type ExchangeStatus = z.infer<typeof ExchangeStatus>;

export const EXCHANGE_TRANSITIONS = {
  requested: ['approved', 'denied', 'cancelled'],
  // Passed through at once: approval moves on in the same write (exchangeAfterApproval).
  approved: ['awaiting_payment', 'awaiting_return'],
  awaiting_payment: ['awaiting_return', 'cancelled'],
  awaiting_return: ['released', 'declined'],
  released: ['completed'],
  completed: [],
  denied: [],
  declined: [],
  cancelled: [],
} as const satisfies Record<ExchangeStatus, readonly ExchangeStatus[]>;

export const isFinalExchangeStatus = (status: ExchangeStatus): boolean => EXCHANGE_TRANSITIONS[status].length === 0;

/** Refuses an illegal move with a 409 that lists the legal ones. */
export const checkExchangeTransition = (from: ExchangeStatus, to: ExchangeStatus): void => {
  const allowed: readonly ExchangeStatus[] = EXCHANGE_TRANSITIONS[from];
  if (!allowed.includes(to)) {
    throw new ConflictError(`An exchange cannot go from ${from} to ${to}.`, { allowedTransitions: [...allowed] });
  }
};

/** Where an approval lands at once: a positive difference waits for the customer's payment, anything else for the return. */
export const statusAfterApproval = (differenceDue: number): 'awaiting_payment' | 'awaiting_return' =>
  differenceDue > 0 ? 'awaiting_payment' : 'awaiting_return';

/** The customer may withdraw while nothing is decided, or while the difference is still unpaid. */
export const customerMayCancel = (status: ExchangeStatus): boolean => status === 'requested' || status === 'awaiting_payment';

/** An admin cancels only an exchange whose difference is still unpaid (a requested one is denied instead). */
export const adminMayCancel = (status: ExchangeStatus): boolean => status === 'awaiting_payment';

/** Whether leaving `from` for `to` gives reserved stock back: stock is taken on approval, so only after it. */
export const releasesStock = (from: ExchangeStatus, to: ExchangeStatus): boolean => (to === 'cancelled' || to === 'declined') && from !== 'requested';
