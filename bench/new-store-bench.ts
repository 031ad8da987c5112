// The first load of a big dataset into a new store, side by side on the same generated graph: `import --new-store`
// (Neo4j's offline importer, then the dataset record, history and verdicts), Neo4j's LOAD CSV … IN TRANSACTIONS and the
// ordinary import, each end to end (its CSV writing included) on a new scratch store of its own.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { readConfig, scratchDir } from '../server/config.js';
import { createDatabase, startOwnStore } from '../server/db/index.js';
import { importDataset, type Dataset } from '../server/dataset/index.js';
import { importIntoNewStore, type NewStoreTimings } from '../server/dataset/new-store-import.js';
import { freePort } from '../tests/support/free-port.js';
import { entityRows, linkRows, timed, timing, withStore, type ImportTiming } from './import-bench.js';

export interface NewStoreBench {
  /** `import --new-store` from the validated dataset to the committed history: CSV, importer, store start, finish. */
  newStore: ImportTiming;
  steps: NewStoreTimings;
  /** Starting a new, empty store and applying the schema: what every method pays once, and the others before their clock starts. */
  emptyStartMs: number;
}

/** `import --new-store` of `dataset` into a scratch data directory (deleted after), and the start of an empty store beside it. */
export async function benchNewStore(
  dataset: Dataset,
  options: { heap: string; log: (line: string) => void },
): Promise<NewStoreBench> {
  const rows = entityRows(dataset).length + dataset.links.length;
  const dataDir = scratchDir('bench-new-store');
  const config = readConfig({
    NEO4J_DATA_DIR: dataDir,
    NEO4J_BOLT_PORT: String(await freePort()),
    NEO4J_HEAP: options.heap,
    NEO4J_PAGECACHE: '1g',
    QUERY_TIMEOUT_MS: '600000',
    WRITE_TIMEOUT_MS: '3600000',
  });
  let steps: NewStoreTimings | undefined;
  try {
    const ms = await timed(async () => {
      const run = await importIntoNewStore(config, dataset, { author: 'bench', log: () => {} });
      steps = run.timings;
      await run.connection.close();
    });
    options.log(
      `import --new-store cold: ${Math.round(ms)} ms (CSV ${steps!.csvMs}, importer ${steps!.importerMs}, start and schema ${steps!.startMs}, history and verdicts ${steps!.finishMs}, of which evidence ${steps!.evidenceMs} and verdicts ${steps!.verdictsMs})`,
    );
    const emptyStartMs = await timeEmptyStart(options.heap);
    options.log(`an empty store's start and schema: ${Math.round(emptyStartMs)} ms`);
    return { newStore: timing('new-store', 'cold', rows, ms), steps: steps!, emptyStartMs: Math.round(emptyStartMs) };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function timeEmptyStart(heap: string): Promise<number> {
  const dataDir = scratchDir('bench-empty-start');
  try {
    let db: ReturnType<typeof createDatabase> | undefined;
    let stop: (() => Promise<void>) | undefined;
    const ms = await timed(async () => {
      const own = await startOwnStore({
        port: await freePort(),
        dataDir,
        heap,
        pageCache: '1g',
        txTimeoutMs: 3_600_000,
        log: () => {},
      });
      stop = () => own.neo4j.stop();
      db = createDatabase({ ...own.connection, queryTimeoutMs: 600_000 });
      await db.applySchema();
    });
    await db?.close();
    await stop?.();
    return ms;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** LOAD CSV … IN TRANSACTIONS on a new store (schema applied first, as the bench does), its CSV writing included. */
export async function benchLoadCsvEndToEnd(dataset: Dataset, heap: string): Promise<ImportTiming> {
  const entities = entityRows(dataset);
  const links = linkRows(dataset);
  return withStore(heap, async (db, dataDir) => {
    const ms = await timed(async () => {
      mkdirSync(join(dataDir, 'bench-csv'), { recursive: true });
      writeFileSync(join(dataDir, 'bench-csv', 'entities.csv'), stringify(entities, { header: true }));
      writeFileSync(join(dataDir, 'bench-csv', 'links.csv'), stringify(links, { header: true }));
      await db.autoCommit('bench-load-csv-entities', { url: `file://${join(dataDir, 'bench-csv', 'entities.csv')}` });
      await db.autoCommit('bench-load-csv-links', { url: `file://${join(dataDir, 'bench-csv', 'links.csv')}` });
    });
    return timing('load-csv', 'cold', entities.length + links.length, ms);
  });
}

/** The ordinary import on a new store (schema applied first). */
export async function benchOrdinaryImport(dataset: Dataset, heap: string): Promise<ImportTiming> {
  return withStore(heap, async (db) => {
    const ms = await timed(() => importDataset(db, dataset, { author: 'bench' }));
    return timing('ours', 'cold', entityRows(dataset).length + dataset.links.length, ms);
  });
}
