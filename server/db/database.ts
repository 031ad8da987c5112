// The one place that talks to Neo4j: named queries in, plain objects out, errors translated.
import neo4j, { type BookmarkManager, type Driver, type Result } from 'neo4j-driver';
import { loadCypherFiles, loadCypherFragments, splitStatements, type CypherFiles } from './cypher-files.js';
import { toPlain } from './to-plain.js';
import { DatabaseError, translateNeo4jError } from './database-error.js';
import { readsAsIs, stageGuardFailed, stagedRead } from './staged-read.js';

export interface DatabaseConfig {
  uri: string;
  user?: string;
  password?: string;
  /** The Neo4j database name; the server's default when absent. */
  database?: string;
  /** Server-side limit for each read transaction, in milliseconds. */
  queryTimeoutMs?: number;
  /** Server-side limit for each write transaction, in milliseconds. */
  writeTimeoutMs?: number;
}

export type Row = Record<string, unknown>;

export interface WriteCounts {
  nodesCreated: number;
  relationshipsCreated: number;
  nodesDeleted: number;
  relationshipsDeleted: number;
  propertiesSet: number;
}

/** Runs named queries inside one write transaction. */
export interface Transaction {
  run(name: string, params?: Record<string, unknown>): Promise<Row[]>;
  /** Runs `hook` inside the transaction once `work` has resolved, before the commit (in the order registered). */
  beforeCommit(hook: () => Promise<void>): void;
}

export interface Database {
  /** Runs cypher/<name>.cypher on a reader (cluster followers may answer). */
  read(name: string, params?: Record<string, unknown>): Promise<Row[]>;
  /** Runs cypher/<name>.cypher in one write transaction, retried when Neo4j says it may be. */
  write(name: string, params?: Record<string, unknown>): Promise<{ rows: Row[]; counts: WriteCounts }>;
  /** Runs cypher/<name>.cypher as an auto-commit query: for CALL { … } IN TRANSACTIONS. */
  autoCommit(name: string, params?: Record<string, unknown>): Promise<WriteCounts>;
  /**
   * Runs `work` in one explicit write transaction: committed when it resolves, rolled back when it throws or
   * `signal` aborts (a rolled-back or interrupted transaction leaves the store as it was).
   */
  transaction<T>(work: (tx: Transaction) => Promise<T>, options?: { signal?: AbortSignal }): Promise<T>;
  /** Applies cypher/schema.cypher (idempotent). */
  applySchema(): Promise<void>;
  /** Resolves when the server answers a query now (one attempt, no retry). */
  ping(): Promise<void>;
  /**
   * The bookmarks of the writes this process has made (Neo4j's causal-consistency tokens): a reader given them, even
   * through another API replica on a cluster, sees at least those writes.
   */
  bookmarks(): Promise<string[]>;
  /** The same database, whose reads first wait until the store holds the writes these bookmarks stand for. */
  withBookmarks(bookmarks: readonly string[]): Database;
  close(): Promise<void>;
}

/** Opens a driver for `config`; no connection is made until the first query. */
export function createDatabase(config: DatabaseConfig, cypher: CypherFiles = loadCypherFiles()): Database {
  const auth = config.user ? neo4j.auth.basic(config.user, config.password ?? '') : undefined;
  const driver: Driver = neo4j.driver(config.uri, auth, {
    userAgent: 'deep-labour-explorer',
    disableLosslessIntegers: false,
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 5_000,
    maxTransactionRetryTime: 5_000,
  });
  const database = config.database;
  const transactionConfig = config.queryTimeoutMs ? { timeout: config.queryTimeoutMs } : undefined;
  const writeTransactionConfig = config.writeTimeoutMs ? { timeout: config.writeTimeoutMs } : undefined;

  const counts = (c: ReturnType<import('neo4j-driver').ResultSummary['counters']['updates']>): WriteCounts => ({
    nodesCreated: c.nodesCreated,
    relationshipsCreated: c.relationshipsCreated,
    nodesDeleted: c.nodesDeleted,
    relationshipsDeleted: c.relationshipsDeleted,
    propertiesSet: c.propertiesSet,
  });

  // Every query and session shares the driver's bookmark manager: on a cluster, a read after this process's own write sees it.
  const bookmarkManager = driver.executeQueryBookmarkManager;
  const guard = loadCypherFragments()['stage-guard']!;
  // One read statement (a managed read transaction, retried when Neo4j says it may be), whole numbers as integers.
  const readOnce = async (
    bookmarks: BookmarkManager,
    text: string,
    params: Record<string, unknown>,
  ): Promise<Row[]> => {
    const result = await driver.executeQuery(text, integersAsInts(params), {
      routing: neo4j.routing.READ,
      database,
      transactionConfig,
      bookmarkManager: bookmarks,
    });
    return result.records.map((r) => toPlain(r.toObject()) as Row);
  };
  const make = (readBookmarks: BookmarkManager): Database => ({
    read: async function read(name, params = {}) {
      // A read cannot see a staged import's batches (docs/versioning.md, "Imports in bounded memory"): its statement opens
      // with the stage guard, which fails it at once while a stage is open, and it is then answered as of the last
      // visible change (staged-read.ts). The usual read is one statement, as before the guard. A read the stage cannot
      // change (or already read as of a change) runs as it is.
      for (let attempt = 1; ; attempt++) {
        const asIs = readsAsIs(name);
        try {
          return await readOnce(readBookmarks, asIs ? cypher(name) : `${guard}\n${cypher(name)}`, params);
        } catch (e) {
          if (asIs || !stageGuardFailed(e) || attempt === 3) throw translateNeo4jError(e, name);
        }
        // The guard failed: a stage is open (or the query divided by zero itself: then no stage is open, and the read is
        // tried again until it fails as it is).
        const [stage] = await read('stage-mark');
        if (stage?.staging === null || stage?.staging === undefined) continue;
        const route = stagedRead(name, Number(stage.staging), Number(stage.visible));
        if ('nothing' in route) return [];
        if ('refused' in route) throw new DatabaseError('DATABASE_UNAVAILABLE', route.refused, name);
        try {
          return await readOnce(readBookmarks, cypher(route.run), { ...params, ...route.extra });
        } catch (e) {
          throw translateNeo4jError(e, route.run);
        }
      }
    },
    async write(name, params = {}) {
      try {
        const result = await driver.executeQuery(cypher(name), params, {
          routing: neo4j.routing.WRITE,
          database,
          transactionConfig: writeTransactionConfig,
          bookmarkManager,
        });
        return {
          rows: result.records.map((r) => toPlain(r.toObject()) as Row),
          counts: counts(result.summary.counters.updates()),
        };
      } catch (e) {
        throw translateNeo4jError(e, name);
      }
    },
    async autoCommit(name, params = {}) {
      const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE, bookmarkManager });
      try {
        const result = await session.run(cypher(name), params);
        return counts(result.summary.counters.updates());
      } catch (e) {
        throw translateNeo4jError(e, name);
      } finally {
        await session.close();
      }
    },
    async transaction(work, options = {}) {
      const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE, bookmarkManager });
      const tx = session.beginTransaction(writeTransactionConfig);
      let finished = false;
      const rollback = async () => {
        if (finished) return;
        finished = true;
        try {
          await tx.rollback();
        } catch {
          /* the server rolls back a transaction whose connection is gone */
        }
      };
      const onAbort = () => void rollback();
      options.signal?.addEventListener('abort', onAbort, { once: true });
      const hooks: (() => Promise<void>)[] = [];
      try {
        const result = await work({
          beforeCommit(hook) {
            hooks.push(hook);
          },
          async run(name, params = {}) {
            if (options.signal?.aborted)
              throw new DatabaseError('DATABASE_ERROR', 'db: the transaction was interrupted', name);
            // The driver keeps each result, with its parameters, until the transaction ends: it gets a copy of them
            // that is emptied once the rows are in (an import's batches would otherwise stay in memory to the end).
            const held = { ...params };
            try {
              return await streamed(tx.run(cypher(name), held));
            } catch (e) {
              throw translateNeo4jError(e, name);
            } finally {
              for (const key of Object.keys(held)) delete held[key];
            }
          },
        });
        // A hook may run queries, and register none.
        for (const hook of hooks) await hook();
        if (options.signal?.aborted)
          throw new DatabaseError('DATABASE_ERROR', 'db: the transaction was interrupted', 'commit');
        finished = true;
        try {
          await tx.commit();
        } catch (e) {
          throw translateNeo4jError(e, 'commit');
        }
        return result;
      } catch (e) {
        await rollback();
        throw e;
      } finally {
        options.signal?.removeEventListener('abort', onAbort);
        await session.close();
      }
    },
    async applySchema() {
      for (const statement of splitStatements(cypher('schema'))) {
        try {
          await driver.executeQuery(statement, {}, { routing: neo4j.routing.WRITE, database, bookmarkManager });
        } catch (e) {
          throw translateNeo4jError(e, 'schema');
        }
      }
      // Wait until the indexes the queries rely on are online, so the first query is fast and correct.
      await driver.executeQuery(
        'CALL db.awaitIndexes(60)',
        {},
        { routing: neo4j.routing.WRITE, database, bookmarkManager },
      );
    },
    async ping() {
      // One attempt, no retries (executeQuery would retry for maxTransactionRetryTime): a health check says how the
      // store is now, at once, rather than waiting for it to come back.
      const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
      try {
        await session.run('RETURN 1');
      } catch (e) {
        throw translateNeo4jError(e, 'ping');
      } finally {
        await session.close();
      }
    },
    bookmarks: async () => [...(await bookmarkManager.getBookmarks())],
    withBookmarks(bookmarks) {
      if (bookmarks.length === 0) return make(readBookmarks);
      // This process's own bookmarks and the ones given: the reads wait for both.
      const seeded = neo4j.bookmarkManager({ initialBookmarks: [...bookmarks] });
      return make({
        getBookmarks: async () => [
          ...new Set([...(await seeded.getBookmarks()), ...(await bookmarkManager.getBookmarks())]),
        ],
        updateBookmarks: async (previous, next) => {
          await seeded.updateBookmarks(previous, next);
          await bookmarkManager.updateBookmarks(previous, next);
        },
      });
    },
    close: () => driver.close(),
  });
  return make(bookmarkManager);
}

/**
 * Read parameters: whole numbers go as Cypher integers (LIMIT, slices and counts need them; the
 * driver sends every JS number as a float). Writes keep numbers as they are, so 3 € stays a float.
 */
function integersAsInts(params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === 'number' && Number.isInteger(v) ? neo4j.int(v) : v;
  return out;
}

/**
 * A query's rows, read from a transaction's result as they stream in, without the result keeping them. The driver keeps
 * every result of a transaction until it ends (neo4j-javascript-driver issue #1186), and a result that is awaited keeps
 * its records: a write transaction's every row then stayed in memory until its commit (a re-import of half a million
 * links held some 3 GB of rows and parameters it had long used). A result read through `subscribe` keeps only its
 * observer, which lets go of the rows once it has handed them over.
 */
function streamed(result: Result): Promise<Row[]> {
  return new Promise((resolve, reject) => {
    let rows: Row[] | null = [];
    result.subscribe({
      onNext(record) {
        rows?.push(toPlain(record.toObject()) as Row);
      },
      onCompleted() {
        const out = rows ?? [];
        rows = null;
        resolve(out);
      },
      onError(error) {
        rows = null;
        reject(error);
      },
    });
  });
}
