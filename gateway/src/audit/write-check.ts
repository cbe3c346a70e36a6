/**
 * Cross-checks what the subgraphs say they wrote (each one's write log) against the gateway's
 * audit log: a write with no audit entry naming its record and version did not come through a
 * gateway — a forged or leaked signing secret, a script with direct access, or the launcher's
 * own document import — and is listed with the identity the subgraph recorded for it.
 */
import { signRequest, type Identity } from '@hub/core';
import type { AuditLog } from './audit-log.js';

export interface SubgraphWrite {
  readonly subgraph: string;
  readonly type: string;
  readonly id: string;
  readonly version: number;
  readonly action: string;
  readonly at: string;
  readonly subject: string | null;
}

export interface WriteCheck {
  readonly ok: boolean;
  readonly since: Date;
  /** Writes the subgraphs reported, all together. */
  readonly checked: number;
  /** Writes no audit entry accounts for. */
  readonly unaccounted: readonly SubgraphWrite[];
  /** Subgraphs whose write log could not be read (the check is then incomplete, and fails). */
  readonly unreachable: ReadonlyArray<{ subgraph: string; reason: string }>;
}

const key = (write: { subgraph: string; type: string; id: string; version: number }) => `${write.subgraph}\u0000${write.type}\u0000${write.id}\u0000${write.version}`;

export async function checkWrites(options: {
  audit: AuditLog;
  subgraphs: ReadonlyArray<{ name: string; url: string; secret: string }>;
  identity: Identity;
  since: Date;
  timeoutMs: number;
}): Promise<WriteCheck> {
  const written: SubgraphWrite[] = [];
  const unreachable: Array<{ subgraph: string; reason: string }> = [];
  await Promise.all(
    options.subgraphs.map(async ({ name, url, secret }) => {
      const base = url.replace(/\/graphql\/?$/, '');
      try {
        const response = await fetch(`${base}/audit/writes?since=${encodeURIComponent(options.since.toISOString())}`, {
          headers: signRequest(secret, options.identity, ''),
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        const body = (await response.json()) as { writes?: Array<Omit<SubgraphWrite, 'subgraph'>>; errors?: Array<{ message: string }> };
        if (!response.ok || !body.writes) throw new Error(body.errors?.[0]?.message ?? `HTTP ${response.status}`);
        for (const write of body.writes) written.push({ ...write, subgraph: name });
      } catch (error) {
        unreachable.push({ subgraph: name, reason: (error as Error).message });
      }
    }),
  );
  await options.audit.flush();
  // An audit entry is written when the gateway answers, a moment after the subgraph's write.
  const entries = options.audit.entries.find({ at: { $gte: new Date(options.since.getTime() - 60_000) }, 'records.0': { $exists: true } }, { projection: { records: 1 } });
  const accounted = new Set<string>();
  for await (const entry of entries) for (const record of entry.records) accounted.add(key(record));
  const unaccounted = written.filter((write) => !accounted.has(key(write))).sort((a, b) => a.at.localeCompare(b.at));
  return { ok: unaccounted.length === 0 && unreachable.length === 0, since: options.since, checked: written.length, unaccounted, unreachable };
}
