// Cancels an order now: the admin's direct cancel, and the items that every
// approved cancellation shares (immediate COD cancel, admin approval).

import { cancellationInsert, noOpenCancellation } from '#shared/adapters/cancellations-repo';
import { type GuardedItem, transact } from '#shared/adapters/dynamo';
import { type IdempotencyKey, idempotencyRecord } from '#shared/adapters/idempotency';
import { newId } from '#shared/adapters/ids';
import { type OrderRead, orderPut } from '#shared/adapters/orders-repo';
import { readForRules, withCounters } from '#shared/adapters/rule-reads';
import { returnStock, unitsBySku } from '#shared/adapters/stock-repo';
import {
  type AdminCancelBody,
  buildCancellation,
  type Cancellation,
  checkOrderCancellable,
  unitsToRestore,
  withRefund,
  withVoucher,
} from '#shared/domain/cancellation';
import { ConflictError, NotFoundError } from '#shared/domain/errors';
import { checkIfMatch } from '#shared/domain/if-match';
import { transitionOrder } from '#shared/domain/order-lifecycle';
import { checkReasonUsable } from '#shared/domain/reason';
import { refundableRemaining } from '#shared/domain/refund-plan';
import { planRefundWrite } from '#shared/domain/refund-write';
import type { Settings } from '#shared/domain/settings';
import { planIds, refundWriteItems } from './create-refund.ts';
import { retryOnChange } from './retry-on-change.ts';

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
    await withCounters(read),
    {
      everything: true,
      restock: true,
      ...(cancellation.refundAccount ? { payee: { refundAccount: cancellation.refundAccount } } : {}),
      source: { type: 'cancellation', id: cancellation.id },
    },
    { settings, ids: planIds(true), now, actor, orderChange: { to: 'cancelled', note } },
  );
  return { final: withVoucher(withRefund(cancellation, write.refund), write.refund), items: refundWriteItems(write) };
};

export interface AdminCancel {
  readonly orderId: string;
  readonly body: AdminCancelBody;
  readonly actor: string;
  readonly now: string;
  readonly idempotency: IdempotencyKey | undefined;
  readonly ifMatch?: number | undefined;
}

/**
 * The shop cancels any order the status table still lets go to `cancelled`, with a reason; a paid one is refunded.
 * An admin's cancel and a storefront's `cancelled` update alike are `requestedBy: admin` (the contract's two
 * values: the customer or the shop); the order's timeline names the actor.
 */
export const adminCancelOrder = ({ orderId, body, actor, now, idempotency, ifMatch }: AdminCancel): Promise<Cancellation> => {
  const id = newId('can');
  return retryOnChange(async () => {
    const { order: read, settings, reasons } = await readForRules({ orderId, reasonIds: [body.reasonId] });
    if (!read) throw new NotFoundError('The order');
    checkIfMatch(read.order, ifMatch);
    checkOrderCancellable(read.order);
    const reason = checkReasonUsable(reasons.get(body.reasonId), body.reasonId, 'cancellation');
    const cancellation = buildCancellation(read.order, { ...body, id, now, requestedBy: 'admin' }, 'approved');
    const { final, items } = await cancelNowItems({ read, settings, cancellation, actor, now, note: `Cancelled by the shop: ${reason.label}` });
    await transact([...idempotencyRecord(idempotency, final, now), cancellationInsert(final), noOpenCancellation(orderId), ...items]);
    return final;
  });
};
