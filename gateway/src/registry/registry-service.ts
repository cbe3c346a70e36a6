/**
 * What the registry does with a change to the graph — check it, publish it, remove a subgraph,
 * roll back — the same steps for a partner's CI, an operator and `npm start`:
 *
 * 1. compose the candidate with the subgraphs of the latest version (the composer's messages);
 * 2. list the changes clients would see, and for each breaking one the operations served in the
 *    last `usageDays` days that use it: a breaking change in use fails, one nobody uses warns;
 * 3. only when all passes, store the next version (compare-and-set: of two publishes at once one
 *    wins, the other is told to retry). A failed check stores nothing.
 */
import { checkChange, type Problem, type SchemaChange } from '@hub/schema';
import { VersionConflict, type SchemaRegistry, type SubgraphEntry, type SupergraphVersion } from './schema-registry.js';

export interface ChangeVerdict extends SchemaChange {
  /** Operations that use what changed, with counts and clients (breaking changes only). */
  readonly usedBy: ReadonlyArray<{ operationName: string | null; operationHash: string; client: string; count: number }>;
  /** BREAKING and in use → fails; BREAKING unused or DANGEROUS → warning; else safe. */
  readonly verdict: 'fails' | 'warning';
}

export interface CheckReport {
  readonly ok: boolean;
  /** The version the check was made against (0: none yet). */
  readonly basedOn: number;
  readonly stage?: 'parse' | 'rules' | 'composition';
  readonly problems: readonly Problem[];
  readonly changes: readonly ChangeVerdict[];
  /** A sentence for people: what happened and what to do. */
  readonly summary: string;
  /** The supergraph the change would produce (when it composes). */
  readonly supergraph?: string;
}

export class RegistryRefusal extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly report?: CheckReport,
  ) {
    super(message);
  }
}

const day = (msAgo: number) => new Date(Date.now() - msAgo).toISOString().slice(0, 10);

export class RegistryService {
  constructor(
    readonly registry: SchemaRegistry,
    private readonly options: { usageDays: number },
  ) {}

  /** The subgraphs of the latest version, or none. */
  async current(): Promise<{ version: SupergraphVersion | null; subgraphs: SubgraphEntry[] }> {
    const version = await this.registry.latest();
    return { version, subgraphs: version ? [...version.subgraphs] : [] };
  }

  async check(change: { candidate?: SubgraphEntry; remove?: string }): Promise<CheckReport> {
    const { version, subgraphs } = await this.current();
    const basedOn = version?._id ?? 0;
    const result = checkChange({ current: subgraphs, candidate: change.candidate, remove: change.remove, currentSupergraph: version?.supergraph });
    if (!result.ok) {
      const what = result.stage === 'parse' ? 'is not valid GraphQL SDL' : result.stage === 'rules' ? "breaks the hub's rules for subgraphs" : 'does not compose with the graph';
      return {
        ok: false,
        basedOn,
        stage: result.stage,
        problems: result.problems,
        changes: [],
        summary: `The schema ${what} (${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}); fix it and check again. Nothing was stored.`,
      };
    }
    const changes: ChangeVerdict[] = [];
    for (const change of result.changes) {
      const usedBy = change.severity === 'BREAKING' ? await this.registry.usageOf([change.coordinate], day(this.options.usageDays * 86_400_000)) : [];
      changes.push({ ...change, usedBy: usedBy.map(({ operationName, operationHash, client, count }) => ({ operationName, operationHash, client, count })), verdict: usedBy.length > 0 ? 'fails' : 'warning' });
    }
    const failing = changes.filter((change) => change.verdict === 'fails');
    const summary =
      failing.length > 0
        ? `${failing.length} breaking change${failing.length === 1 ? '' : 's'} would break operations clients ran in the last ${this.options.usageDays} days (${failing.map((c) => c.coordinate).join(', ')}); keep the old fields (deprecate them first) or agree the change with those clients.`
        : changes.length > 0
          ? `Passes, with ${changes.length} change${changes.length === 1 ? '' : 's'} to note (none used by recorded operations).`
          : 'Passes: no change clients could notice.';
    return { ok: failing.length === 0, basedOn, problems: [], changes, summary, supergraph: result.supergraph };
  }

  /** Checks, then stores the next version; a failing check stores nothing. */
  async publish(change: { candidate?: SubgraphEntry; remove?: string; force?: boolean; author: string; action: string }): Promise<{ version: SupergraphVersion; report: CheckReport }> {
    const report = await this.check(change);
    if (report.stage || (!report.ok && !change.force)) throw new RegistryRefusal(report.summary, 422, report);
    const { subgraphs } = await this.current();
    const next = change.candidate
      ? [...subgraphs.filter((subgraph) => subgraph.name !== change.candidate!.name), change.candidate]
      : subgraphs.filter((subgraph) => subgraph.name !== change.remove);
    try {
      const version = await this.registry.append(report.basedOn, {
        supergraph: report.supergraph!,
        subgraphs: next.sort((a, b) => a.name.localeCompare(b.name)),
        author: change.author,
        action: change.action,
        changes: report.changes.map(({ severity, type, message, coordinate }) => ({ severity, type, message, coordinate })),
      });
      return { version, report };
    } catch (error) {
      if (error instanceof VersionConflict) throw new RegistryRefusal(`Another change was published while this one was being checked (${error.message}); nothing was stored.`, 409);
      throw error;
    }
  }

  /** A new version with an older one's content: the rollback is itself in the history. */
  async rollback(to: number, author: string): Promise<SupergraphVersion> {
    const [target, latest] = await Promise.all([this.registry.version(to), this.registry.latest()]);
    if (!target) throw new RegistryRefusal(`There is no version ${to}; \`hub schema history\` lists them.`, 404);
    if (!latest || latest._id === to) throw new RegistryRefusal(`Version ${to} is already the one served.`, 409);
    try {
      return await this.registry.append(latest._id, { supergraph: target.supergraph, subgraphs: target.subgraphs, author, action: `rollback to ${to}`, changes: [] });
    } catch (error) {
      if (error instanceof VersionConflict) throw new RegistryRefusal(`Another change was published meanwhile (${error.message}); nothing was stored.`, 409);
      throw error;
    }
  }

  /**
   * Makes the latest version carry the hub's own subgraphs as checked in (what `npm start`
   * does): nothing when they are unchanged; otherwise a new version with the partners kept.
   * Built-in changes are the hub team's own decision, so usage does not block them.
   */
  async ensureBuiltIns(builtIns: readonly SubgraphEntry[], author: string): Promise<SupergraphVersion | null> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const { version, subgraphs } = await this.current();
      const stale = builtIns.filter((builtIn) => subgraphs.find((subgraph) => subgraph.name === builtIn.name)?.sdl !== builtIn.sdl);
      if (version && stale.length === 0) return null;
      const partners = subgraphs.filter((subgraph) => !builtIns.some((builtIn) => builtIn.name === subgraph.name));
      const result = checkChange({ current: [...builtIns, ...partners], currentSupergraph: version?.supergraph });
      if (!result.ok) throw new RegistryRefusal(`The hub's own subgraphs do not compose with the registered partners: ${result.problems.map((p) => p.message).join('; ')}`, 422);
      try {
        return await this.registry.append(version?._id ?? 0, {
          supergraph: result.supergraph,
          subgraphs: [...builtIns, ...partners].sort((a, b) => a.name.localeCompare(b.name)),
          author,
          action: version ? `update ${stale.map((s) => s.name).join(', ')}` : 'first version',
          changes: result.changes,
        });
      } catch (error) {
        if (!(error instanceof VersionConflict)) throw error;
        // Another gateway starting at the same time published first: look again.
      }
    }
    return null;
  }
}
