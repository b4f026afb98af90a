// One-off, after deploying the order hold mark: an order whose customer filed
// a cancellation request before orders carried the mark gets it, so the one-
// write status change refuses to move it while the request is open. Pages
// through the open requests (byStatus, never a Scan); each order is marked in
// a transaction that also checks its request is still open, so a request
// decided meanwhile never leaves a hold behind. Safe to run again.
import { cancellationStillRequested, listCancellations } from '#shared/adapters/cancellations-repo';
import { transact } from '#shared/adapters/dynamo';
import { holdOrder } from '#shared/adapters/orders-repo';
import { ConflictError } from '#shared/domain/errors';

/** Marks the order of every open request; answers how many requests it saw and how many orders it marked (or found marked). */
export const backfillOrderHolds = async (pageSize = 100): Promise<{ seen: number; held: number }> => {
  let cursor: string | undefined;
  let seen = 0;
  let held = 0;
  do {
    const page = await listCancellations({ status: 'requested' }, { limit: pageSize, cursor });
    for (const request of page.items) {
      seen++;
      try {
        await transact([cancellationStillRequested(request.id), holdOrder(request.orderId, request.id)]);
        held++;
      } catch (error) {
        // Decided meanwhile (its decision already settled the order), or the order is gone.
        if (!(error instanceof ConflictError)) throw error;
      }
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { seen, held };
};
