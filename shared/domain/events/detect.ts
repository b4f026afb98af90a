// Which integration events a table change implies. The change and its field
// comparison are the notify consumer's own (../notifications/types.ts): the
// same OLD/NEW images drive emails and events. Unlike emails, events are for
// the shop's systems, so every change is one (an order's creation, any
// comment), each with an id stable per change for consumers to dedupe on.
import type { Exchange } from '../exchange.ts';
import type { ExchangeStatus } from '../exchange-status.ts';
import type { GiftCard } from '../gift-card.ts';
import { type Change, changed, type EventfulType, imageAs } from '../notifications/types.ts';
import type { CreditTransaction } from '../store-credit.ts';
import { stripKeys } from '../stored-item.ts';
import { type EventType, eventId, type IntegrationEvent } from './catalogue.ts';

interface Stamped {
  readonly id: string;
  readonly version?: number;
  readonly createdAt?: string;
  readonly updatedAt?: string;
}

/** Builds one event of `type` from the change's new image; `sub` names the part it is about (an item, a transaction). */
const eventOf = (change: Change, type: EventType, previous: unknown, sub?: string): IntegrationEvent => {
  const data = stripKeys<Record<string, unknown>>(change.new ?? {});
  const stamped = imageAs<Stamped>(data);
  return {
    id: eventId(stamped.id, stamped.version ?? 1, type, sub),
    type,
    // The change's own time, from the item: a redelivered record yields the identical event.
    occurredAt: stamped.updatedAt ?? stamped.createdAt ?? '',
    data,
    previous,
  } as IntegrationEvent;
};

const oldStatus = (change: Change) => (change.old?.status ?? null) as string | null;

const orderEvents = (change: Change): IntegrationEvent[] => [
  ...(change.eventName === 'INSERT' ? [eventOf(change, 'order.created', null)] : []),
  ...(change.eventName === 'MODIFY' && changed(change, 'status') ? [eventOf(change, 'order.status_changed', { status: oldStatus(change) })] : []),
  ...(change.new?.paymentStatus === 'paid' && changed(change, 'paymentStatus')
    ? [eventOf(change, 'order.paid', { paymentStatus: (change.old?.paymentStatus ?? null) as string | null })]
    : []),
];

const CANCELLATION_EVENTS: Readonly<Record<string, EventType>> = {
  approved: 'cancellation.approved',
  rejected: 'cancellation.rejected',
  refunded: 'cancellation.refunded',
};

const cancellationEvents = (change: Change): IntegrationEvent[] => {
  if (!changed(change, 'status')) return [];
  // A cancellation of an unpaid order is born approved: it was requested and approved at once.
  const requested = change.eventName === 'INSERT' ? [eventOf(change, 'cancellation.requested', null)] : [];
  const type = CANCELLATION_EVENTS[String(change.new?.status)];
  return [...requested, ...(type ? [eventOf(change, type, change.old ? { status: oldStatus(change) } : null)] : [])];
};

interface ItemImage {
  readonly lineItemId: string;
  readonly status?: string | null;
  readonly goodQuantity?: number | null;
}

const returnEvents = (change: Change): IntegrationEvent[] => {
  if (change.eventName === 'INSERT') return [eventOf(change, 'return.created', null)];
  const before = new Map(((change.old?.items as ItemImage[] | undefined) ?? []).map((i) => [i.lineItemId, i]));
  const verified = ((change.new?.items as ItemImage[] | undefined) ?? []).filter((item) => {
    const old = before.get(item.lineItemId);
    return item.goodQuantity !== null && item.goodQuantity !== undefined && (old?.goodQuantity !== item.goodQuantity || old?.status !== item.status);
  });
  return [
    ...verified.map((item) => {
      const old = before.get(item.lineItemId);
      const previous = { lineItemId: item.lineItemId, status: old?.status ?? null, goodQuantity: old?.goodQuantity ?? null };
      return eventOf(change, 'return.item_verified', previous, item.lineItemId);
    }),
    ...(changed(change, 'status') ? [eventOf(change, 'return.status_changed', { status: oldStatus(change) })] : []),
  ];
};

interface TransactionImage {
  readonly id: string;
  readonly status: string;
}

const TRANSACTION_EVENTS: Readonly<Record<string, EventType>> = { success: 'refund.transaction_succeeded', failure: 'refund.transaction_failed' };

const refundEvents = (change: Change): IntegrationEvent[] => {
  const before = new Map(((change.old?.transactions as TransactionImage[] | undefined) ?? []).map((t) => [t.id, t.status]));
  const settled = ((change.new?.transactions as TransactionImage[] | undefined) ?? []).flatMap((t) => {
    const type = TRANSACTION_EVENTS[t.status];
    // A transaction settled at creation (a voucher) has no previous status: it is told here too.
    return type && before.get(t.id) !== t.status ? [eventOf(change, type, { transactionId: t.id, status: before.get(t.id) ?? null }, t.id)] : [];
  });
  return [...(change.eventName === 'INSERT' ? [eventOf(change, 'refund.created', null)] : []), ...settled];
};

const noteEvents = (change: Change): IntegrationEvent[] =>
  // Customer-visible notes only (API.md); a private note later shared is created for the customer then.
  change.new?.visibility === 'customer' && change.old?.visibility !== 'customer' ? [eventOf(change, 'note.created', null)] : [];

const commentEvents = (change: Change): IntegrationEvent[] => (change.eventName === 'INSERT' ? [eventOf(change, 'comment.created', null)] : []);

const CREDIT_EVENTS: Readonly<Record<CreditTransaction['kind'], EventType | undefined>> = {
  credit: 'store_credit.credited',
  debit: 'store_credit.debited',
  revert: 'store_credit.reverted',
  expiry: 'store_credit.expired',
  // No route writes a void yet: it would need an event of its own in API.md's list first.
  void: undefined,
};

/** A ledger row is written once (never changed but for a debit's `revertedBy`): its insertion is the event. */
const creditEvents = (change: Change): IntegrationEvent[] => {
  const txn = change.new?.txn as CreditTransaction | undefined;
  const type = txn && change.eventName === 'INSERT' ? CREDIT_EVENTS[txn.kind] : undefined;
  return txn && type ? [{ id: eventId(txn.id, 1, type), type, occurredAt: txn.createdAt, data: txn, previous: null } as IntegrationEvent] : [];
};

/** Its code never travels: the card item holds only its hash, outside `card`. */
const giftCardEvents = (change: Change): IntegrationEvent[] => {
  const card = change.new?.card as GiftCard | undefined;
  const before = change.old?.card as GiftCard | undefined;
  if (!card) return [];
  if (change.eventName === 'INSERT')
    return [{ id: eventId(card.id, card.version, 'gift_card.issued'), type: 'gift_card.issued', occurredAt: card.createdAt, data: card, previous: null }];
  return card.status === 'redeemed' && before?.status !== 'redeemed'
    ? [
        {
          id: eventId(card.id, card.version, 'gift_card.redeemed'),
          type: 'gift_card.redeemed',
          occurredAt: card.redeemedAt ?? card.createdAt,
          data: card,
          previous: { status: before?.status ?? 'active' },
        },
      ]
    : [];
};

/** The event each status an exchange enters announces; `awaiting_return` only when it was paid (exchangeEvents). */
const EXCHANGE_EVENTS: Readonly<Record<ExchangeStatus, EventType | undefined>> = {
  requested: 'exchange.requested',
  approved: 'exchange.approved',
  awaiting_payment: 'exchange.payment_required',
  awaiting_return: undefined,
  released: 'exchange.released',
  completed: 'exchange.completed',
  declined: 'exchange.declined',
  denied: 'exchange.denied',
  cancelled: 'exchange.cancelled',
};

/**
 * One event per status the change added to the exchange's history, not per
 * status change: an approval passes through `approved` to where it lands in
 * one write, and both moves are told. Entering awaiting_return is the payment
 * only when it leaves awaiting_payment (else the approval already told it).
 */
const exchangeEvents = (change: Change): IntegrationEvent[] => {
  const history = (change.new?.history as Exchange['history'] | undefined) ?? [];
  const known = change.eventName === 'INSERT' ? 0 : ((change.old?.history as unknown[] | undefined)?.length ?? 0);
  return history.slice(known).flatMap((step, i) => {
    const from = history[known + i - 1]?.status;
    const type = step.status === 'awaiting_return' ? (from === 'awaiting_payment' ? 'exchange.paid' : undefined) : EXCHANGE_EVENTS[step.status];
    return type ? [eventOf(change, type, from ? { status: from } : null)] : [];
  });
};

const DETECTORS: Record<EventfulType, (change: Change) => IntegrationEvent[]> = {
  CreditTransaction: creditEvents,
  GiftCard: giftCardEvents,
  Order: orderEvents,
  Cancellation: cancellationEvents,
  ReturnRequest: returnEvents,
  Refund: refundEvents,
  OrderNote: noteEvents,
  ReturnComment: commentEvents,
  // Also read for the payments work it makes due (exchange-checkout-due.ts).
  Exchange: exchangeEvents,
};

/** Every event a change implies; unknown types, removals and records without a new image imply none. */
export const eventsFor = (change: Change): IntegrationEvent[] =>
  change.eventName !== 'REMOVE' && change.new !== undefined && Object.hasOwn(DETECTORS, change.type) ? DETECTORS[change.type as EventfulType](change) : [];
