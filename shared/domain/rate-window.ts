// The fixed one-minute windows the customer rate limits count in (comments on a
// return, gift card redemption tries): one counter item per window, aligned to
// the minute, kept a while after it ends (its TTL). Pure: time is passed in.

/** Every limit counts per minute. */
export const RATE_WINDOW_SECONDS = 60;

export interface RateWindow {
  /** Epoch seconds the window starts at: part of the counter's key. */
  readonly start: number;
  /** Whole seconds until the next window (1…60): what a refusal's Retry-After says. */
  readonly retryAfter: number;
  /** The counter's TTL (epoch seconds): `keptAfterSeconds` after the window ends. */
  readonly expiresAt: number;
}

export const rateWindowAt = (now: string, keptAfterSeconds: number): RateWindow => {
  const seconds = Math.floor(Date.parse(now) / 1000);
  const start = seconds - (seconds % RATE_WINDOW_SECONDS);
  return { start, retryAfter: start + RATE_WINDOW_SECONDS - seconds, expiresAt: start + RATE_WINDOW_SECONDS + keptAfterSeconds };
};
