// The shop cancels an order: an admin's direct cancel, and an order moved to
// `cancelled` through the status route, which is the same cancellation.
import { cancellationInsert, noOpenCancellation } from '#shared/adapters/cancellations-repo';
import { transact } from '#shared/adapters/dynamo';
import { type IdempotencyKey, idempotencyRecord } from '#shared/adapters/idempotency';
import { newId } from '#shared/adapters/ids';
import { readForRules } from '#shared/adapters/rule-reads';
import { type AdminCancelBody, buildCancellation, type Cancellation, checkOrderCancellable } from '#shared/domain/cancellation';
import { NotFoundError } from '#shared/domain/errors';
import { checkIfMatch } from '#shared/domain/if-match';
import { checkReasonUsable } from '#shared/domain/reason';
import { cancelNowItems } from './cancel-now.ts';
import { retryOnChange } from './retry-on-change.ts';

export interface ShopCancel {
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
export const cancelByShop = ({ orderId, body, actor, now, idempotency, ifMatch }: ShopCancel): Promise<Cancellation> => {
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
