import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CliError, EXIT, runCli, type CommandGroup } from './cli.js';
import { GROUPS } from './groups.js';

function capture() {
  let text = '';
  const stream = new Writable({ write: (chunk, _, done) => ((text += chunk), done()) });
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => text };
}

async function cli(...argv: string[]) {
  const out = capture();
  const err = capture();
  const code = await runCli(GROUPS, argv, out.stream, err.stream);
  return { code, out: out.text(), err: err.text() };
}

describe('the hub command', () => {
  it('gives help at every level, with exit 0', async () => {
    const reporting = ['token', 'operations'].flatMap((group) => [[group, '--help'], ...GROUPS.find((g) => g.name === group)!.commands.map((c) => [group, c.name, '--help'])]);
    expect(reporting).toHaveLength(8);
    for (const argv of [['--help'], ['partner', '--help'], ['subgraph', 'publish', '--help'], ['usage', '--help'], ...reporting]) {
      const { code, out } = await cli(...argv);
      expect(code, argv.join(' ')).toBe(EXIT.ok);
      expect(out).toMatch(/^hub /);
    }
  });

  it('answers usage mistakes with exit 2 and a sentence naming the problem', async () => {
    expect(await cli('nonsense')).toMatchObject({ code: 2, err: expect.stringContaining('unknown command group "nonsense"') });
    expect(await cli('partner', 'frobnicate')).toMatchObject({ code: 2, err: expect.stringContaining('has no command "frobnicate"') });
    expect(await cli('partner', 'add')).toMatchObject({ code: 2, err: expect.stringContaining('usage: hub partner add <name>') });
    expect(await cli('partner', 'add', 'media', '--colour', 'red')).toMatchObject({ code: 2, err: expect.stringContaining("Unknown option '--colour'") });
    expect(await cli('schema', 'rollback', '--to', 'last')).toMatchObject({ code: 2, err: expect.stringContaining('--to <n> is required') });
    expect(await cli('token', 'create', '--scopes', 'hub:read')).toMatchObject({ code: 2, err: expect.stringContaining('--name is required') });
    expect(await cli('token', 'create', '--name', 'powerbi')).toMatchObject({ code: 2, err: expect.stringContaining('--scopes is required') });
    expect(await cli('token', 'revoke')).toMatchObject({ code: 2, err: expect.stringContaining('usage: hub token revoke <name|id>') });
    expect(await cli('operations', 'publish', '/nonexistent/manifest.json')).toMatchObject({ code: 2, err: expect.stringContaining('cannot read /nonexistent/manifest.json (ENOENT)') });
  });

  it('says where the hub should be when it cannot reach it, as JSON with --json', async () => {
    process.env.HUB_URL = 'http://127.0.0.1:9';
    try {
      const { code, out } = await cli('subgraph', 'list', '--json');
      expect(code).toBe(2);
      expect(JSON.parse(out)).toMatchObject({ ok: false, error: expect.stringContaining('cannot reach the hub at http://127.0.0.1:9') });
    } finally {
      delete process.env.HUB_URL;
    }
  });

  it('passes a command\'s own exit code and CliError details through', async () => {
    const group: CommandGroup = { name: 'demo', summary: 'demo', commands: [{ name: 'fail', summary: 's', usage: '', run: async () => { throw new CliError('the check failed: x', EXIT.checkFailed, { x: 1 }); } }] };
    const out = capture();
    expect(await runCli([group], ['demo', 'fail', '--json'], out.stream, capture().stream)).toBe(1);
    expect(JSON.parse(out.text())).toEqual({ ok: false, error: 'the check failed: x', details: { x: 1 } });
  });
});
