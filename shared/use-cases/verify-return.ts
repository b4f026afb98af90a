// Seed 002's verification: an admin counts the good units of each item, then
// "verifies the package" (restocking fee, shipping to refund), which fixes the
// refund amount the request will pay out.
import { transact } from '#shared/adapters/dynamo';
import { getReturnOrThrow, returnPut } from '#shared/adapters/returns-repo';
import { BusinessRuleError, ConflictError } from '#shared/domain/errors';
import { checkIfMatch } from '#shared/domain/if-match';
import { returnRefundBreakdown } from '#shared/domain/return-amount';
import { verifyReturnItem, withComments } from '#shared/domain/return-lifecycle';
import type { ReturnRequest, VerificationBody, VerifyPackageBody } from '#shared/domain/return-request';
import { allowedReturnTransitions } from '#shared/domain/return-status';
import { readOrderForRefund } from './steps/refund-write.ts';

interface Command<B> {
  readonly returnId: string;
  readonly body: B;
  readonly now: string;
  readonly ifMatch: number | undefined;
}

/** Records one item's good units (pending_verification only); the item status follows. */
export const verifyReturnItemCommand = async ({
  returnId,
  lineItemId,
  body,
  now,
  ifMatch,
}: Command<VerificationBody> & { lineItemId: string }): Promise<ReturnRequest> => {
  const { request, comments } = await getReturnOrThrow(returnId);
  checkIfMatch(request, ifMatch);
  const next = verifyReturnItem(request, lineItemId, body, now);
  await transact([returnPut(next, request.version)]);
  return withComments(next, comments, 'admin');
};

const PACKAGE_STATUSES = ['pending_verification', 'approved', 'partially_approved'] as const;

/** Sets the restocking fee and refunded shipping once every item is verified, and answers the amount with its breakdown. */
export const verifyReturnPackage = async ({ returnId, body, now, ifMatch }: Command<VerifyPackageBody>): Promise<ReturnRequest> => {
  const { request, comments } = await getReturnOrThrow(returnId);
  checkIfMatch(request, ifMatch);
  if (!(PACKAGE_STATUSES as readonly string[]).includes(request.status)) {
    throw new ConflictError(`A package is verified while the request is pending_verification (or approved, before the refund); it is ${request.status}.`, {
      allowedTransitions: allowedReturnTransitions(request),
    });
  }
  const unverified = request.items.flatMap((item, i) =>
    item.goodQuantity === null ? [{ path: `items.${i}.goodQuantity`, message: 'is not verified yet' }] : [],
  );
  if (unverified.length > 0) {
    throw new BusinessRuleError('items_not_verified', 'Verify every item before the package.', { errors: unverified });
  }
  // The amount is computed again when the refund is made, so a later refund cannot make it stale.
  const { state, settings } = await readOrderForRefund(request.orderId);
  const breakdown = returnRefundBreakdown(request.items, body, {
    order: state.order,
    deductShipping: settings.refunds.deductShipping,
    shippingRefunded: state.counters.shipping,
  });
  const next = {
    ...request,
    restockFee: body.restockFee,
    refundedShipping: body.refundedShipping,
    refundAmount: breakdown.refundAmount,
    breakdown,
    updatedAt: now,
    version: request.version + 1,
  };
  await transact([returnPut(next, request.version)]);
  return withComments(next, comments, 'admin');
};
