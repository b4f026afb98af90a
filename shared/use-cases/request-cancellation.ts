// A customer cancels their order: at once when nothing was paid (COD), else a
// request an admin approves or rejects.
import { cancellationInsert, claimOpenCancellation } from '#shared/adapters/cancellations-repo';
import { transact } from '#shared/adapters/dynamo';
import { type IdempotencyKey, idempotencyRecord } from '#shared/adapters/idempotency';
import { newId } from '#shared/adapters/ids';
import { getOrder, orderPut } from '#shared/adapters/orders-repo';
import { requireActiveReason } from '#shared/adapters/reasons-repo';
import { getSettings } from '#shared/adapters/settings-repo';
import {
  buildCancellation,
  type Cancellation,
  type CreateCancellationBody,
  checkCustomerMayCancel,
  checkRefundAccount,
  isImmediate,
} from '#shared/domain/cancellation';
import { ConflictError, NotFoundError } from '#shared/domain/errors';
import { cancelOrderNow } from './cancel-order.ts';

export interface RequestCancellation {
  readonly orderId: string;
  readonly customerId: string;
  readonly body: CreateCancellationBody;
  readonly actor: string;
  readonly now: string;
  readonly idempotency: IdempotencyKey | undefined;
}

export const requestCancellation = async ({ orderId, customerId, body, actor, now, idempotency }: RequestCancellation): Promise<Cancellation> => {
  const order = await getOrder(orderId, true);
  if (!order || order.customer.customerId !== customerId) throw new NotFoundError('The order');
  checkCustomerMayCancel(order, await getSettings());
  const reason = await requireActiveReason(body.reasonId, 'cancellation');
  checkRefundAccount(order, body.refundAccount);
  const remember = (c: Cancellation) => idempotencyRecord(idempotency, c, now);
  const base = { ...body, id: newId('can'), now, requestedBy: 'customer' as const };

  if (isImmediate(order)) {
    return cancelOrderNow({
      order,
      cancellation: buildCancellation(order, base, 'approved'),
      actor,
      now,
      note: `Cancelled by the customer: ${reason.label}`,
      items: (final) => [...remember(final), cancellationInsert(final)],
    });
  }
  const requested = buildCancellation(order, base, 'requested');
  // The request also steps the order's version. Race: the customer asks to
  // cancel while the storefront marks the order shipped; both read v3; the
  // request writes v4 with `version = 3`, the shipment writes with `version = 3`
  // too, so exactly one commits and the other gets a 409, instead of a request
  // being recorded for an order that had already left the warehouse.
  await transact([
    ...remember(requested),
    cancellationInsert(requested),
    claimOpenCancellation(order.id, requested.id),
    {
      ...orderPut({ ...order, version: order.version + 1, updatedAt: now }, order.version),
      onConditionFailed: () => new ConflictError('The order was changed concurrently; reload it and retry.'),
    },
  ]);
  return requested;
};
