// POST /admin/reasons: a shop's own reason, its code unique within its kind.
import type { IdempotencyKey } from '#shared/adapters/idempotency';
import { newId } from '#shared/adapters/ids';
import { insertReason, listReasons } from '#shared/adapters/reasons-repo';
import { buildReason, type CreateReasonBody, checkDefaultCodeFree, type Reason } from '#shared/domain/reason';

export interface CreateReason {
  readonly body: CreateReasonBody;
  readonly now: string;
  readonly idempotency: IdempotencyKey | undefined;
}

/** A code a default holds is refused here; one a stored reason holds, by its guard item in the write. */
export const createReason = async ({ body, now, idempotency }: CreateReason): Promise<Reason> => {
  const reason = buildReason(body, { id: newId('rsn'), now });
  checkDefaultCodeFree(reason, await listReasons(reason.kind, false));
  await insertReason(reason, idempotency);
  return reason;
};
