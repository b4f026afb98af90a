// What an admin's or a customer's decision does to an exchange (API.md
// "Exchange" status table): approve (and go on at once), deny, cancel, record
// a payment. Each answers the exchange as its one write leaves it, with the
// stock it takes or gives back; the use cases write both in one transaction.
// Pure: time is passed in.
import { ConflictError } from './errors.ts';
import { type Exchange, movedExchange } from './exchange.ts';
import { adminMayCancel, checkExchangeTransition, customerMayCancel, EXCHANGE_TRANSITIONS, releasesStock, statusAfterApproval } from './exchange-status.ts';

/** One write, one version: a move that passes through a status (approved) still steps the version once. */
const oneWrite = (before: Exchange, after: Exchange): Exchange => ({ ...after, version: before.version + 1 });

/**
 * Approval and where it lands at once, in the same write: `awaiting_payment`
 * when the customer owes a difference, else `awaiting_return`. The history
 * keeps both steps, so `approved` is seen (and announced) even though the
 * exchange never rests there.
 */
export const approvedExchange = (exchange: Exchange, by: string, now: string): Exchange => {
  checkExchangeTransition(exchange.status, 'approved');
  const approved = movedExchange(exchange, 'approved', by, now);
  return oneWrite(exchange, movedExchange(approved, statusAfterApproval(exchange.differenceDue), by, now));
};

export const deniedExchange = (exchange: Exchange, reason: string, by: string, now: string): Exchange => {
  checkExchangeTransition(exchange.status, 'denied');
  return { ...movedExchange(exchange, 'denied', by, now), denialReason: reason };
};

/** Who may cancel when: the customer while requested or awaiting payment, an admin while awaiting payment (a requested one is denied instead). */
export const cancelledExchange = (exchange: Exchange, role: 'customer' | 'admin', by: string, now: string): Exchange => {
  const may = role === 'customer' ? customerMayCancel : adminMayCancel;
  if (!may(exchange.status)) {
    // What is still possible is the shop's to do: a customer has no other move.
    const allowed = role === 'admin' ? EXCHANGE_TRANSITIONS[exchange.status].filter((to) => to !== 'cancelled') : [];
    throw new ConflictError(`An exchange in ${exchange.status} cannot be cancelled${role === 'admin' ? ' by an admin' : ''}.`, { allowedTransitions: allowed });
  }
  return movedExchange(exchange, 'cancelled', by, now);
};

/** The stock a move gives back: the outbound items, when it leaves a status that holds them for cancelled or declined. */
export const stockGivenBack = (before: Pick<Exchange, 'status' | 'outbound'>, after: Pick<Exchange, 'status'>): Exchange['outbound'] =>
  releasesStock(before.status, after.status) ? before.outbound : [];

/**
 * A payment an admin records (no provider configured): once, only while it is
 * awaited; the exchange then waits for its return. A checkout opened with the
 * provider (`payment` set) is settled by the provider's signed webhook alone:
 * recording it by hand too could charge the customer twice.
 */
export const paidExchange = (exchange: Exchange, reference: string, by: string, now: string): Exchange => {
  if (exchange.payment !== null && exchange.status === 'awaiting_payment') {
    throw new ConflictError('The customer pays this difference through the payment provider: its signed webhook records the payment.', {
      allowedTransitions: [],
    });
  }
  if (exchange.status !== 'awaiting_payment') {
    throw new ConflictError(
      exchange.settlement.kind === 'charge' && exchange.settlement.status === 'succeeded'
        ? 'The difference of this exchange is already paid.'
        : `An exchange in ${exchange.status} awaits no payment.`,
      { allowedTransitions: [...EXCHANGE_TRANSITIONS[exchange.status]] },
    );
  }
  return { ...movedExchange(exchange, 'awaiting_return', by, now), settlement: { ...exchange.settlement, status: 'succeeded', reference } };
};
