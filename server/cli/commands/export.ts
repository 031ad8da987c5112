// deep-labour export: writes the whole store in any export format the command line makes (format/export-formats/).
import { readConfig } from '../../config.js';
import { connectDatabase } from '../../db/index.js';
import { exportDataset } from '../../dataset/index.js';
import { ledgerAt, ledgerHead } from '../../history/ledger-verify.js';
import { parseMoment } from '../../resolvers/date-scalar.js';
import { recordedSeq } from '../../resolvers/recorded-at.js';
import type { Dataset } from '../../../format/model.js';
import { exportFormatsIn, findExportFormat } from '../../../format/export-formats/index.js';
import { datasetGraph } from '../../../format/graph-xml.js';
import {
  cliMoment,
  UsageError,
  type Io,
  parseArgs,
  mayReplace,
  replacedBy,
  writePrivate,
  writePrivateFolder,
} from '../cli-support.js';
import type { CliCommand } from './cli-command.js';

const WROTE_NOTHING = '; nothing was written';

export const exportCommand: CliCommand = {
  name: 'export',
  usage: `  deep-labour export [--format ${exportFormatsIn('command line')
    .map((f) => f.id)
    .join('|')}] [--recorded-at <moment>] [--yes] <path>
                                                            write the whole graph (ftm: FollowTheMoney entities, one per line;
                                                            bods: BODS 0.4 statements of the organisations and who controls them;
                                                            csv: a folder; png and svg only the explorer draws;
                                                            --recorded-at 2026-12-04T15:00:00Z: the graph as the store
                                                            recorded it then, retracted records included;
                                                            asks before replacing an earlier file)`,
  run,
};

async function run(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const { positional, flags, options } = parseArgs(args, ['--yes'], ['--format', '--recorded-at']);
  const id = options.get('--format') ?? 'json';
  const format = findExportFormat(id);
  const made = exportFormatsIn('command line').map((f) => f.id);
  if (!format)
    throw new UsageError(
      `deep-labour: --format must be ${made.slice(0, -1).join(', ')} or ${made.at(-1)}, got "${id}"`,
    );
  if (!format.write || format.onlyIn?.place === 'explorer')
    throw new UsageError(
      `deep-labour: the command line cannot write ${format.label}: ${format.onlyIn?.why ?? 'only the explorer makes it'}. Open the view in the explorer and choose Export…, or use --format ${made.join(', ')}`,
    );
  if (positional.length !== 1)
    throw new UsageError('deep-labour: export takes one path (a file, or a folder for --format csv)');
  const path = positional[0]!;
  const at = options.get('--recorded-at');
  const moment = at === undefined ? undefined : cliMoment(() => parseMoment(at), WROTE_NOTHING);
  // Asked before the store is opened: an earlier export may be the evidence an article cites.
  if (!(await mayReplace(path, replacedBy(path, format.folderFiles), flags, io, 'export'))) return 1;
  const conn = await connectDatabase(readConfig(env), io.err);
  try {
    const seq =
      moment === undefined
        ? undefined
        : await cliMoment(() => recordedSeq(conn.db, moment, '--recorded-at'), WROTE_NOTHING);
    const dataset =
      seq === undefined
        ? withHead(await exportDataset(conn.db), await ledgerHead(conn.db))
        : withHead(await exportDataset(conn.db, { seq, at: moment! }), await ledgerAt(conn.db, seq));
    const out = format.write({
      dataset,
      graph: () => datasetGraph(dataset),
      title: dataset.name,
      today: new Date().toISOString().slice(0, 10),
    });
    // An export is a backup of the whole store, withheld figures included: its owner's only (0700/0600), as the store is.
    if ('folder' in out) writePrivateFolder(path, out.folder, format.folderFiles);
    else writePrivate(path, out.file);
    io.out(
      `deep-labour: exported ${dataset.organizations.length + dataset.workerPools.length + dataset.tasks.length + dataset.aiProducts.length} entities and ${dataset.links.length} links to ${path}`,
    );
    return 0;
  } finally {
    await conn.close();
  }
}

/**
 * The dataset with the ledger's head after its description (docs/dataset-format.md), so that an exported file names
 * the evidence it was made of; the dataset as it is in a store without a sealed change.
 */
function withHead(dataset: Dataset, head: { seq: number; hash: string } | null): Dataset {
  if (!head) return dataset;
  const { format, id, name, description, ...sections } = dataset;
  return { format, id, name, ...(description === undefined ? {} : { description }), ledger: head, ...sections };
}
