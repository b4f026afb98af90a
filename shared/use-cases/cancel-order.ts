// Cancels an order now: the admin's direct cancel, and the one write that every
// approved cancellation shares (immediate COD cancel, admin approval).
import { cancellationInsert, noOpenCancellation } from '#shared/adapters/cancellations-repo';
import { type GuardedItem, transact } from '#shared/adapters/dynamo';
import { type IdempotencyKey, idempotencyRecord } from '#shared/adapters/idempotency';
import { newId } from '#shared/adapters/ids';
import { checkIfMatch, getOrderOrThrow, orderPut } from '#shared/adapters/orders-repo';
import { requireActiveReason } from '#shared/adapters/reasons-repo';
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
import { ConflictError } from '#shared/domain/errors';
import { type Order, transitionOrder } from '#shared/domain/order';
import { refundableRemaining } from '#shared/domain/refund-plan';
import { createRefund } from './create-refund.ts';

export interface CancelNow {
  /** Read consistently by the caller and checked cancellable. */
  readonly order: Order;
  /** `approved`, before its refund is known. */
  readonly cancellation: Cancellation;
  /** The cancellation's own write (insert or versioned put) and its companions; an idempotency record first. */
  readonly items: (final: Cancellation) => readonly GuardedItem[];
  readonly actor: string;
  readonly now: string;
  readonly note: string;
  /** The order version an `If-Match` demands; a retry never moves past it. */
  readonly expectedVersion?: number | undefined;
}

/**
 * Order `cancelled` (timeline stamped), units not yet refunded back in stock,
 * a refund of everything still refundable (none when nothing was paid) and the
 * cancellation: one transaction. With a refund, the refund writer makes the
 * single order write (status + refund counters) and restocks exactly the units
 * it refunds, which are the units this cancellation gives back.
 */
export const cancelOrderNow = async ({ order, cancellation, items, actor, now, note, expectedVersion }: CancelNow): Promise<Cancellation> => {
  if (refundableRemaining(order) <= 0) {
    const final = withRefund(cancellation, undefined);
    const cancelled = transitionOrder(order, { to: 'cancelled', at: now, by: actor, note });
    // No retry on a lost race: a storefront update that won (e.g. `shipped`) must make this a 409, not a re-plan.
    await transact([
      ...items(final),
      { ...orderPut(cancelled, order.version), onConditionFailed: () => new ConflictError('The order was changed concurrently; reload it and retry.') },
      ...[...unitsBySku(unitsToRestore(order))].map(([sku, units]) => returnStock(sku, units)),
    ]);
    return final;
  }
  let final = cancellation;
  await createRefund(
    { orderId: order.id, everything: true, restock: true, source: { type: 'cancellation', id: cancellation.id } },
    {
      actor,
      now,
      expectedVersion,
      order,
      orderChange: { to: 'cancelled', note },
      alongside: (refund) => {
        final = withVoucher(withRefund(cancellation, refund), refund);
        return items(final);
      },
    },
  );
  return final;
};

export interface AdminCancel {
  readonly orderId: string;
  readonly body: AdminCancelBody;
  readonly actor: string;
  readonly now: string;
  readonly idempotency: IdempotencyKey | undefined;
  readonly ifMatch?: number | undefined;
  /** Who cancels: an admin, or the storefront through a status update. */
  readonly requestedBy?: 'admin' | 'storefront';
}

/** An admin cancels any order the status table still lets go to `cancelled`, with a reason; a paid one is refunded. */
export const adminCancelOrder = async ({ orderId, body, actor, now, idempotency, ifMatch, requestedBy = 'admin' }: AdminCancel): Promise<Cancellation> => {
  const order = await getOrderOrThrow(orderId, true);
  checkIfMatch(order, ifMatch);
  checkOrderCancellable(order);
  const reason = await requireActiveReason(body.reasonId, 'cancellation');
  const cancellation = buildCancellation(order, { ...body, id: newId('can'), now, requestedBy }, 'approved');
  return cancelOrderNow({
    order,
    cancellation,
    actor,
    now,
    note: `Cancelled by the shop: ${reason.label}`,
    expectedVersion: ifMatch,
    items: (final) => [...idempotencyRecord(idempotency, final, now), cancellationInsert(final), noOpenCancellation(orderId)],
  });
};
