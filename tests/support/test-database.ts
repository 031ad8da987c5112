// What every integration test file uses: a driver on the run's Neo4j, and a way to own the graph.
import { afterAll, beforeAll, inject } from 'vitest';
import { createDatabase, type Database } from '../../server/db/index.js';

/** A Database on the run's Neo4j, with the schema applied. */
export async function testDatabase(): Promise<Database> {
  const db = createDatabase({ ...inject('neo4j'), queryTimeoutMs: 30_000 });
  await db.applySchema();
  return db;
}

/** Refuses, with a message, a database that does not hold the test marker: tests empty what they use. */
export async function assertTestMarker(db: Database, where: string): Promise<void> {
  const [marker] = await db.read('test-marker');
  if (!marker) {
    throw new Error(
      `test: ${where} holds no test marker, so the tests will not empty it. Unset TEST_NEO4J_URI to let the tests ` +
        'start their own Neo4j, or point it at a scratch database and run CREATE (:TestMarker {singleton: true}) there first.',
    );
  }
}

/** Empties the graph: files run one at a time, and each starts from nothing and leaves nothing. Only in a database marked for tests. */
export async function resetGraph(db: Database): Promise<void> {
  await assertTestMarker(db, 'this database');
  await db.autoCommit('delete-all');
}

/** The env a CLI run in a test uses to reach the run's Neo4j. */
export function cliEnv(): NodeJS.ProcessEnv {
  const n = inject('neo4j');
  return {
    ...process.env,
    NEO4J_URI: n.uri,
    ...(n.user ? { NEO4J_USER: n.user } : {}),
    ...(n.password !== undefined ? { NEO4J_PASSWORD: n.password } : {}),
  };
}

export async function graphSize(db: Database): Promise<{ entities: number; links: number; claims: number }> {
  const [row] = await db.read('graph-size');
  return { entities: Number(row!.entities), links: Number(row!.links), claims: Number(row!.claims) };
}

/**
 * The test file's store, for files that need nothing else around it: opened and emptied before the file's tests, emptied
 * and closed after them. Returns a getter (the store exists only once beforeAll has run).
 */
export function useTestDatabase(): () => Database {
  let db: Database | undefined;
  beforeAll(async () => {
    db = await testDatabase();
    await resetGraph(db);
  });
  afterAll(async () => {
    if (!db) return;
    await resetGraph(db);
    await db.close();
  });
  return () => {
    if (!db) throw new Error('useTestDatabase: the store is open only inside tests and their hooks');
    return db;
  };
}
