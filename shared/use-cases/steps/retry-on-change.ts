// Optimistic concurrency with a re-plan: read, decide, write conditioned on the
// version read; when only that version moved, read again and decide again.
import { withBackoff } from '#shared/adapters/backoff';
import { ConflictError } from '#shared/domain/errors';

/** A version condition failed on an item the caller may re-read and re-plan against. */
export class ConcurrentChangeError extends ConflictError {
  constructor(what: string) {
    super(`The ${what} was changed concurrently; reload it and retry.`);
    this.name = 'ConcurrentChangeError';
  }
}

/**
 * Runs `attempt` until it stops losing version races (at most `attempts`
 * times, with jittered backoff), then lets the 409 through. Any other error
 * (a business rule found on re-read, an idempotent replay) ends it at once.
 */
export const retryOnChange = <T>(attempt: () => Promise<T>, attempts = 8): Promise<T> =>
  withBackoff(attempt, { attempts, retryIf: (error) => error instanceof ConcurrentChangeError });
