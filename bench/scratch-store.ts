// The benchmarks' own scratch store: an embedded Neo4j in a fresh folder under the scratch directory, with long
// timeouts (a 250k import is one transaction), and a stop that closes the driver, stops Neo4j and deletes the folder.
// Never another store: every bench that writes starts one of these.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { scratchDir } from '../server/config.js';
import { createDatabase, startOwnStore, type Database, type DatabaseConfig } from '../server/db/index.js';
import { generateDataset } from '../server/dataset/generate-dataset.js';
import { importDataset, type Dataset } from '../server/dataset/index.js';
import { validDataset } from '../tests/support/load-dataset.js';
import { freePort } from '../tests/support/free-port.js';

export interface ScratchStore {
  readonly db: Database;
  /** How to reach it (a bench may open another handle on the same store). */
  readonly connection: DatabaseConfig;
  /** The store's folder (its size is what some benches report). */
  readonly dataDir: string;
  /** Closes the driver, stops Neo4j and deletes the folder. */
  stop(): Promise<void>;
}

/**
 * Starts a scratch store named after the bench (`bench-verdicts`…): 2 GB heap and 1 GB page cache unless `memory` says
 * more (a million links import in one transaction only with about 10 GB), one-hour timeouts.
 */
export async function startScratchStore(
  name: string,
  memory: { heap: string; pageCache: string } = { heap: '2g', pageCache: '1g' },
): Promise<ScratchStore> {
  const dataDir = scratchDir(name);
  const own = await startOwnStore({
    port: await freePort(),
    dataDir,
    heap: memory.heap,
    pageCache: memory.pageCache,
    txTimeoutMs: 3_600_000,
    log: () => {},
  });
  const connection = { ...own.connection, queryTimeoutMs: 3_600_000, writeTimeoutMs: 3_600_000 };
  const db = createDatabase(connection);
  return {
    db,
    connection,
    dataDir,
    async stop() {
      await db.close();
      await own.neo4j.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Generates `links` links (the benchmark's generated graph), imports them into a new scratch store named `name`, runs
 * `work` on it, and stops and deletes the store however `work` ends.
 */
export async function onGeneratedGraph<T>(
  name: string,
  links: number,
  work: (db: Database, dataset: Dataset) => Promise<T>,
): Promise<T> {
  const dataset = validDataset(generateDataset({ links }), 'generated dataset');
  const store = await startScratchStore(name);
  try {
    await store.db.applySchema();
    await importDataset(store.db, dataset, { author: 'bench' });
    return await work(store.db, dataset);
  } finally {
    await store.stop();
  }
}

/** Bytes under a folder (the store's files and transaction logs). */
export function bytesUnder(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    total += e.isDirectory() ? bytesUnder(p) : statSync(p).size;
  }
  return total;
}
