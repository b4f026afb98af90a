// PUT /admin/reasons/{id}: edits a reason, a default included (its first edit stores it).

import { listReasons, storedReason, writeReason } from '#shared/adapters/reasons-repo';
import { NotFoundError } from '#shared/domain/errors';
import { checkIfMatch } from '#shared/domain/if-match';
import { updateReason as applyUpdate, checkDefaultCodeFree, defaultReason, type Reason, reasonCodeMoved, type UpdateReasonBody } from '#shared/domain/reason';

export interface UpdateReason {
  readonly id: string;
  readonly body: UpdateReasonBody;
  readonly ifMatch: number | undefined;
  readonly now: string;
}

/** A stale If-Match is a 412 before any write; a writer that lost the version race gets a 409. */
export const updateReason = async ({ id, body, ifMatch, now }: UpdateReason): Promise<Reason> => {
  const stored = await storedReason(id);
  const current = stored ?? defaultReason(id);
  if (!current) throw new NotFoundError('The reason');
  checkIfMatch(current, ifMatch);
  const next = applyUpdate(current, body, now);
  if (reasonCodeMoved(current, next)) checkDefaultCodeFree(next, await listReasons(next.kind, false));
  await writeReason(next, stored);
  return next;
};
