/** The command groups of `hub`. A new group is one file in commands/ and one line here. */
import type { CommandGroup } from './cli.js';
import { auditCommands } from './commands/audit.js';
import { documentsCommands } from './commands/documents.js';
import { generateCommands } from './commands/generate.js';
import { partnerCommands } from './commands/partner.js';
import { reportCommands } from './commands/report.js';
import { schemaCommands } from './commands/schema.js';
import { subgraphCommands } from './commands/subgraph.js';
import { tokenCommands } from './commands/token.js';
import { operationsCommands } from './commands/operations.js';
import { usageCommands } from './commands/usage.js';

export const GROUPS: readonly CommandGroup[] = [auditCommands, documentsCommands, generateCommands, partnerCommands, subgraphCommands, schemaCommands, reportCommands, usageCommands, tokenCommands, operationsCommands];
