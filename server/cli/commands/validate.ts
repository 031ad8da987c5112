// deep-labour validate: checks a dataset without touching the database.
import { UsageError, type Io, parseArgs, checked } from '../cli-support.js';
import type { CliCommand } from './cli-command.js';

export const validateCommand: CliCommand = {
  name: 'validate',
  usage: `  deep-labour validate <file.json | csv-folder>             check a dataset without touching the database`,
  run: (args, _env, io) => run(args, io),
};

function run(args: string[], io: Io): number {
  const { positional } = parseArgs(args, [], []);
  if (positional.length !== 1) throw new UsageError('deep-labour: validate takes one file or folder');
  const read = checked(positional[0]!, io);
  if (!read.ok) return 1;
  const d = read.dataset;
  io.out(
    `deep-labour: ${positional[0]} is valid: ${d.organizations.length + d.workerPools.length + d.tasks.length + d.aiProducts.length} entities, ${d.links.length} links, ${d.claims.length} claims, ${d.sources.length} sources`,
  );
  return 0;
}
