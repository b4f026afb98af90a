// A customer cancels their order: at once when nothing was paid (COD), else a
// request an admin approves or rejects.
import { cancellationInsert, cancellationOrderInsert, claimOpenCancellation } from '#shared/adapters/cancellations-repo';
import { epochSeconds, transact } from '#shared/adapters/dynamo';
import { type IdempotencyKey, idempotencyRecord } from '#shared/adapters/idempotency';
import { newId } from '#shared/adapters/ids';
import { orderPut } from '#shared/adapters/orders-repo';
import { readForRules } from '#shared/adapters/rule-reads';
import { type Caller, visibleTo } from '#shared/domain/caller';
import {
  buildCancellation,
  type Cancellation,
  type CreateCancellationBody,
  checkCustomerMayCancel,
  checkRefundAccount,
  isImmediate,
} from '#shared/domain/cancellation';
import { ConflictError } from '#shared/domain/errors';
import { checkReasonUsable } from '#shared/domain/reason';
import { cancelNowItems } from './steps/cancel-now.ts';

export interface RequestCancellation {
  readonly orderId: string;
  readonly caller: Caller;
  readonly body: CreateCancellationBody;
  readonly actor: string;
  readonly now: string;
  readonly idempotency: IdempotencyKey | undefined;
}

/**
 * Two round trips: the order, the settings and the reason in one
 * BatchGetItem, then one transaction. No re-plan on a lost race: whatever
 * moved the order (a shipment, a payment) is the customer's 409 to reload.
 */
export const requestCancellation = async ({ orderId, caller, body, actor, now, idempotency }: RequestCancellation): Promise<Cancellation> => {
  const reads = await readForRules({ orderId, reasonIds: [body.reasonId] });
  const { settings, reasons } = reads;
  const read = visibleTo(caller, reads.order, (r) => r.order.customer.customerId, 'The order');
  const { order } = read;
  checkCustomerMayCancel(order, settings);
  const reason = checkReasonUsable(reasons.get(body.reasonId), body.reasonId, 'cancellation');
  checkRefundAccount(order, body.refundAccount);
  const remember = (c: Cancellation) => idempotencyRecord(idempotency, c, now);
  const base = { ...body, id: newId('can'), now, requestedBy: 'customer' as const };

  if (isImmediate(order)) {
    const { final, items } = await cancelNowItems({
      read,
      settings,
      cancellation: buildCancellation(order, base, 'approved'),
      actor,
      now,
      note: `Cancelled by the customer: ${reason.label}`,
    });
    await transact([...remember(final), cancellationInsert(final), ...items]);
    return final;
  }
  const requested = buildCancellation(order, base, 'requested');
  const held = { ...order, version: order.version + 1, updatedAt: now };
  // The request also steps the order's version. Race: the customer asks to
  // cancel while the storefront marks the order shipped; both read v3; the
  // request writes v4 with `version = 3`, the shipment writes with `version = 3`
  // too, so exactly one commits and the other gets a 409, instead of a request
  // being recorded for an order that had already left the warehouse.
  // The order as written here is kept beside the request for its approval.
  await transact([
    ...remember(requested),
    cancellationInsert(requested),
    claimOpenCancellation(order.id, requested.id),
    // The same write marks the order held, which every fulfillment move conditions on.
    {
      ...orderPut(held, order.version, undefined, requested.id),
      onConditionFailed: () => new ConflictError('The order was changed concurrently; reload it and retry.'),
    },
    cancellationOrderInsert(requested.id, held, read.counters, epochSeconds(now)),
  ]);
  return requested;
};
