// The first load of a big dataset into a new embedded store (`deep-labour import --new-store`): Neo4j's offline importer
// writes the records and links, then ordinary transactions add what an ordinary import leaves besides them.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import type { Config } from '../config.js';
import {
  connectDatabase,
  hasStore,
  journaled,
  NEW_STORE_ACTION,
  prepareStoreFiles,
  runOfflineImport,
  type Connection,
  type Transaction,
} from '../db/index.js';
import { evidenceCost, evidenceEmptied, touchNew } from '../history/evidence-seal.js';
import { rejudge } from '../audit/verdict-keeper.js';
import { nothingTouched } from '../audit/verdict-anchors.js';
import type { Dataset } from '../../format/model.js';
import { FIRST_CHANGE, writeBulkCsv, type BulkFiles } from './bulk-csv.js';
import { nextChangeSeq } from '../history/change-log.js';
import {
  CURATED_DATASET,
  commandLineAuthor,
  curatedRefusal,
  datasetRows,
  finishImportParams,
  recordImportChange,
  type ImportSummary,
} from './import-dataset.js';

/** `--new-store` cannot be used here (a server given by NEO4J_URI, or a store that exists); nothing was written. */
export class NewStoreRefusal extends Error {
  override name = 'NewStoreRefusal';
}

export interface NewStoreOptions {
  author?: string;
  role?: string | null;
  reason?: string | null;
  /** Aborting stops the importer (or rolls back the last transaction) and deletes the new store. */
  signal?: AbortSignal;
  log?: (line: string) => void;
  /** The SHA-256 of the file the dataset was read from, kept with the dataset (ImportOptions.fileSha256). */
  fileSha256?: string | null;
}

/** How long each step took (the benchmark reports them). */
export interface NewStoreTimings {
  csvMs: number;
  importerMs: number;
  /** Starting the new store, its schema (constraints and indexes built over what the importer wrote). */
  startMs: number;
  /** The ordinary transaction: dataset record, history, verdicts. */
  finishMs: number;
  /** Of finishMs: the evidence seal (every element read back and its `h` checked, the digest moved; docs/versioning.md). */
  evidenceMs: number;
  /** Of finishMs: judging every claim (the verdicts this import records). */
  verdictsMs: number;
  /** Elements whose `h` the seal had to write: 0 when the CSV files carried the `h` of each element's content as stored. */
  evidenceStamped: number;
}

/**
 * Refuses, before anything is written, what --new-store cannot do: a server given by NEO4J_URI (the offline importer
 * writes store files, which only a store of our own, not running, lets it), a data directory that holds a store
 * already, or the curated dataset (which no import writes).
 */
export function refuseNewStore(config: Config, dataset: Dataset): void {
  if (config.neo4j)
    throw new NewStoreRefusal(
      `--new-store loads a new store of this program's own with Neo4j's offline importer, which writes the store's files itself; NEO4J_URI is set (${config.neo4j.uri}), a server this program did not create and cannot write that way. Nothing was written. Import without --new-store, or unset NEO4J_URI to create an embedded store in NEO4J_DATA_DIR`,
    );
  const dir = resolve(config.embedded.dataDir);
  if (hasStore(dir))
    throw new NewStoreRefusal(
      `--new-store only creates a new store, and ${dir} (NEO4J_DATA_DIR) holds one already (the offline importer cannot add to a store). Nothing was written. Import without --new-store to add this dataset to that store, or set NEO4J_DATA_DIR to a new folder`,
    );
  if (dataset.id === CURATED_DATASET) throw curatedRefusal(dataset.id);
}

/**
 * Loads `dataset` (validated exactly as an ordinary import validates it) into a new embedded store: writes the CSV files,
 * runs the offline importer on the store's directory, starts the store (schema, indexes), then in one transaction behind
 * the import lock writes the dataset's record, the import's change and the verdicts, as an ordinary first import would.
 * If any step fails, the new store is deleted again. Resolves with the open connection (the caller closes it).
 */
export async function importIntoNewStore(
  config: Config,
  dataset: Dataset,
  options: NewStoreOptions = {},
): Promise<{ summary: ImportSummary; connection: Connection; timings: NewStoreTimings }> {
  refuseNewStore(config, dataset);
  const log = options.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const files = prepareStoreFiles(config.embedded.dataDir);
  const made = [join(files.dataDir, 'data', 'databases'), join(files.dataDir, 'data', 'transactions')].filter(
    (p) => !existsSync(p),
  );
  const work = join(files.dataDir, `new-store-import-${process.pid}-${Date.now()}`);
  mkdirSync(work, { recursive: true, mode: 0o700 });
  const token = randomUUID();
  const timings: NewStoreTimings = {
    csvMs: 0,
    importerMs: 0,
    startMs: 0,
    finishMs: 0,
    evidenceMs: 0,
    verdictsMs: 0,
    evidenceStamped: 0,
  };
  let connection: Connection | undefined;
  const since = (t: number) => Math.round(performance.now() - t);
  try {
    let t = performance.now();
    const rows = datasetRows(dataset);
    const bulk = writeBulkCsv(work, dataset, { id: files.identity, createdAt: new Date().toISOString() }, rows);
    journalFile(work, bulk, { token, dataset: dataset.id });
    timings.csvMs = since(t);
    log(
      `deep-labour: wrote ${bulk.created.records} records and ${bulk.created.links} links as CSV in ${timings.csvMs} ms; running neo4j-admin database import`,
    );
    options.signal?.throwIfAborted();
    t = performance.now();
    await runOfflineImport({
      dataDir: files.dataDir,
      workDir: work,
      nodes: bulk.nodes,
      relationships: bulk.relationships,
      arrayDelimiter: bulk.arrayDelimiter,
      multiline: bulk.multiline,
      heap: config.embedded.heap,
      log,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    timings.importerMs = since(t);
    rmSync(work, { recursive: true, force: true });
    options.signal?.throwIfAborted();
    t = performance.now();
    connection = await connectDatabase(config, log);
    timings.startMs = since(t);
    t = performance.now();
    const summary = await finish(connection, dataset, { bulk, rows, token }, options, timings);
    timings.finishMs = since(t);
    return { summary, connection, timings };
  } catch (e) {
    // Nothing of this run is kept: the store it created is deleted, so the data directory is new again.
    await connection?.close().catch(() => {});
    rmSync(work, { recursive: true, force: true });
    for (const p of made) rmSync(p, { recursive: true, force: true });
    throw e;
  }
}

/** The journal entry the importer writes with the records: until the finishing transaction deletes it, the next run says this load did not finish. */
function journalFile(dir: string, bulk: BulkFiles, entry: { token: string; dataset: string }): void {
  const path = join(dir, 'nodes-ImportJournal.csv');
  const q = (s: string) => `"${s.replaceAll('"', '""')}"`;
  const lines = [
    'token:string,dataset:string,action:string,pid:double,host:string,startedAt:datetime,:LABEL',
    `${q(entry.token)},${q(entry.dataset)},${q(NEW_STORE_ACTION)},${process.pid},${q(hostname())},${new Date().toISOString()},ImportJournal`,
  ];
  writeFileSync(path, `${lines.join('\n')}\n`, { mode: 0o600 });
  bulk.nodes.push(path);
}

/** What an ordinary first import writes besides the records and links, in one transaction behind the import lock. */
async function finish(
  connection: Connection,
  dataset: Dataset,
  load: { bulk: BulkFiles; rows: ReturnType<typeof datasetRows>; token: string },
  options: NewStoreOptions,
  timings: NewStoreTimings,
): Promise<ImportSummary> {
  const { bulk, rows, token } = load;
  const evidenceBefore = { ...evidenceCost };
  const author = options.author ?? commandLineAuthor();
  const summary = await journaled(connection.db, dataset.id, 'import', options.signal, async (tx: Transaction) => {
    // The verdicts' baseline, as an ordinary import takes it on an empty store: at change 0, with no claim to judge.
    await tx.run('verdict-baseline', { mark: true, seq: 0 });
    // The links were written with recFrom = the store's first change: this must be it.
    const seq = await nextChangeSeq(tx);
    if (seq !== FIRST_CHANGE)
      throw new Error(
        `a new store's first load is change ${FIRST_CHANGE}, and this store has recorded ${seq - 1} already`,
      );
    // The evidence digest (docs/versioning.md): the store was empty before this import, and everything in it is new.
    await evidenceEmptied(tx);
    await touchNew(
      tx,
      rows.records.map((r) => r.id),
      rows.links.map((l) => ({ type: l.type, id: l.id })),
    );
    for (const batch of chunks(bulk.later.records, 1000)) await tx.run('bulk-later-records', { rows: batch });
    for (const batch of chunks(bulk.later.links, 1000)) await tx.run('bulk-later-links', { rows: batch });
    await tx.run('finish-import', finishImportParams(dataset, rows, 'import', author, options.fileSha256 ?? null));
    const summary: ImportSummary = {
      dataset: dataset.id,
      created: bulk.created,
      updated: { records: 0, links: 0 },
      unchanged: { records: 0, links: 0 },
      removed: { records: 0, links: 0 },
      released: { records: 0, links: 0 },
      retracted: 0,
      warnings: [],
    };
    summary.change = await recordImportChange(tx, dataset, summary, {
      author,
      role: options.role ?? null,
      reason: options.reason ?? null,
      action: 'import',
    });
    // Every claim is new, as in an ordinary first import: each one's verdict is recorded as a change made by this import.
    const judging = performance.now();
    await rejudge(tx, { ...nothingTouched(), all: true }, { id: summary.change.id, seq: summary.change.seq }, false);
    timings.verdictsMs = Math.round(performance.now() - judging);
    await tx.run('import-journal-end', { token });
    return summary;
  });
  // The evidence is sealed at the commit (server/history/evidence-seal.ts), so its time is read after it.
  timings.evidenceMs = Math.round(evidenceCost.ms - evidenceBefore.ms);
  timings.evidenceStamped = evidenceCost.stamped - evidenceBefore.stamped;
  return summary;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
