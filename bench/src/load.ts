/**
 * A closed-loop load: `concurrency` callers, each sending its next request when the last one is
 * answered, for a fixed time. Latencies of every request are kept for percentiles.
 */
export interface LoadResult {
  requests: number;
  errors: number;
  /** The first error seen, for the report. */
  firstError?: string;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** `send` resolves with an error sentence when an answer is wrong, undefined when it is right. */
export async function runLoad(send: () => Promise<string | undefined>, concurrency: number, seconds: number, maxRequests: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let issued = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  const caller = async () => {
    while (performance.now() < until && issued < maxRequests) {
      issued += 1;
      const begun = performance.now();
      let failure: string | undefined;
      try {
        failure = await send();
      } catch (error) {
        failure = (error as Error).message;
      }
      latencies.push(performance.now() - begun);
      if (failure) {
        errors += 1;
        firstError ??= failure;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, caller));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, errors, firstError, seconds: elapsed, rps: latencies.length / elapsed, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) };
}
