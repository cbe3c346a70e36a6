/** `hub audit …`: check the gateway's hash-chained audit log, and ask it who did what (hub:admin). */
import { CliError, EXIT, type CommandGroup } from '../cli.js';
import { askHub } from '../hub-client.js';

interface Entry {
  seq: number;
  at: string;
  subject: string | null;
  client: string;
  tokenId: string | null;
  operationType: string | null;
  operationName: string | null;
  operationHash: string | null;
  records: Array<{ subgraph: string; type: string; id: string; version: number; action: string }>;
  outcome: string;
  errorCodes: string[];
  gateway: string;
}

function entryLine(entry: Entry): string {
  const who = `${entry.subject ?? 'anonymous'}${entry.tokenId ? ` (token ${entry.tokenId})` : ''}${entry.client !== (entry.subject ?? 'anonymous') ? ` via ${entry.client}` : ''}`;
  const what = `${entry.operationType ?? 'request'} ${entry.operationName ?? '(anonymous)'}`;
  const records = entry.records.map((r) => `${r.action} ${r.type} ${r.id} v${r.version}`).join(', ');
  const outcome = entry.outcome === 'ok' ? 'ok' : `${entry.outcome}${entry.errorCodes.length ? ` ${entry.errorCodes.join(',')}` : ''}`;
  return `${String(entry.seq).padStart(6)}  ${entry.at}  ${who}  ${what}  ${outcome}${records ? `  → ${records}` : ''}`;
}

export const auditCommands: CommandGroup = {
  name: 'audit',
  summary: 'verify the audit log\'s hash chain; show who asked for or changed what',
  commands: [
    {
      name: 'verify',
      summary: 'check every entry of the audit log; names the first broken link (exit 1)',
      usage: '',
      help: 'Needs an operator token (hub:admin) in HUB_TOKEN. Each entry carries the hash of the one before it: an entry edited, deleted or inserted in the database breaks the chain there. Keep the printed head hash somewhere else to notice entries cut off the end, too.',
      async run({ print }) {
        const answer = await askHub('GET', '/registry/audit/verify');
        const { ok, entries, head, broken } = answer.body as { ok: boolean; entries: number; head: { seq: number; hash: string } | null; broken?: { seq: number; problem: string } };
        const headText = head ? `head: entry ${head.seq}, hash ${head.hash}` : 'the log is empty';
        if (ok) {
          print(answer.body, `The audit log holds: ${entries} entr${entries === 1 ? 'y' : 'ies'} chained from the first (${headText}).`);
          return EXIT.ok;
        }
        print(answer.body, `The audit log is BROKEN at entry ${broken!.seq}: ${broken!.problem}.\nThe ${entries} entr${entries === 1 ? 'y' : 'ies'} before it hold (${headText}); look at entry ${broken!.seq} and who could write to the registry database.`);
        return EXIT.checkFailed;
      },
    },
    {
      name: 'show',
      summary: 'audit entries, newest first, filtered by subject, record or time',
      usage: '[--subject <sub>] [--record <id>] [--since <when>] [--limit <n>]',
      help: 'Needs an operator token (hub:admin) in HUB_TOKEN. "Who changed this record": hub audit show --record hoi-nghi-toan-quoc-ket-luan-57-kl-tw\n--since takes a date (2026-11-30), a date-time (2026-11-30T08:00Z) or a time back from now (30m, 12h, 7d).',
      options: {
        subject: { type: 'string', description: "only requests by this token subject" },
        record: { type: 'string', description: 'only requests that wrote the record with this id' },
        since: { type: 'string', description: 'only requests from then on: 2026-11-30, 2026-11-30T08:00Z, 30m, 12h, 7d' },
        limit: { type: 'string', description: 'at most this many entries (default 50, at most 1000)' },
      },
      async run({ options, print }) {
        const limit = options.limit as string | undefined;
        if (limit !== undefined && !/^[1-9]\d*$/.test(limit)) throw new CliError(`--limit must be a whole number of entries, got "${limit}".`);
        const query = new URLSearchParams();
        for (const name of ['subject', 'record', 'since', 'limit'] as const) if (options[name] !== undefined) query.set(name, options[name] as string);
        const answer = await askHub('GET', `/registry/audit/entries${query.size ? `?${query}` : ''}`);
        const entries: Entry[] = answer.body.entries;
        print(answer.body, entries.length === 0 ? 'No audit entries match.' : entries.map(entryLine).join('\n'));
      },
    },
    {
      name: 'writes',
      summary: "cross-check the subgraphs' write logs with the audit log: writes that bypassed the gateway (exit 1)",
      usage: '[--since <when>]',
      help: 'Needs an operator token (hub:admin) in HUB_TOKEN. Every subgraph records who each write it applied came from; a write no audit entry accounts for did not come through a gateway. --since as for "show" (default 1d).',
      options: { since: { type: 'string', description: 'writes from then on (default 1d): 2026-11-30, 12h, 7d' } },
      async run({ options, print }) {
        const since = options.since as string | undefined;
        const answer = await askHub('GET', `/registry/audit/writes${since ? `?since=${encodeURIComponent(since)}` : ''}`);
        const report = answer.body as { ok: boolean; checked: number; unaccounted: Array<{ subgraph: string; type: string; id: string; version: number; action: string; at: string; subject: string | null }>; unreachable: Array<{ subgraph: string; reason: string }> };
        const lines = [
          `${report.checked} write${report.checked === 1 ? '' : 's'} checked since ${answer.body.since}; ${report.unaccounted.length} without an audit entry.`,
          ...report.unaccounted.map((w) => `  ${w.at}  ${w.subgraph}: ${w.action} ${w.type} ${w.id} v${w.version} by ${w.subject ?? 'anonymous'} — not through the gateway`),
          ...report.unreachable.map((u) => `  the ${u.subgraph} subgraph's write log could not be read (${u.reason}): the check is incomplete`),
        ];
        print(report, lines.join('\n'));
        return report.ok ? EXIT.ok : EXIT.checkFailed;
      },
    },
  ],
};
