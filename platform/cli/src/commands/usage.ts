/** `hub usage`: which operations and clients use the graph (or one schema coordinate). */
import { CliError, type CommandGroup } from '../cli.js';
import { askHub } from '../hub-client.js';
import { table } from './report-format.js';

export const usageCommands: CommandGroup = {
  name: 'usage',
  summary: 'operations served, by client, optionally only those using a schema coordinate; report fetches with --reports',
  commands: [],
  default: {
    name: 'usage',
    summary: 'operations served in the last days, by client and count',
    usage: '[--coordinate Type.field] [--reports [--report <name>]] [--days <n>]',
    help: 'With --reports: report and export fetches (GET /reports/<name>.csv…, POST /export.csv) per report and client, with the rows sent.',
    options: {
      coordinate: { type: 'string', description: 'only operations that use this Type, Type.field or Type.field(arg:)' },
      reports: { type: 'boolean', description: 'report and export fetches per report and client instead of operations' },
      report: { type: 'string', description: 'with --reports: only this report ("(ad hoc)" for POST /export)' },
      days: { type: 'string', description: 'how many days back (default 30)' },
    },
    async run({ options, print }) {
      const days = (options.days as string | undefined) ?? '30';
      if (!/^[1-9]\d*$/.test(days)) throw new CliError(`--days must be a whole number of days, got "${days}".`);
      if (options.report && !options.reports) throw new CliError('--report goes with --reports: "hub usage --reports --report committee-roster".');
      if (options.reports && options.coordinate) throw new CliError('--coordinate is about operations, --reports about report fetches; give one of them.');
      if (options.reports) {
        const query = new URLSearchParams({ days, ...(options.report ? { report: options.report as string } : {}) });
        const answer = await askHub('GET', `/registry/usage/reports?${query}`);
        const rows: Array<{ report: string; client: string; count: number; rows: number; failed: number; formats: string[]; lastDay: string }> = answer.body.reports;
        print(
          answer.body,
          rows.length === 0
            ? `No report fetches recorded since ${answer.body.since}${options.report ? ` for ${options.report}` : ''}.`
            : [`${'fetches'.padStart(8)}  ${'rows'.padStart(9)}  ${'report'.padEnd(28)} ${'client'.padEnd(20)} formats  last day`, ...rows.map((r) => `${String(r.count).padStart(8)}  ${String(r.rows).padStart(9)}  ${r.report.padEnd(28)} ${r.client.padEnd(20)} ${r.formats.join(',').padEnd(8)} ${r.lastDay}${r.failed ? `  (${r.failed} stopped part way)` : ''}`)].join('\n'),
        );
        return;
      }
      const query = new URLSearchParams({ days, ...(options.coordinate ? { coordinate: options.coordinate as string } : {}) });
      const answer = await askHub('GET', `/registry/usage?${query}`);
      const rows: Array<{ operationName: string | null; operationHash: string; client: string; count: number }> = answer.body.operations;
      print(
        answer.body,
        rows.length === 0
          ? `No operations recorded since ${answer.body.since}${options.coordinate ? ` use ${options.coordinate}` : ''}.`
          : table(['COUNT', 'CLIENT', 'HASH', 'OPERATION'], rows.map((r) => [String(r.count), r.client, r.operationHash.slice(0, 12), r.operationName ?? '(anonymous)']), [0]),
      );
    },
  },
};
