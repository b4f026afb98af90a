// Order statistics and ratios for the benchmark. Samples are sorted copies;
// percentiles use the nearest-rank method (no interpolation between samples),
// so a p50 is always a time that was actually measured.

export const percentile = (samples: readonly number[], p: number): number => {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
};

export interface Summary {
  readonly n: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p90: number;
  readonly p95: number;
  readonly min: number;
  readonly max: number;
}

export const summarize = (samples: readonly number[]): Summary => ({
  n: samples.length,
  p25: percentile(samples, 25),
  p50: percentile(samples, 50),
  p75: percentile(samples, 75),
  p90: percentile(samples, 90),
  p95: percentile(samples, 95),
  min: samples.length ? Math.min(...samples) : Number.NaN,
  max: samples.length ? Math.max(...samples) : Number.NaN,
});

export const ratio = (value: number, reference: number): number => (reference === 0 ? (value === 0 ? 1 : Number.POSITIVE_INFINITY) : value / reference);

export const round = (value: number, digits = 2): number => {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

/** Milliseconds since an arbitrary origin, sub-millisecond. */
export const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

/** Runs `fn` `count` times with at most `concurrency` in flight; returns each call's duration (ms). */
export const timeEach = async (count: number, concurrency: number, fn: (i: number) => Promise<unknown>): Promise<{ durations: number[]; wallMs: number }> => {
  const durations: number[] = [];
  let next = 0;
  const started = nowMs();
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const t0 = nowMs();
      await fn(i);
      durations.push(nowMs() - t0);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return { durations, wallMs: nowMs() - started };
};
