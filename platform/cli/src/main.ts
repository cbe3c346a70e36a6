/** `hub …`: every command group, in the order `hub --help` lists them. */
import { runCli } from './cli.js';
import { GROUPS } from './groups.js';

process.exitCode = await runCli(GROUPS, process.argv.slice(2));
