// GET /cancellations/{cancellationId}: one of my cancellations as it now stands.
import { getCancellation } from '#shared/adapters/cancellations-repo';
import { type Caller, visibleTo } from '#shared/domain/caller';
import type { Cancellation } from '#shared/domain/cancellation';

/** A cancellation holds no staff identity (`requestedBy` is customer or admin), so the owner sees it as stored. */
export const viewCancellation = async (cancellationId: string, caller: Caller): Promise<Cancellation> =>
  visibleTo(caller, await getCancellation(cancellationId), (cancellation) => cancellation.customerId, 'The cancellation');
