// Every deep-labour command, in the order the usage text lists them; a new command is one module and one line here.
import type { CliCommand } from './cli-command.js';
import { importCommand } from './import.js';
import { datasetsCommand } from './datasets.js';
import { removeCommand } from './remove.js';
import { exportCommand } from './export.js';
import { validateCommand } from './validate.js';
import { generateCommand } from './generate.js';
import { auditCommand } from './audit.js';
import { tokenCommand } from './token.js';
import { sourcesCommand } from './sources.js';
import { verifyCommand } from './verify.js';

export type { CliCommand } from './cli-command.js';

export const CLI_COMMANDS: readonly CliCommand[] = [
  importCommand,
  datasetsCommand,
  removeCommand,
  exportCommand,
  validateCommand,
  generateCommand,
  auditCommand,
  sourcesCommand,
  verifyCommand,
  tokenCommand,
];
