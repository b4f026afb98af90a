// What happens to a return request: it is built from an order, moves along
// its status table, and has its items verified. Pure: ids and time passed in.
import { BusinessRuleError, ConflictError, NotFoundError, ValidationError } from './errors.ts';
import type { Order } from './order.ts';
import type { CreateReturnBody, NextStatuses, ReturnComment, ReturnRecord, ReturnRefundMethod, ReturnRequest } from './return-request.ts';
import { allowedReturnTransitions, customerReturnTransitions, itemStatusOf, type ReturnStatus } from './return-status.ts';

export interface NewReturn {
  readonly id: string;
  readonly order: Order;
  /** A customer's body, or an exchange's inbound items (refund method `exchange`). */
  readonly body: Omit<CreateReturnBody, 'refundMethod'> & { readonly refundMethod: ReturnRefundMethod };
  readonly now: string;
  readonly actor: string;
  readonly exchangeId?: string | undefined;
}

/** A new request (status `new`) for lines the eligibility check already accepted. */
export const buildReturnRequest = ({ id, order, body, now, actor, exchangeId }: NewReturn): ReturnRecord => ({
  id,
  orderId: order.id,
  orderNumber: order.number,
  customerId: order.customer.customerId,
  status: 'new',
  items: body.items.map((wanted) => {
    const line = order.lineItems.find((l) => l.id === wanted.lineItemId);
    if (!line) throw new NotFoundError(`Line item ${wanted.lineItemId}`);
    return {
      lineItemId: line.id,
      sku: line.sku,
      title: line.title,
      quantity: wanted.quantity,
      unitPrice: line.unitPrice,
      reasonId: wanted.reasonId,
      reasonText: wanted.reasonText || null,
      condition: wanted.condition || null,
      goodQuantity: null,
      status: 'new' as const,
    };
  }),
  refundMethod: body.refundMethod,
  ...(exchangeId ? { exchangeId } : {}),
  iban: body.refundMethod === 'bank_transfer' && body.iban ? body.iban.replace(/\s+/g, '').toUpperCase() : null,
  accountHolder: body.refundMethod === 'bank_transfer' ? (body.accountHolder ?? null) : null,
  voucherCode: null,
  currency: order.currency,
  // The locale rides along so the request's emails need not read the order to know the language.
  customer: {
    name: order.customer.name,
    email: order.customer.email,
    phone: order.customer.phone,
    ...(order.customer.locale ? { locale: order.customer.locale } : {}),
  },
  pickupAddress: body.pickupAddress ?? order.shippingAddress,
  extraComment: body.extraComment || null,
  attachments: body.attachments ?? [],
  termsAccepted: body.termsAccepted ?? false,
  restockFee: 0,
  refundedShipping: 0,
  refundAmount: null,
  breakdown: null,
  refundId: null,
  owed: null,
  rejectionReason: null,
  statusHistory: [{ status: 'new', at: now, submittedBy: actor }],
  createdAt: now,
  updatedAt: now,
  version: 1,
});

export interface ReturnTransition {
  readonly to: ReturnStatus;
  readonly at: string;
  readonly by: string;
  readonly rejectionReason?: string | undefined;
  /** Customers may only withdraw a `new` request; admins follow the table. */
  readonly role: 'customer' | 'admin';
}

/**
 * Moves a request along the table; an illegal move is a 409 listing the legal
 * ones. `refunded` is only reached through the refund writer (which fills
 * refundId, refundAmount and voucherCode); this only stamps the status.
 */
export const transitionReturn = (request: ReturnRecord, change: ReturnTransition): ReturnRecord => {
  const allowed = change.role === 'customer' ? customerReturnTransitions(request.status) : allowedReturnTransitions(request);
  if (!allowed.includes(change.to)) {
    throw new ConflictError(`A return request cannot move from ${request.status} to ${change.to}${whyNot(request, change.to)}.`, {
      allowedTransitions: allowed,
    });
  }
  const rejectionReason = change.rejectionReason?.trim();
  if (change.to === 'denied' && !rejectionReason) {
    throw new ValidationError([{ path: 'rejectionReason', message: 'is required to deny a return request' }]);
  }
  return {
    ...request,
    status: change.to,
    rejectionReason: change.to === 'denied' ? (rejectionReason ?? null) : request.rejectionReason,
    statusHistory: [...request.statusHistory, { status: change.to, at: change.at, submittedBy: change.by }],
    updatedAt: change.at,
    version: request.version + 1,
  };
};

const whyNot = (request: ReturnRecord, to: ReturnStatus): string => {
  if (request.status !== 'pending_verification') return '';
  return request.items.some((i) => i.goodQuantity === null)
    ? ' before every item is verified'
    : ` (the verification implies ${allowedReturnTransitions(request)[0]}, not ${to})`;
};

/** Records how many units of one item came back in good condition (only while pending verification). */
export const verifyReturnItem = (
  request: ReturnRecord,
  lineItemId: string,
  verification: { goodQuantity: number; condition?: string | undefined },
  now: string,
): ReturnRecord => {
  const index = request.items.findIndex((i) => i.lineItemId === lineItemId);
  const item = request.items[index];
  if (!item) throw new NotFoundError(`Line item ${lineItemId} of this return request`);
  if (request.status !== 'pending_verification') {
    throw new ConflictError(`Items are verified while the request is pending_verification; it is ${request.status}.`, {
      allowedTransitions: allowedReturnTransitions(request),
    });
  }
  if (verification.goodQuantity > item.quantity) {
    throw new BusinessRuleError('good_quantity_exceeds_quantity', `Only ${item.quantity} units of this item were returned.`, {
      errors: [{ path: 'goodQuantity', message: `must be between 0 and ${item.quantity}` }],
    });
  }
  const items = request.items.map((it, i) =>
    i === index
      ? {
          ...it,
          goodQuantity: verification.goodQuantity,
          condition: verification.condition || it.condition,
          status: itemStatusOf(verification.goodQuantity, it.quantity),
        }
      : it,
  );
  // Fees and amount were computed from the old verification: they are stale now.
  return { ...request, items, refundAmount: null, breakdown: null, updatedAt: now, version: request.version + 1 };
};

/** Seed 002's check-status: where the request can go, and which items still need verifying. */
export const nextStatuses = (request: ReturnRecord): NextStatuses => ({
  status: request.status,
  nextStatuses: [...allowedReturnTransitions(request)],
  requiredSteps:
    request.status === 'pending_verification'
      ? request.items
          .filter((i) => i.goodQuantity === null)
          .map((i) => ({ lineItemId: i.lineItemId, sku: i.sku, title: i.title, info: 'Verification required' as const, status: i.status }))
      : [],
});

/** The answer for a reader: customers never see comments not meant for them. */
export const withComments = (request: ReturnRecord, comments: readonly ReturnComment[], audience: 'customer' | 'admin'): ReturnRequest => ({
  ...request,
  comments: comments
    .filter((c) => audience === 'admin' || c.visibleToCustomer)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)),
});

/**
 * Moves that give every unit back to the order's lines, and the one that gives
 * back the units found bad. `approved` gives nothing back: the verification
 * implies it only when every unit is good.
 */
const RELEASES_ALL: readonly ReturnStatus[] = ['cancelled', 'denied'];
const RELEASES_BAD: readonly ReturnStatus[] = ['partially_approved'];

/** Whether moving to `to` may give units back to the order (so its write needs the request's units, read first). */
export const mayReleaseUnits = (to: ReturnStatus): boolean => RELEASES_ALL.includes(to) || RELEASES_BAD.includes(to);

/**
 * Units a move gives back to the order's lines (`returnedQuantity`): all of
 * them when the request is cancelled or denied, the ones found bad when it is
 * partially approved (the good ones stay counted through the refund). Nothing otherwise.
 */
export const unitsReleasedBy = (request: ReturnRecord, to: ReturnStatus): { lineItemId: string; quantity: number }[] => {
  const release = (count: (item: ReturnRecord['items'][number]) => number) =>
    request.items.map((i) => ({ lineItemId: i.lineItemId, quantity: count(i) })).filter((r) => r.quantity > 0);
  if (RELEASES_ALL.includes(to)) return release((i) => i.quantity);
  if (RELEASES_BAD.includes(to)) return release((i) => i.quantity - (i.goodQuantity ?? 0));
  return [];
};
