// Return-request status machine (seed 002, API.md) as a transition table the
// compiler checks, plus the rules that narrow it: the verification outcome once
// every item is verified, and the customer's right to withdraw while `new`.
import * as z from 'zod/mini';
import { lazy } from './pure.ts';

export const RETURN_STATUSES = ['new', 'picked_up', 'pending_verification', 'approved', 'partially_approved', 'denied', 'refunded', 'cancelled'] as const;
export const ReturnStatus = /* @__PURE__ */ lazy(() => z.enum(RETURN_STATUSES));
export type ReturnStatus = z.infer<typeof ReturnStatus>;

export const RETURN_TRANSITIONS = {
  new: ['picked_up', 'pending_verification', 'denied', 'cancelled'],
  picked_up: ['pending_verification'],
  pending_verification: ['approved', 'partially_approved', 'denied'],
  approved: ['refunded'],
  partially_approved: ['refunded'],
  refunded: [],
  denied: [],
  cancelled: [],
} as const satisfies Record<ReturnStatus, readonly ReturnStatus[]>;

/** Statuses whose units still count against the line ("in open returns"). */
export const OPEN_RETURN_STATUSES = ['new', 'picked_up', 'pending_verification', 'approved', 'partially_approved'] as const satisfies readonly ReturnStatus[];

export const isFinalReturnStatus = (status: ReturnStatus): boolean => RETURN_TRANSITIONS[status].length === 0;

export const isOpenReturnStatus = (status: ReturnStatus): boolean => (OPEN_RETURN_STATUSES as readonly ReturnStatus[]).includes(status);

/** An item is `new` until verified, then its status follows from `goodQuantity`. */
export const RETURN_ITEM_STATUSES = ['new', 'approved', 'partially_approved', 'denied'] as const;
export const ReturnItemStatus = /* @__PURE__ */ lazy(() => z.enum(RETURN_ITEM_STATUSES));
export type ReturnItemStatus = z.infer<typeof ReturnItemStatus>;

/** Seed 002: 0 good → denied, fewer than returned → partially approved, all → approved. */
export const itemStatusOf = (goodQuantity: number, quantity: number): Exclude<ReturnItemStatus, 'new'> =>
  goodQuantity === 0 ? 'denied' : goodQuantity < quantity ? 'partially_approved' : 'approved';

interface VerifiableItem {
  readonly quantity: number;
  readonly goodQuantity: number | null;
}

export const allVerified = (items: readonly VerifiableItem[]): boolean => items.every((i) => i.goodQuantity !== null);

/**
 * The request status the verification implies: every unit good → approved,
 * none → denied, anything between → partially approved. Undefined until every
 * item is verified.
 */
export const impliedReturnStatus = (items: readonly VerifiableItem[]): 'approved' | 'partially_approved' | 'denied' | undefined => {
  if (items.length === 0 || !allVerified(items)) return undefined;
  const good = items.reduce((n, i) => n + (i.goodQuantity ?? 0), 0);
  const total = items.reduce((n, i) => n + i.quantity, 0);
  return good === 0 ? 'denied' : good < total ? 'partially_approved' : 'approved';
};

/**
 * Where an admin may move a request now. From pending_verification the table's
 * three targets collapse to the one the verification implies, and to none
 * while an item is still unverified.
 */
export const allowedReturnTransitions = (request: { readonly status: ReturnStatus; readonly items: readonly VerifiableItem[] }): readonly ReturnStatus[] => {
  if (request.status !== 'pending_verification') return RETURN_TRANSITIONS[request.status];
  const implied = impliedReturnStatus(request.items);
  return implied ? [implied] : [];
};

/** A customer may only withdraw a request nobody has acted on yet. */
export const customerReturnTransitions = (status: ReturnStatus): readonly ReturnStatus[] => (status === 'new' ? ['cancelled'] : []);
