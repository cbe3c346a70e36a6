/**
 * The gateway's readiness, for the subgraphs of the supergraph it serves now (a removed partner
 * is no longer listed):
 *
 * - the hub's own subgraphs are asked at their /health/ready (which pings their database): when
 *   one is not ready the gateway answers 503 naming it — an orchestrator should hold traffic;
 * - each partner is asked at its health endpoint (its GraphQL URL's last path segment replaced
 *   by `health`: …/graphql → …/health, as PARTNERS.md asks), with its circuit breaker's state.
 *   A partner that is down makes the hub "degraded" with 200, never 503: everything else still
 *   answers, and a 503 would have an orchestrator restart a healthy hub for a partner's outage.
 *
 * Always answers within a second: probes have a short timeout and run in parallel; a result is
 * reused for a second; a partner's previous result is answered at once while the next probe runs
 * in the background, so a partner that hangs never slows readiness.
 */
import { jsonReply, type Reply } from '@hub/core';
import type { BreakerState } from './circuit-breaker.js';

export interface ServedSubgraph {
  readonly name: string;
  readonly url: string;
  readonly builtIn: boolean;
}

export interface ReadinessOptions {
  /** The subgraphs of the supergraph served now, with the URLs the gateway calls them at. */
  served: () => readonly ServedSubgraph[];
  breakerStates: () => Record<string, BreakerState>;
  probeTimeoutMs?: number;
  cacheMs?: number;
}

async function probe(url: string, timeoutMs: number): Promise<string> {
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

export const builtInHealthUrl = (graphqlUrl: string) => graphqlUrl.replace(/\/graphql\/?$/, '') + '/health/ready';
export const partnerHealthUrl = (graphqlUrl: string) => new URL('health', graphqlUrl).toString();

/** A partner's last probe result, refreshed in the background when it is older than `cacheMs`. */
class PartnerProbes {
  private readonly results = new Map<string, { at: number; state: string }>();
  private readonly running = new Map<string, Promise<string>>();

  constructor(
    private readonly timeoutMs: number,
    private readonly cacheMs: number,
  ) {}

  state(url: string): Promise<string> {
    const last = this.results.get(url);
    if (last && Date.now() - last.at <= this.cacheMs) return Promise.resolve(last.state);
    let next = this.running.get(url);
    if (!next) {
      next = probe(url, this.timeoutMs).then((state) => {
        this.results.set(url, { at: Date.now(), state });
        this.running.delete(url);
        return state;
      });
      this.running.set(url, next);
    }
    return last ? Promise.resolve(last.state) : next;
  }

  /** Forgets partners no longer served, so the map does not grow with every URL ever published. */
  keepOnly(urls: ReadonlySet<string>): void {
    for (const url of this.results.keys()) if (!urls.has(url)) this.results.delete(url);
  }
}

export function readinessHandler(options: ReadinessOptions): () => Promise<Reply> {
  const { probeTimeoutMs = 700, cacheMs = 1_000 } = options;
  const partnerProbes = new PartnerProbes(probeTimeoutMs, cacheMs);
  let cached: { at: number; reply: Promise<Reply> } | undefined;
  const check = async (): Promise<Reply> => {
    const served = options.served();
    const breakers = options.breakerStates();
    const partnerUrls = new Set(served.filter((subgraph) => !subgraph.builtIn).map((subgraph) => partnerHealthUrl(subgraph.url)));
    partnerProbes.keepOnly(partnerUrls);
    const states = await Promise.all(served.map((subgraph) => (subgraph.builtIn ? probe(builtInHealthUrl(subgraph.url), probeTimeoutMs) : partnerProbes.state(partnerHealthUrl(subgraph.url)))));
    const subgraphs: Record<string, string> = {};
    served.forEach(({ name }, i) => {
      const breaker = breakers[name];
      subgraphs[name] = breaker && breaker !== 'closed' ? `${states[i]} (circuit ${breaker})` : states[i]!;
    });
    // A built-in whose health is fine is ready even while its breaker recovers; a partner whose
    // breaker is open is not answering the gateway, whatever its health endpoint says.
    const hubDown = served.filter((s) => s.builtIn && !subgraphs[s.name]!.startsWith('ready')).map((s) => s.name);
    const partnersDown = served.filter((s) => !s.builtIn && !(states[served.indexOf(s)] === 'ready' && breakers[s.name] !== 'open')).map((s) => s.name);
    if (hubDown.length > 0) return jsonReply(503, { status: 'unavailable', reason: `subgraph${hubDown.length === 1 ? '' : 's'} not ready: ${hubDown.join(', ')}`, subgraphs });
    if (partnersDown.length > 0) {
      return jsonReply(200, { status: 'degraded', reason: `partner subgraph${partnersDown.length === 1 ? '' : 's'} not answering: ${partnersDown.join(', ')} (their fields answer null with an error; the rest of the graph serves)`, subgraphs });
    }
    return jsonReply(200, { status: 'ready', subgraphs });
  };
  return () => {
    const now = Date.now();
    if (!cached || now - cached.at > cacheMs) cached = { at: now, reply: check() };
    return cached.reply;
  };
}
