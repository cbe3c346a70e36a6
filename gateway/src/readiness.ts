/**
 * The gateway's readiness: ready when every one of the hub's own subgraphs says it is ready
 * (each asked at its /health/ready, which pings its database), 503 naming the ones that are not.
 * Partners' states are reported from their circuit breakers; a partner that is down makes the
 * hub degraded, not unready, since everything else still answers. Always answers within a
 * second: each probe has its own short timeout, and a result is reused for a second.
 */
import { jsonReply, type Reply } from '@hub/core';
import type { BreakerState } from './circuit-breaker.js';

export interface ReadinessOptions {
  /** The hub's own subgraphs and their GraphQL URLs. */
  builtIns: ReadonlyMap<string, string>;
  breakerStates: () => Record<string, BreakerState>;
  probeTimeoutMs?: number;
  cacheMs?: number;
}

async function probe(graphqlUrl: string, timeoutMs: number): Promise<string> {
  const url = graphqlUrl.replace(/\/graphql\/?$/, '') + '/health/ready';
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    if (response.ok) return 'ready';
    const body = (await response.json().catch(() => ({}))) as { reason?: string };
    return `unavailable${body.reason ? `: ${body.reason}` : ` (HTTP ${response.status})`}`;
  } catch (error) {
    const cause = (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : ((error as { cause?: Error }).cause?.message ?? (error as Error).message);
    return `unreachable: ${cause}`;
  }
}

export function readinessHandler(options: ReadinessOptions): () => Promise<Reply> {
  const { probeTimeoutMs = 700, cacheMs = 1_000 } = options;
  let cached: { at: number; reply: Promise<Reply> } | undefined;
  const check = async (): Promise<Reply> => {
    const names = [...options.builtIns.keys()];
    const states = await Promise.all(names.map((name) => probe(options.builtIns.get(name)!, probeTimeoutMs)));
    const subgraphs: Record<string, string> = Object.fromEntries(names.map((name, i) => [name, states[i]!]));
    for (const [name, state] of Object.entries(options.breakerStates())) {
      if (!(name in subgraphs)) subgraphs[name] = state === 'closed' ? 'ready' : `circuit ${state}`;
      else if (state !== 'closed' && subgraphs[name] === 'ready') subgraphs[name] = `ready (circuit ${state})`;
    }
    const down = names.filter((name) => !subgraphs[name]!.startsWith('ready'));
    return down.length === 0
      ? jsonReply(200, { status: 'ready', subgraphs })
      : jsonReply(503, { status: 'unavailable', reason: `subgraph${down.length === 1 ? '' : 's'} not ready: ${down.join(', ')}`, subgraphs });
  };
  return () => {
    const now = Date.now();
    if (!cached || now - cached.at > cacheMs) cached = { at: now, reply: check() };
    return cached.reply;
  };
}
