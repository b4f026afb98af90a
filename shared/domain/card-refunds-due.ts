// Work for the payments consumer: a refund's card transactions not yet sent to
// the provider. The events consumer reads it off the table's change and puts it
// on the bus (an internal event, not in the public catalogue and never a
// webhook); a bus rule queues it for the payments function. Only ids travel:
// the payments use case reads the refund again and sends only what still waits.
import { type Change, imageAs } from './notifications/types.ts';
import { awaitsSending, type Refund } from './refund.ts';

/** The bus entry's source and detail-type, matched by the payments rule (infra). */
export const CARD_REFUNDS_DUE = { source: 'aftersales.payments', detailType: 'refund.card_transactions_due' } as const;

export interface CardRefundsDue {
  readonly refundId: string;
  readonly transactionIds: readonly string[];
}

const dueIds = (image: Readonly<Record<string, unknown>> | undefined): string[] =>
  (imageAs<Refund | undefined>(image)?.transactions ?? []).filter(awaitsSending).map((t) => t.id);

/**
 * The card transactions this change made due (new, or no longer settled), when there are
 * some. One already due before the change is not announced again: the payments function
 * is sending it, and its own write (the claim before the provider call) must not queue a
 * second send; a send that fails is retried by its queue message instead.
 */
export const cardRefundsDue = (change: Change): CardRefundsDue | undefined => {
  if (change.type !== 'Refund' || change.eventName === 'REMOVE' || !change.new) return undefined;
  const before = new Set(dueIds(change.old));
  const transactionIds = dueIds(change.new).filter((id) => !before.has(id));
  return transactionIds.length > 0 ? { refundId: String(change.new.id), transactionIds } : undefined;
};

/** The bus detail read back by the payments consumer; undefined when it is not one. */
export const cardRefundsDueOf = (detail: unknown): CardRefundsDue | undefined => {
  const value = detail as Partial<CardRefundsDue> | null | undefined;
  return typeof value?.refundId === 'string' && Array.isArray(value.transactionIds) && value.transactionIds.every((id) => typeof id === 'string')
    ? { refundId: value.refundId, transactionIds: value.transactionIds }
    : undefined;
};
