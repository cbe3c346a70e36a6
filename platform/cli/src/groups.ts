/** The command groups of `hub`. A new group is one file in commands/ and one line here. */
import type { CommandGroup } from './cli.js';
import { documentsCommands } from './commands/documents.js';
import { generateCommands } from './commands/generate.js';
import { partnerCommands } from './commands/partner.js';
import { schemaCommands } from './commands/schema.js';
import { subgraphCommands } from './commands/subgraph.js';
import { usageCommands } from './commands/usage.js';

export const GROUPS: readonly CommandGroup[] = [documentsCommands, generateCommands, partnerCommands, subgraphCommands, schemaCommands, usageCommands];
