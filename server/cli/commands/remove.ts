// deep-labour remove: takes one dataset out of the store, asking first.
import { readConfig } from '../../config.js';
import { connectDatabase } from '../../db/index.js';
import { removeDataset, UnknownDatasetError } from '../../dataset/index.js';
import {
  UsageError,
  type Io,
  cliAuthor,
  parseArgs,
  interruptible,
  reportUnfinished,
  confirmed,
  printBookmarks,
} from '../cli-support.js';
import type { CliCommand } from './cli-command.js';

export const removeCommand: CliCommand = {
  name: 'remove',
  usage: `  deep-labour remove <dataset-id> [--reason TEXT] [--author NAME] [--yes]
                                                            take one dataset out of the store (asks first)`,
  run,
};

async function run(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const { positional, flags, options } = parseArgs(args, ['--yes'], ['--reason', '--author']);
  const author = cliAuthor(options.get('--author'), env);
  if (positional.length !== 1)
    throw new UsageError('deep-labour: remove takes one dataset id (deep-labour datasets lists them)');
  const id = positional[0]!;
  const conn = await connectDatabase(readConfig(env), io.err);
  try {
    await reportUnfinished(conn.db, io);
    const held = (await conn.db.read('datasets')).find((d) => d.id === id);
    if (!held) {
      io.err(
        `deep-labour: no dataset has id "${id}" in ${conn.uri}; deep-labour datasets lists them. Nothing was done.`,
      );
      return 1;
    }
    const what = `deep-labour: remove will take dataset "${id}" (${String(held.name)}: ${Number(held.entities ?? 0)} entities, ${Number(held.links ?? 0)} links, ${Number(held.claims ?? 0)} claims) out of ${conn.uri}; records another dataset also holds stay.`;
    if (!(await confirmed(flags, io, what))) return 1;
    const run = await interruptible((signal) =>
      removeDataset(conn.db, id, { signal, reason: options.get('--reason') ?? null, author }),
    );
    if (run.signal) {
      io.err(
        `deep-labour: stopped by ${run.signal}; the removal was rolled back, so dataset "${id}" is still in the store.`,
      );
      return 130;
    }
    if (run.error instanceof UnknownDatasetError) {
      io.err(`deep-labour: ${run.error.message}`);
      return 1;
    }
    if (run.error) throw run.error;
    const r = run.value!;
    io.out(
      `deep-labour: removed dataset "${id}" from ${conn.uri}: ${r.removed.records} records and ${r.removed.links} links deleted, ${r.released.records + r.released.links} left to other datasets; recorded in the history as ${r.change.id}`,
    );
    await printBookmarks(conn.db, io);
    return 0;
  } finally {
    await conn.close();
  }
}
