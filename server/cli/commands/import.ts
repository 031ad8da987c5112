// deep-labour import: imports a dataset (JSON, CSV folder, FtM or BODS) so the store holds exactly this version of it, or replaces the whole store.
import { readConfig, type Config } from '../../config.js';
import { connectDatabase, hasStore } from '../../db/index.js';
import { DatasetPermissionError, ImportConflictError, importDataset, type Dataset } from '../../dataset/index.js';
import { fileDigest } from '../../dataset/file-digest.js';
import { importIntoNewStore, NewStoreRefusal, refuseNewStore } from '../../dataset/new-store-import.js';
import { progressBar } from '../progress-bar.js';
import {
  UsageError,
  type Io,
  cliAuthor,
  parseArgs,
  report,
  ftmKinds,
  checked,
  interruptible,
  reportUnfinished,
  confirmed,
  printBookmarks,
} from '../cli-support.js';
import type { CliCommand } from './cli-command.js';

export const importCommand: CliCommand = {
  name: 'import',
  usage: `  deep-labour import <file.json | csv-folder | file.ftm.json | file.bods.json> [--format json|ftm|bods] [--reason TEXT] [--author NAME] [--kinds KINDS.json]
                                                            validate, then make the store hold this version of the dataset
  deep-labour import <file.json | csv-folder> --replace-all [--yes]
                                                            empty the whole store and load only this dataset (asks first)
  deep-labour import <file.json | csv-folder> --new-store [--reason TEXT] [--author NAME]
                                                            first load of a big dataset into a new embedded store, with Neo4j's offline importer`,
  run,
};

async function run(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const { positional, flags, options } = parseArgs(
    args,
    ['--replace-all', '--yes', '--replace', '--new-store'],
    ['--reason', '--kinds', '--format', '--author'],
  );
  const author = cliAuthor(options.get('--author'), env);
  const format = options.get('--format');
  if (format !== undefined && format !== 'json' && format !== 'ftm' && format !== 'bods')
    throw new UsageError(
      `deep-labour: import --format must be json, ftm or bods (or left out: the content says), got "${format}"`,
    );
  if (flags.has('--replace'))
    throw new UsageError(
      'deep-labour: --replace is now --replace-all, which empties the whole store and asks first; a plain import already replaces the earlier version of the same dataset',
    );
  if (positional.length !== 1) throw new UsageError('deep-labour: import takes one file or folder');
  if (flags.has('--new-store') && flags.has('--replace-all'))
    throw new UsageError(
      'deep-labour: --new-store creates a new store, --replace-all empties an existing one: give one of them',
    );
  const path = positional[0]!;
  const read = checked(path, io, env, ftmKinds(options.get('--kinds')), format as 'json' | 'ftm' | 'bods' | undefined);
  if (!read.ok) return 1;
  const config = readConfig(env);
  // Kept with the dataset: a later start can tell whether the repository's copy of a documented dataset changed since.
  const fileSha256 = await fileDigest(path);
  if (flags.has('--new-store'))
    return newStore(config, read.dataset, { path, reason: options.get('--reason') ?? null, author, fileSha256 }, io);
  // Not automatic: the offline importer needs the store stopped and a JVM of its own; a big first load is told it exists.
  if (!config.neo4j && !hasStore(config.embedded.dataDir) && read.dataset.links.length >= NEW_STORE_HINT_LINKS)
    io.err(
      `deep-labour: the store in ${config.embedded.dataDir} is new and this dataset has ${read.dataset.links.length} links: --new-store would load it with Neo4j's offline importer, its path for big first loads (docs/cli.md)`,
    );
  const conn = await connectDatabase(config, io.err);
  try {
    await reportUnfinished(conn.db, io);
    const replaceAll = flags.has('--replace-all');
    if (replaceAll) {
      const held = await conn.db.read('datasets');
      const what = `deep-labour: --replace-all will delete everything in ${conn.uri}: ${
        held.length
          ? held
              .map(
                (d) =>
                  `dataset "${String(d.id)}" (${Number(d.entities ?? 0)} entities, ${Number(d.links ?? 0)} links, ${Number(d.claims ?? 0)} claims)`,
              )
              .join('; ')
          : 'no dataset, and any record outside one'
      }; then load only "${read.dataset.id}".`;
      if (!(await confirmed(flags, io, what))) return 1;
    }
    const bar = io.isTTY ? progressBar((t) => process.stderr.write(t)) : undefined;
    const run = await interruptible((signal) =>
      importDataset(conn.db, read.dataset, {
        replaceAll,
        ...(config.batchSize ? { batchSize: config.batchSize } : {}),
        signal,
        ...(bar ? { onProgress: bar } : {}),
        reason: options.get('--reason') ?? null,
        author,
        fileSha256,
      }),
    );
    if (run.signal) {
      io.err(
        `deep-labour: stopped by ${run.signal}; the import of "${read.dataset.id}" was rolled back, so ${conn.uri} holds what it held before.`,
      );
      return 130;
    }
    if (run.error instanceof DatasetPermissionError) {
      io.err(`deep-labour: ${run.error.message}.`);
      return 1;
    }
    if (run.error instanceof ImportConflictError) {
      report(
        run.error.problems.map((p) => ({ ...p, path: read.locate(p.path) })),
        io,
        `deep-labour: ${path} contradicts datasets already in the store; nothing was written. ${run.error.problems.length} conflict(s):`,
      );
      return 1;
    }
    if (run.error) throw run.error;
    const s = run.value!;
    if (s.warnings.length)
      report(
        s.warnings.map((p) => ({ ...p, path: read.locate(p.path) })),
        io,
        `deep-labour: ${s.warnings.length} warning(s) against the store:`,
      );
    io.out(
      `deep-labour: imported "${read.dataset.name}" as dataset "${s.dataset}" into ${conn.uri}: ` +
        `records ${s.created.records} new, ${s.updated.records - s.unchanged.records} changed, ${s.unchanged.records} unchanged; ` +
        `links ${s.created.links} new, ${s.updated.links - s.unchanged.links} changed, ${s.unchanged.links} unchanged; ` +
        `no longer in it: ${s.removed.records} records and ${s.removed.links} links deleted, ${s.released.records + s.released.links} left to other datasets` +
        `${s.retracted ? `; ${s.retracted} left out because editors retracted them` : ''}${replaceAll ? '; everything else in the store was replaced' : ''}` +
        `; recorded in the history as ${s.change!.id}`,
    );
    await printBookmarks(conn.db, io);
    return 0;
  } finally {
    await conn.close();
  }
}

/** From this many links, an ordinary import into a store that does not exist yet mentions --new-store. */
export const NEW_STORE_HINT_LINKS = 100_000;

/** import --new-store: refused before anything is written where it cannot work, else the offline load, then the same report as an import. */
async function newStore(
  config: Config,
  dataset: Dataset,
  options: { path: string; reason: string | null; author: string; fileSha256: string | null },
  io: Io,
): Promise<number> {
  try {
    refuseNewStore(config, dataset);
  } catch (e) {
    if (e instanceof NewStoreRefusal || e instanceof DatasetPermissionError) {
      io.err(`deep-labour: ${e.message}.`);
      return 1;
    }
    throw e;
  }
  const run = await interruptible((signal) =>
    importIntoNewStore(config, dataset, {
      signal,
      reason: options.reason,
      author: options.author,
      log: io.err,
      fileSha256: options.fileSha256,
    }),
  );
  if (run.signal) {
    io.err(
      `deep-labour: stopped by ${run.signal}; the new store was deleted again, so ${config.embedded.dataDir} holds no store.`,
    );
    return 130;
  }
  if (run.error) {
    io.err(
      `deep-labour: the load of "${dataset.id}" into a new store failed; the new store was deleted again, so ${config.embedded.dataDir} holds no store. ${(run.error as Error).message}`,
    );
    return 1;
  }
  const { summary: s, connection, timings } = run.value!;
  try {
    io.out(
      `deep-labour: imported "${dataset.name}" as dataset "${s.dataset}" into a new store, ${connection.uri} (${config.embedded.dataDir}): ` +
        `records ${s.created.records} new, links ${s.created.links} new, with Neo4j's offline importer ` +
        `(CSV ${(timings.csvMs / 1000).toFixed(1)} s, importer ${(timings.importerMs / 1000).toFixed(1)} s, store start and indexes ${(timings.startMs / 1000).toFixed(1)} s, history, evidence seal and verdicts ${(timings.finishMs / 1000).toFixed(1)} s, of which the seal ${(timings.evidenceMs / 1000).toFixed(1)} s and the verdicts ${(timings.verdictsMs / 1000).toFixed(1)} s)` +
        `; recorded in the history as ${s.change!.id}`,
    );
    await printBookmarks(connection.db, io);
    return 0;
  } finally {
    await connection.close();
  }
}
