// The one retry loop: a try that may pass when tried again (a transaction that
// met another, keys a batch read left unprocessed, a version race a use case
// re-plans) is tried again after a jittered, growing wait. Full jitter (a
// random wait up to 10 ms × 2^n after try n, n capped at 7) spreads racing
// callers apart; the cap keeps a caller that allows many tries (a hot
// store-credit account at checkout) waiting at most ~1.3 s between them.

export interface Backoff {
  /** Tries at most, the first included. */
  readonly attempts: number;
  /** Whether a failure may pass when tried again; any other is thrown at once. */
  readonly retryIf: (error: unknown) => boolean;
  /** What to throw when the last try fails in a way worth retrying (by default, that failure). */
  readonly exhausted?: (last: unknown) => unknown;
}

export const withBackoff = async <T>(run: () => Promise<T>, { attempts, retryIf, exhausted = (last) => last }: Backoff): Promise<T> => {
  for (let n = 1; ; n++) {
    try {
      return await run();
    } catch (error) {
      if (!retryIf(error)) throw error;
      if (n >= attempts) throw exhausted(error);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * 2 ** Math.min(n, 7)));
    }
  }
};
