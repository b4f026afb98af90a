// The HTTP handler of every area with a table: the engine (engine.ts) with the
// table as its store, so a retried Idempotency-Key replays its first answer and
// a throttled or unreachable table is a 503, never a 500.

import { IdempotencyKeyUsedError, type StoredResponse, storedResponse } from '#shared/adapters/idempotency';
import { asServiceError } from '#shared/adapters/service-errors';
import { ConflictError, DomainError } from '#shared/domain/errors';
import { type Actions, type AreaSpecs, httpEngine, type RequestStore } from './engine.ts';
import type { Route } from './route.ts';

export type { BinaryReply } from './engine.ts';

const tableStore: RequestStore = {
  replay: async (error, key) => {
    // A retried create may fail a rule only because its first attempt
    // succeeded (the units are refunded, the order is cancelled): when the key
    // was used before, answer what the first attempt answered.
    const first = error instanceof IdempotencyKeyUsedError || error instanceof DomainError ? await storedResponse(key) : undefined;
    if (!first && error instanceof IdempotencyKeyUsedError) throw new ConflictError('A request with this Idempotency-Key is still being processed.');
    return first;
  },
  serviceError: asServiceError,
};

/**
 * Builds the Lambda handler of one resource area from its route table
 * (infra/routes/<area>.ts) and actions. `reopen` restores what a remembered
 * answer keeps sealed (a webhook's secret) before it is replayed.
 */
export const httpHandler = <R extends Route, S extends AreaSpecs<R>>(
  areaRoutes: readonly R[],
  specs: S,
  actions: Actions<R, S>,
  reopen?: (first: StoredResponse) => Promise<StoredResponse>,
) =>
  httpEngine(
    areaRoutes,
    specs,
    actions,
    reopen
      ? {
          ...tableStore,
          replay: async (error, key) => {
            const first = await tableStore.replay(error, key);
            return first && reopen(first);
          },
        }
      : tableStore,
  );
