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
import { checkChange, diffSupergraphs, type Problem, type SchemaChange } from '@hub/schema';
import { sdlHash, VersionConflict, type SchemaRegistry, type SubgraphEntry, type SupergraphVersion } from './schema-registry.js';

export interface ChangeVerdict extends SchemaChange {
  /** Operations that use what changed, with counts and clients (breaking changes only). */
  readonly usedBy: ReadonlyArray<{ operationName: string | null; operationHash: string; client: string; count: number }>;
  /** BREAKING and in use → fails; BREAKING unused or DANGEROUS → warning; SAFE (additions, deprecations) → safe. */
  readonly verdict: 'fails' | 'warning' | 'safe';
}

export interface CheckReport {
  readonly ok: boolean;
  /** The version the check was made against (0: none yet). */
  readonly basedOn: number;
  /** The last stage the check reached: it stopped at parse, rules or composition, or weighed the changes against usage. */
  readonly stage: 'parse' | 'rules' | 'composition' | 'usage';
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
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** What publish and rollback answer: the version served now, and whether this call made it. */
export interface Outcome {
  readonly version: SupergraphVersion;
  readonly report: CheckReport;
  /** True when the graph already served exactly this supergraph: no version was added. */
  readonly unchanged: boolean;
}

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
        summary: `The schema ${what} (${plural(result.problems.length, 'problem')}); fix it and check again. Nothing was stored.`,
      };
    }
    return this.weigh(basedOn, result.changes, result.supergraph);
  }

  /** Each change with the recorded operations it would break: a breaking change in use fails. */
  private async weigh(basedOn: number, found: readonly SchemaChange[], supergraph: string): Promise<CheckReport> {
    const changes: ChangeVerdict[] = [];
    for (const change of found) {
      const usedBy = change.severity === 'BREAKING' ? await this.registry.usageOf([change.coordinate], day(this.options.usageDays * 86_400_000)) : [];
      const verdict = usedBy.length > 0 ? 'fails' : change.severity === 'SAFE' ? 'safe' : 'warning';
      changes.push({ ...change, usedBy: usedBy.map(({ operationName, operationHash, client, count }) => ({ operationName, operationHash, client, count })), verdict });
    }
    const failing = changes.filter((change) => change.verdict === 'fails');
    const warnings = changes.filter((change) => change.verdict === 'warning').length;
    const safe = changes.filter((change) => change.verdict === 'safe').length;
    const noted = [warnings > 0 ? plural(warnings, 'warning') : '', safe > 0 ? plural(safe, 'safe change') : ''].filter(Boolean).join(' and ');
    const summary =
      failing.length > 0
        ? `${plural(failing.length, 'breaking change')} would break operations clients ran in the last ${this.options.usageDays} days (${failing.map((c) => c.coordinate).join(', ')}); keep the old fields (deprecate them first) or agree the change with those clients.`
        : changes.length > 0
          ? `Passes, with ${noted}${warnings > 0 ? ' (none used by recorded operations)' : ''}.`
          : 'Passes: no change clients could notice.';
    return { ok: failing.length === 0, basedOn, stage: 'usage', problems: [], changes, summary, supergraph };
  }

  /** Stores a checked supergraph as the next version, or reports that it is the one served already. */
  private async store(report: CheckReport, latest: SupergraphVersion | null, next: { subgraphs: readonly SubgraphEntry[]; author: string; action: string }): Promise<Outcome> {
    if (latest && latest.hash === sdlHash(report.supergraph!)) return { version: latest, report, unchanged: true };
    try {
      const version = await this.registry.append(report.basedOn, {
        supergraph: report.supergraph!,
        subgraphs: [...next.subgraphs].sort((a, b) => a.name.localeCompare(b.name)),
        author: next.author,
        action: next.action,
        changes: report.changes.map(({ severity, type, message, coordinate }) => ({ severity, type, message, coordinate })),
      });
      return { version, report, unchanged: false };
    } catch (error) {
      if (error instanceof VersionConflict) throw new RegistryRefusal(`Another change was published while this one was being checked (${error.message}); nothing was stored.`, 409);
      throw error;
    }
  }

  /** Checks, then stores the next version; a failing check stores nothing, an identical supergraph adds no version. */
  async publish(change: { candidate?: SubgraphEntry; remove?: string; force?: boolean; author: string; action: string }): Promise<Outcome> {
    const report = await this.check(change);
    if (report.stage !== 'usage' || (!report.ok && !change.force)) throw new RegistryRefusal(report.summary, 422, report);
    const { version, subgraphs } = await this.current();
    if ((version?._id ?? 0) !== report.basedOn) throw new RegistryRefusal(`Another change was published while this one was being checked (now version ${version?._id}); nothing was stored.`, 409);
    const next = change.candidate
      ? [...subgraphs.filter((subgraph) => subgraph.name !== change.candidate!.name), change.candidate]
      : subgraphs.filter((subgraph) => subgraph.name !== change.remove);
    return this.store(report, version, { subgraphs: next, author: change.author, action: change.action });
  }

  /**
   * A new version with an older one's content: the rollback is itself in the history, with its
   * changes. Checked like a publish (a breaking change clients use fails unless forced), and
   * refused when the old version has a partner subgraph whose partner was removed since: the
   * gateway would have no secret to sign its requests with.
   */
  async rollback(to: number, author: string, force = false): Promise<Outcome> {
    const [target, latest, partners] = await Promise.all([this.registry.version(to), this.registry.latest(), this.registry.listPartners()]);
    if (!target) throw new RegistryRefusal(`There is no version ${to}; \`hub schema history\` lists them.`, 404);
    if (!latest || latest._id === to) throw new RegistryRefusal(`Version ${to} is already the one served.`, 409);
    const registered = new Set(partners.map((partner) => partner._id));
    const orphans = target.subgraphs.filter((subgraph) => !subgraph.builtIn && !registered.has(subgraph.name)).map((subgraph) => subgraph.name);
    if (orphans.length > 0) {
      throw new RegistryRefusal(
        `Version ${to} contains the ${orphans.map((name) => `"${name}"`).join(', ')} subgraph${orphans.length === 1 ? '' : 's'}, whose partner is no longer registered (the gateway has no secret to sign its requests); register it again first, or roll back to a version without it. Nothing was stored.`,
        409,
      );
    }
    const report = await this.weigh(latest._id, diffSupergraphs(latest.supergraph, target.supergraph), target.supergraph);
    if (!report.ok && !force) throw new RegistryRefusal(`Rolling back to version ${to}: ${report.summary} Nothing was stored (force it to roll back anyway).`, 422, report);
    const outcome = await this.store(report, latest, { subgraphs: target.subgraphs, author, action: `rollback to ${to}` });
    // The registered URL follows what is served, so `hub partner list` and `hub subgraph list` agree.
    for (const subgraph of target.subgraphs) if (!subgraph.builtIn && partners.find((p) => p._id === subgraph.name)?.url !== subgraph.url) await this.registry.setPartnerUrl(subgraph.name, subgraph.url);
    return outcome;
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
