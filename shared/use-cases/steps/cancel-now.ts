// Cancelling an order now: the items every approved cancellation writes (the
// shop's own cancel, a cash-on-delivery request cancelled at once, an admin's
// approval of a request), in the caller's one transaction.
import type { GuardedItem } from '#shared/adapters/dynamo';
import { type OrderRead, orderPut } from '#shared/adapters/orders-repo';
import { returnStock, unitsBySku } from '#shared/adapters/stock-repo';
import { type Cancellation, unitsToRestore, withRefund, withVoucher } from '#shared/domain/cancellation';
import { ConflictError } from '#shared/domain/errors';
import { transitionOrder } from '#shared/domain/order-lifecycle';
import { refundableRemaining } from '#shared/domain/refund-plan';
import { planRefundWrite } from '#shared/domain/refund-write';
import type { Settings } from '#shared/domain/settings';
import { refundCreditItems } from './credit-refund.ts';
import { planIds, refundWriteItems } from './refund-write.ts';

export interface CancelNow {
  /** Read strongly consistent (or the copy a request was written with) and checked cancellable. */
  readonly read: OrderRead;
  readonly settings: Settings;
  /** `approved`, before its refund is known. */
  readonly cancellation: Cancellation;
  readonly actor: string;
  readonly now: string;
  readonly note: string;
  /** Without a refund, the error when the order moved since `read` (default a 409; a re-plan for a copy that may be stale). */
  readonly onOrderMoved?: (() => Error) | undefined;
}

/**
 * Order `cancelled` (timeline stamped), units not yet refunded back in stock,
 * a refund of everything still refundable (none when nothing was paid): the
 * items to write with the cancellation (`final`), in the caller's ONE
 * transaction. With a refund, the refund plan makes the single order write
 * (status + refund counters) and restocks exactly the units it refunds, which
 * are the units this cancellation gives back; a lost race on the order is the
 * caller's to re-read and re-plan. Without one, a lost race is a 409: a
 * storefront update that won (e.g. `shipped`) must not be planned over.
 */
export const cancelNowItems = async ({
  read,
  settings,
  cancellation,
  actor,
  now,
  note,
  onOrderMoved,
}: CancelNow): Promise<{ final: Cancellation; items: GuardedItem[] }> => {
  const { order } = read;
  if (refundableRemaining(order) <= 0) {
    const cancelled = transitionOrder(order, { to: 'cancelled', at: now, by: actor, note });
    return {
      final: withRefund(cancellation, undefined),
      items: [
        {
          ...orderPut(cancelled, order.version),
          onConditionFailed: onOrderMoved ?? (() => new ConflictError('The order was changed concurrently; reload it and retry.')),
        },
        ...[...unitsBySku(unitsToRestore(order))].map(([sku, units]) => returnStock(sku, units)),
      ],
    };
  }
  const write = planRefundWrite(
    read,
    {
      everything: true,
      restock: true,
      ...(cancellation.refundAccount ? { payee: { refundAccount: cancellation.refundAccount } } : {}),
      source: { type: 'cancellation', id: cancellation.id },
    },
    { settings, ids: planIds(true), now, actor, orderChange: { to: 'cancelled', note } },
  );
  // An order paid partly with store credit gets that part back as credit, in this same transaction.
  const credited = await refundCreditItems({ refund: write.refund, customer: order.customer, settings, withBonus: false, now, by: actor });
  return { final: withVoucher(withRefund(cancellation, write.refund), write.refund), items: [...refundWriteItems(write), ...credited] };
};
