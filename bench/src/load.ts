/**
 * A closed-loop load: `concurrency` callers, each sending its next request when the last one is
 * answered, for a fixed time. Every latency is kept, so rounds run at different moments can be
 * summed into one result (the benchmark interleaves the gateways it compares in short rounds, so
 * the other work on a shared machine weighs on each alike).
 */
export interface Round {
  latencies: number[];
  errors: number;
  /** The first error seen, for the report. */
  firstError?: string;
  seconds: number;
}

export interface LoadResult {
  requests: number;
  errors: number;
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
export async function runRound(send: () => Promise<string | undefined>, concurrency: number, seconds: number, maxRequests: number): Promise<Round> {
  const round: Round = { latencies: [], errors: 0, seconds: 0 };
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
      round.latencies.push(performance.now() - begun);
      if (failure) {
        round.errors += 1;
        round.firstError ??= failure;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, caller));
  round.seconds = (performance.now() - started) / 1000;
  return round;
}

/** The rounds of one measurement as one result: requests over the time they took together. */
export function summed(rounds: Round[]): LoadResult {
  const latencies = rounds.flatMap((round) => round.latencies).sort((a, b) => a - b);
  const seconds = rounds.reduce((sum, round) => sum + round.seconds, 0);
  return {
    requests: latencies.length,
    errors: rounds.reduce((sum, round) => sum + round.errors, 0),
    firstError: rounds.find((round) => round.firstError)?.firstError,
    seconds,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}
