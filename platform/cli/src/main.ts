/** `hub …`: every command group, in the order `hub --help` lists them. */
import { runCli } from './cli.js';
import { GROUPS } from './groups.js';

const code = await runCli(GROUPS, process.argv.slice(2));
// The answer is written (stdout and stderr are synchronous for files, pipes and terminals on
// Linux and macOS); a command that used the MongoDB driver can leave its idle timers behind for
// a minute, so the command ends here rather than when they run out.
process.exit(code);
