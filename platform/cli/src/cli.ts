/**
 * The shape every `hub` command shares: `hub <group> <command> [arguments] [--options]`, each
 * with --help and --json, exit 0 on success, 1 when a check fails, 2 on a usage or connection
 * error, and always a sentence saying what to do. Commands are declared, not hand-parsed.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export const EXIT = { ok: 0, checkFailed: 1, usage: 2 } as const;

/** A failure with its exit code and the sentence a person needs. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
    /** Machine-readable details for --json. */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export type OptionSpec = { type: 'string' | 'boolean'; description: string; multiple?: boolean; short?: string };

export interface CommandContext<O> {
  readonly args: string[];
  readonly options: O;
  readonly json: boolean;
  /** Prints a result: JSON with --json, else the text. */
  print(value: unknown, text: string): void;
  /** A line for people on stderr (progress, warnings), never mixed with --json output. */
  note(text: string): void;
}

export interface Command<O = Record<string, string | boolean | string[] | undefined>> {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** e.g. "<name> --url <subgraph-url> [--contact <text>]" */
  readonly usage: string;
  /** More help: what it does, what it needs (token scope), examples. */
  readonly help?: string;
  readonly options?: Record<string, OptionSpec>;
  /** How many positional arguments it takes. */
  readonly args?: { min: number; max: number };
  run(context: CommandContext<O>): Promise<number | void>;
}

export interface CommandGroup {
  readonly name: string;
  readonly summary: string;
  readonly commands: readonly Command<any>[];
  /** A command run by `hub <group> [options]` alone (e.g. `hub usage --coordinate …`). */
  readonly default?: Command<any>;
}

const COMMON: Record<string, OptionSpec> = {
  json: { type: 'boolean', description: 'print the result as JSON (for scripts and CI)' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
};

function optionLines(options: Record<string, OptionSpec>): string {
  return Object.entries(options)
    .map(([name, spec]) => `  --${name}${spec.type === 'string' ? ' <value>' : ''}`.padEnd(30) + spec.description)
    .join('\n');
}

export function commandHelp(group: CommandGroup, command: Command<any>): string {
  const name = command === group.default ? `hub ${group.name}` : `hub ${group.name} ${command.name}`;
  return [
    `${name} ${command.usage}`.trimEnd(),
    '',
    command.summary,
    ...(command.help ? ['', command.help] : []),
    '',
    'Options:',
    optionLines({ ...command.options, ...COMMON }),
    '',
    'Talks to the hub at HUB_URL (default http://localhost:4000) with the token in HUB_TOKEN.',
  ].join('\n');
}

export function groupHelp(group: CommandGroup): string {
  return [`hub ${group.name} <command>`, '', group.summary, '', 'Commands:', ...group.commands.map((c) => `  ${c.name.padEnd(12)}${c.summary}`), '', `"hub ${group.name} <command> --help" tells more.`].join('\n');
}

export function topHelp(groups: readonly CommandGroup[]): string {
  return [
    'hub <group> <command> [arguments] [--options]',
    '',
    'The hub command, for operators, partners and reporting tools.',
    '',
    'Groups:',
    ...groups.map((g) => `  ${g.name.padEnd(12)}${g.summary}`),
    '',
    'Every command takes --help and --json. Exit codes: 0 success, 1 a check failed, 2 a usage or connection error.',
    'Environment: HUB_URL (default http://localhost:4000), HUB_TOKEN (a bearer token).',
  ].join('\n');
}

/** Runs argv against the groups; returns the exit code. */
export async function runCli(groups: readonly CommandGroup[], argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  const json = argv.includes('--json');
  const fail = (error: CliError) => {
    if (json) out.write(`${JSON.stringify({ ok: false, error: error.message, ...(error.details !== undefined ? { details: error.details } : {}) }, null, 2)}\n`);
    else err.write(`hub: ${error.message}\n`);
    return error.exitCode;
  };
  const [groupName, ...afterGroup] = argv;
  if (!groupName || groupName === '--help' || groupName === '-h' || groupName === 'help') {
    out.write(`${topHelp(groups)}\n`);
    return groupName ? EXIT.ok : EXIT.usage;
  }
  const group = groups.find((g) => g.name === groupName);
  if (!group) return fail(new CliError(`unknown command group "${groupName}"; the groups are ${groups.map((g) => g.name).join(', ')} ("hub --help" tells more).`));
  // `hub usage --coordinate X`: a group that is itself a command takes everything after it.
  const usesDefault = group.default !== undefined && (afterGroup.length === 0 || afterGroup[0]!.startsWith('-') || !group.commands.some((c) => c.name === afterGroup[0]));
  const [commandName, ...rest] = usesDefault ? [group.default!.name, ...afterGroup] : afterGroup;
  if (!usesDefault && (!commandName || commandName === '--help' || commandName === '-h')) {
    out.write(`${groupHelp(group)}\n`);
    return commandName ? EXIT.ok : EXIT.usage;
  }
  const command = usesDefault ? group.default! : group.commands.find((c) => c.name === commandName);
  if (!command) return fail(new CliError(`"hub ${group.name}" has no command "${commandName}"; it has ${group.commands.map((c) => c.name).join(', ')}.`));
  if (rest.includes('--help') || rest.includes('-h')) {
    out.write(`${commandHelp(group, command)}\n`);
    return EXIT.ok;
  }
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: rest, options: { ...command.options, ...COMMON } as ParseArgsConfig['options'], allowPositionals: true, strict: true });
  } catch (error) {
    return fail(new CliError(`${(error as Error).message.replace(/\. To specify a positional argument.*$/s, '')}; "hub ${group.name} ${command.name} --help" lists the options.`));
  }
  const { min, max } = command.args ?? { min: 0, max: 0 };
  if (parsed.positionals.length < min || parsed.positionals.length > max) {
    return fail(new CliError(`usage: hub ${group.name} ${command.name} ${command.usage} ("--help" tells more).`));
  }
  const context: CommandContext<any> = {
    args: parsed.positionals,
    options: parsed.values,
    json,
    print: (value, text) => out.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`),
    note: (text) => err.write(`${text}\n`),
  };
  try {
    return (await command.run(context)) ?? EXIT.ok;
  } catch (error) {
    if (error instanceof CliError) return fail(error);
    return fail(new CliError(`${command.name} failed unexpectedly: ${(error as Error).message}`, EXIT.usage));
  }
}
