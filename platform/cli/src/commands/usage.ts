/** `hub usage`: which operations and clients use the graph (or one schema coordinate). */
import { CliError, type CommandGroup } from '../cli.js';
import { callHub, hubTarget, refusal } from '../hub-client.js';
import { table } from './report-format.js';

export const usageCommands: CommandGroup = {
  name: 'usage',
  summary: 'operations served, by client, optionally only those using a schema coordinate',
  commands: [],
  default: {
    name: 'usage',
    summary: 'operations served in the last days, by client and count',
    usage: '[--coordinate Type.field] [--days <n>]',
    options: {
      coordinate: { type: 'string', description: 'only operations that use this Type, Type.field or Type.field(arg:)' },
      days: { type: 'string', description: 'how many days back (default 30)' },
    },
    async run({ options, print }) {
      const days = (options.days as string | undefined) ?? '30';
      if (!/^[1-9]\d*$/.test(days)) throw new CliError(`--days must be a whole number of days, got "${days}".`);
      const query = new URLSearchParams({ days, ...(options.coordinate ? { coordinate: options.coordinate as string } : {}) });
      const answer = await callHub(hubTarget(), 'GET', `/registry/usage?${query}`);
      if (answer.status !== 200) throw refusal(answer);
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
