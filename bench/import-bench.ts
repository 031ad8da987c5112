// Import, side by side on the same rows: ours (validated, one transaction, dataset bookkeeping) against Neo4j's own
// LOAD CSV … IN TRANSACTIONS and against one row per transaction, each cold (a fresh store) and warm (the same store,
// emptied, again). Every method runs on a store of its own, started for it.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { scratchDir } from '../server/config.js';
import { createDatabase, startOwnStore, type Database } from '../server/db/index.js';
import { importDataset, type Dataset } from '../server/dataset/index.js';
import { freePort } from '../tests/support/free-port.js';

export interface ImportTiming {
  method: 'ours' | 'load-csv' | 'one-row-per-transaction' | 'new-store';
  phase: 'cold' | 'warm';
  rows: number;
  ms: number;
  rowsPerSecond: number;
}

/** A scratch store for one method; always stopped and deleted. */
export async function withStore<T>(heap: string, work: (db: Database, dataDir: string) => Promise<T>): Promise<T> {
  const dataDir = scratchDir('bench-import');
  const own = await startOwnStore({
    port: await freePort(),
    dataDir,
    heap,
    pageCache: '1g',
    txTimeoutMs: 3_600_000,
    log: () => {},
  });
  const db = createDatabase({ ...own.connection, queryTimeoutMs: 3_600_000, writeTimeoutMs: 3_600_000 });
  try {
    await db.applySchema();
    return await work(db, dataDir);
  } finally {
    await db.close();
    await own.neo4j.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const LABEL = {
  organizations: 'Organization',
  workerPools: 'WorkerPool',
  tasks: 'Task',
  aiProducts: 'AIProduct',
} as const;

// The same data as ours: every field the generated records carry, sources included (as one ";"-separated column).
interface EntityFields {
  id: string;
  name: string;
  kind?: string;
  country?: string;
  size?: number;
  unitPayEur?: number;
  minutesPerUnit?: number;
  marketedAsFullyAutomated?: boolean;
  sources?: string[];
}
export function entityRows(d: Dataset): Record<string, unknown>[] {
  return (Object.keys(LABEL) as (keyof typeof LABEL)[]).flatMap((section) =>
    (d[section] as EntityFields[]).map((e) => ({
      id: e.id,
      label: LABEL[section],
      name: e.name,
      kind: e.kind ?? '',
      country: e.country ?? '',
      size: e.size ?? '',
      unitPay: e.unitPayEur ?? '',
      minutes: e.minutesPerUnit ?? '',
      automated: e.marketedAsFullyAutomated === undefined ? '' : String(e.marketedAsFullyAutomated),
      sources: (e.sources ?? []).join(';'),
    })),
  );
}

export function linkRows(d: Dataset): Record<string, unknown>[] {
  return d.links.map((l) => ({
    id: l.id,
    type: l.type,
    from: l.from,
    to: l.to,
    since: l.since ?? '',
    until: l.until ?? '',
    price: l.pricePerUnitEur ?? '',
    disclosed: l.disclosedToWorkers === undefined ? '' : String(l.disclosedToWorkers),
    confidence: l.confidence ?? '',
    use: l.use ?? '',
    sources: (l.sources ?? []).join(';'),
  }));
}

export const timed = async (work: () => Promise<unknown>) => {
  const t = performance.now();
  await work();
  return performance.now() - t;
};
export const timing = (
  method: ImportTiming['method'],
  phase: ImportTiming['phase'],
  rows: number,
  ms: number,
): ImportTiming => ({ method, phase, rows, ms: Math.round(ms), rowsPerSecond: Math.round(rows / (ms / 1000)) });

/** `oneRowSample`: how many link rows the one-row-per-transaction method writes (it is measured on a sample: it is that slow). */
/** `whileImported` runs on the store of our import once the dataset is in it (the query benchmarks use it). */
export async function benchImport(
  dataset: Dataset,
  options: {
    heap: string;
    oneRowSample: number;
    log: (line: string) => void;
    whileImported?: (db: Database) => Promise<void>;
  },
): Promise<ImportTiming[]> {
  const entities = entityRows(dataset);
  const links = linkRows(dataset);
  const rows = entities.length + links.length;
  const results: ImportTiming[] = [];
  const empty = (db: Database) => db.autoCommit('delete-all');

  await withStore(options.heap, async (db) => {
    for (const phase of ['cold', 'warm'] as const) {
      if (phase === 'warm') await empty(db);
      const ms = await timed(() => importDataset(db, dataset));
      results.push(timing('ours', phase, rows, ms));
      options.log(`import ours ${phase}: ${Math.round(ms)} ms`);
    }
    await options.whileImported?.(db);
  });

  await withStore(options.heap, async (db, dataDir) => {
    // LOAD CSV reads the files where the store is (the embedded store takes absolute file URLs).
    mkdirSync(join(dataDir, 'bench-csv'), { recursive: true });
    writeFileSync(join(dataDir, 'bench-csv', 'entities.csv'), stringify(entities, { header: true }));
    writeFileSync(join(dataDir, 'bench-csv', 'links.csv'), stringify(links, { header: true }));
    for (const phase of ['cold', 'warm'] as const) {
      if (phase === 'warm') await empty(db);
      const ms = await timed(async () => {
        await db.autoCommit('bench-load-csv-entities', { url: `file://${join(dataDir, 'bench-csv', 'entities.csv')}` });
        await db.autoCommit('bench-load-csv-links', { url: `file://${join(dataDir, 'bench-csv', 'links.csv')}` });
      });
      results.push(timing('load-csv', phase, rows, ms));
      options.log(`import LOAD CSV ${phase}: ${Math.round(ms)} ms`);
    }
    // One row per transaction, on a sample of the links (the entities are already there from LOAD CSV).
    const sample = links.slice(0, options.oneRowSample).map((l) => ({
      ...l,
      since: l.since || null,
      until: l.until || null,
      price: l.price === '' ? null : l.price,
      disclosed: l.disclosed === '' ? null : l.disclosed === 'true',
      confidence: l.confidence === '' ? null : l.confidence,
      use: l.use || null,
      sources: l.sources === '' ? null : String(l.sources).split(';'),
    }));
    await db.autoCommit('drop-bench-links');
    for (const phase of ['cold', 'warm'] as const) {
      if (phase === 'warm') await db.autoCommit('drop-bench-links');
      const ms = await timed(async () => {
        for (const row of sample) await db.write('bench-one-link', { row });
      });
      results.push(timing('one-row-per-transaction', phase, sample.length, ms));
      options.log(`import one row per transaction ${phase}: ${sample.length} rows in ${Math.round(ms)} ms`);
    }
  });
  return results;
}
