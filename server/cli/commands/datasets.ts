// deep-labour datasets: lists the datasets in the store, with their counts and the SHA-256 of the file each came from.
import { readConfig } from '../../config.js';
import { connectDatabase } from '../../db/index.js';
import { UsageError, type Io, parseArgs, reportUnfinished } from '../cli-support.js';
import type { CliCommand } from './cli-command.js';

export const datasetsCommand: CliCommand = {
  name: 'datasets',
  usage: `  deep-labour datasets                                      list the datasets in the store (with the SHA-256 of the file
                                                            each was imported from: compare it with sha256sum FILE)`,
  run,
};

async function run(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const { positional } = parseArgs(args, [], []);
  if (positional.length) throw new UsageError('deep-labour: datasets takes no argument');
  const conn = await connectDatabase(readConfig(env), io.err);
  try {
    await reportUnfinished(conn.db, io);
    const rows = await conn.db.read('datasets');
    if (!rows.length) {
      io.out(`deep-labour: ${conn.uri} holds no dataset`);
      return 0;
    }
    io.out(
      [
        'id\tname\tentities\tlinks\tclaims\tsources\timported at\tfile sha256',
        ...rows.map((d) =>
          [d.id, d.name, d.entities, d.links, d.claims, d.sources, d.importedAt, d.fileSha256]
            .map((v) => String(v ?? ''))
            .join('\t'),
        ),
      ].join('\n'),
    );
    return 0;
  } finally {
    await conn.close();
  }
}
