// Starts one real Neo4j for the whole test run (embedded on a free port, or NEO4J_URI when set) and stops it.
import { rmSync } from 'node:fs';
import { freePort } from '../support/free-port.js';
import type { TestProject } from 'vitest/node';
import { scratchDir } from '../../server/config.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../server/db/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: { uri: string; user?: string; password?: string };
  }
}

let embedded: EmbeddedNeo4j | undefined;
let dataDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (process.env.NEO4J_URI) {
    project.provide('neo4j', {
      uri: process.env.NEO4J_URI,
      user: process.env.NEO4J_USER ?? 'neo4j',
      ...(process.env.NEO4J_PASSWORD !== undefined ? { password: process.env.NEO4J_PASSWORD } : {}),
    });
    return;
  }
  dataDir = scratchDir('test-neo4j');
  embedded = await startEmbeddedNeo4j({ port: await freePort(), dataDir, heap: '1g', pageCache: '256m', txTimeoutMs: 600_000, log: () => {} });
  project.provide('neo4j', { uri: embedded.uri });
}

export async function teardown(): Promise<void> {
  await embedded?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
