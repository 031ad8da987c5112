// Starts one real Neo4j for the whole test run: a store the tests create themselves (embedded, on a free port, in a
// scratch folder), or TEST_NEO4J_URI when it holds a test marker. Tests never touch any other database (NEO4J_URI is ignored).
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { scratchDir } from '../../server/config.js';
import { createDatabase, startOwnStore, type OwnStore } from '../../server/db/index.js';
import { freePort } from '../support/free-port.js';
import { assertTestMarker } from '../support/test-database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: { uri: string; user?: string; password?: string };
  }
}

let own: OwnStore | undefined;
let dataDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  const given = process.env.TEST_NEO4J_URI?.trim();
  if (given) {
    const connection = {
      uri: given,
      user: process.env.TEST_NEO4J_USER ?? 'neo4j',
      ...(process.env.TEST_NEO4J_PASSWORD !== undefined ? { password: process.env.TEST_NEO4J_PASSWORD } : {}),
    };
    const db = createDatabase(connection);
    try {
      await assertTestMarker(db, given);
    } finally {
      await db.close();
    }
    project.provide('neo4j', connection);
    return;
  }
  dataDir = scratchDir('test-neo4j');
  own = await startOwnStore({
    port: await freePort(),
    dataDir,
    heap: '1g',
    pageCache: '256m',
    txTimeoutMs: 600_000,
    log: () => {},
  });
  const db = createDatabase(own.connection);
  try {
    await db.write('create-test-marker');
  } finally {
    await db.close();
  }
  // TEST_NEO4J_ROUTING=1: the same store through neo4j://, the driver's cluster path (routing table, READ/WRITE routing).
  const routed = process.env.TEST_NEO4J_ROUTING === '1';
  project.provide(
    'neo4j',
    routed ? { ...own.connection, uri: own.connection.uri.replace(/^bolt:/, 'neo4j:') } : own.connection,
  );
}

export async function teardown(): Promise<void> {
  await own?.neo4j.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
