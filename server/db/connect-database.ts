// Connects to NEO4J_URI when it is set, else starts the embedded Neo4j; applies the schema either way.
import { createConnection } from 'node:net';
import type { Config } from '../config.js';
import { createDatabase, type Database } from './database.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from './embedded-neo4j.js';

export interface Connection {
  db: Database;
  /** The Bolt URI in use. */
  uri: string;
  /** Present when this process started the database. */
  embedded?: EmbeddedNeo4j;
  /** Closes the driver, then stops the embedded database if this process started it. */
  close(): Promise<void>;
}

/**
 * Without NEO4J_URI, a Neo4j already listening on NEO4J_BOLT_PORT (say, the one `npm start` runs) is
 * used as it is, so the CLI works beside a running server; otherwise this process starts its own.
 */
export async function connectDatabase(config: Config, log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<Connection> {
  const running = !config.neo4j && await isListening(config.embedded.port);
  if (running) log(`neo4j: using the local Neo4j already listening on 127.0.0.1:${config.embedded.port}`);
  const embedded = config.neo4j || running ? undefined : await startEmbeddedNeo4j({ ...config.embedded, log });
  const uri = config.neo4j?.uri ?? embedded?.uri ?? `bolt://127.0.0.1:${config.embedded.port}`;
  const db = createDatabase({ ...(config.neo4j ?? { uri }), queryTimeoutMs: config.queryTimeoutMs, writeTimeoutMs: config.writeTimeoutMs });
  try {
    await db.ping();
    await db.applySchema();
  } catch (e) {
    await db.close();
    await embedded?.stop();
    throw e;
  }
  return {
    db,
    uri,
    ...(embedded ? { embedded } : {}),
    async close() {
      await db.close();
      await embedded?.stop();
    },
  };
}

function isListening(port: number): Promise<boolean> {
  return new Promise((answer) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.setTimeout(1000);
    socket.once('connect', () => { socket.destroy(); answer(true); });
    socket.once('timeout', () => { socket.destroy(); answer(false); });
    socket.once('error', () => answer(false));
  });
}
