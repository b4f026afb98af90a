// One-off, after deploying comment copies: a return request stored before
// requests carried a copy of their comments gets their count, and the copy
// when it fits the budget, so that its status changes take one write. Pages
// through every request (byType, never a Scan); each is read with its comment
// items and written only if nothing counted it meanwhile (a first comment
// racing the backfill writes the same, its own comment included). Safe to run
// again: a counted request is left as it is.
import { transact } from '#shared/adapters/dynamo';
import { commentCopyUpdate } from '#shared/adapters/return-comment-copies';
import { getReturnWithComments, listReturns } from '#shared/adapters/returns-repo';
import { planCommentCopy } from '#shared/domain/comment-copies';
import { ConflictError } from '#shared/domain/errors';

/** Answers how many requests it saw, how many it counted, and how many of those now carry a copy. */
export const backfillReturnComments = async (pageSize = 100): Promise<{ seen: number; counted: number; copied: number }> => {
  let cursor: string | undefined;
  const totals = { seen: 0, counted: 0, copied: 0 };
  do {
    const page = await listReturns({}, { limit: pageSize, cursor });
    for (const { id } of page.items) {
      totals.seen++;
      const stored = await getReturnWithComments(id);
      if (!stored || stored.copy.bytes !== undefined) continue;
      const plan = planCommentCopy(stored.copy, stored.comments, []);
      try {
        await transact([commentCopyUpdate(id, plan)]);
      } catch (error) {
        // Counted meanwhile, by a first comment: it wrote the count and copy itself.
        if (!(error instanceof ConflictError)) throw error;
        continue;
      }
      totals.counted++;
      if (plan.kind === 'first' && plan.copy) totals.copied++;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return totals;
};
