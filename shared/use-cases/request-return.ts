// A customer asks to return units of a delivered order: every eligibility rule
// checked, the units claimed on the order, the uploads bound, one transaction.
import { transact } from '#shared/adapters/dynamo';
import { type IdempotencyKey, idempotencyRecord } from '#shared/adapters/idempotency';
import { newId } from '#shared/adapters/ids';
import { claimReturnUnits, returnInsert } from '#shared/adapters/returns-repo';
import { readForRules } from '#shared/adapters/rule-reads';
import { isAttachmentId } from '#shared/domain/attachment';
import { type Caller, visibleTo } from '#shared/domain/caller';
import { returnUnitsOf } from '#shared/domain/refund-counters';
import { checkReturnEligibility } from '#shared/domain/return-eligibility';
import { buildReturnRequest, withComments } from '#shared/domain/return-lifecycle';
import type { CreateReturnBody, ReturnRequest } from '#shared/domain/return-request';
import { bindAttachments } from './steps/bind-attachments.ts';
import { ConcurrentChangeError, retryOnChange } from './steps/retry-on-change.ts';

export interface RequestReturn {
  readonly caller: Caller;
  readonly body: CreateReturnBody;
  readonly actor: string;
  readonly now: string;
  readonly idempotency: IdempotencyKey | undefined;
}

/**
 * Creates a return request (status `new`) in two round trips: the order (with
 * its refund counters), the settings and the reasons in one BatchGetItem, then
 * one transaction. Race: two requests (or a request
 * and a refund) for the last units of a line both pass eligibility; the claim
 * on the order is conditioned on the counters they saw, so one commits and the
 * other re-reads and is refused (see claimReturnUnits).
 */
export const requestReturn = ({ caller, body, actor, now, idempotency }: RequestReturn): Promise<ReturnRequest> =>
  retryOnChange(async () => {
    const reads = await readForRules({
      orderId: body.orderId,
      reasonIds: body.items.map((i) => i.reasonId),
      attachmentIds: (body.attachments ?? []).filter(isAttachmentId),
    });
    const { order, counters } = visibleTo(caller, reads.order, (r) => r.order.customer.customerId, 'The order');
    const { settings, reasons } = reads;
    checkReturnEligibility({ order, body, settings, reasons, refundedThroughReturns: returnUnitsOf(counters), now });
    const request = buildReturnRequest({ id: newId('ret'), order, body, now, actor });
    const response = withComments(request, [], 'customer');
    // Last before the write: binding copies the uploads in S3 (see bindAttachments).
    await bindAttachments(
      order.customer.customerId,
      request.attachments,
      request.id,
      (bindings) =>
        transact([
          // Decisive: a same-key twin that committed first is reported as a replay, not as a lost race.
          ...idempotencyRecord(idempotency, response, now),
          returnInsert(request, order),
          { ...claimReturnUnits(order, request.items, now), onConditionFailed: () => new ConcurrentChangeError('order') },
          ...bindings,
        ]),
      { now, settings: settings.refunds.attachments, attachments: reads.attachments },
    );
    return response;
  });
