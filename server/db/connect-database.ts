// Connects to NEO4J_URI when it is set, else to this project's own embedded store (started here, or already running); applies the schema.
import { createConnection } from 'node:net';
import type { Config } from '../config.js';
import { createDatabase, type Database } from './database.js';
import { DatabaseError } from './database-error.js';
import { EmbeddedNeo4jError, type EmbeddedNeo4j } from './embedded-neo4j.js';
import { startOwnStore } from './own-store.js';
import { prepareStoreFiles, STORE_USER, StoreIdentityError } from './store-identity.js';
import { waitForStore } from './store-readiness.js';

export interface Connection {
  db: Database;
  /** The Bolt URI in use. */
  uri: string;
  /** Present when this process started the database. */
  embedded?: EmbeddedNeo4j;
  /** True when the store was created by this run (only then are the fixtures loaded). */
  created: boolean;
  /** The store's identity; for NEO4J_URI, whatever identity it holds (null for none). */
  identity: string | null;
  /** Closes the driver, then stops the embedded database if this process started it. */
  close(): Promise<void>;
}

/**
 * With NEO4J_URI, uses that database as it is: the user pointed at it. Otherwise uses the embedded store in
 * NEO4J_DATA_DIR, with its password, and checks that whatever answers on NEO4J_BOLT_PORT is that store (a Neo4j
 * of someone else's on that port is refused, never written to).
 */
export async function connectDatabase(
  config: Config,
  log: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
  options: { superviseEmbedded?: boolean } = {},
): Promise<Connection> {
  const timeouts = { queryTimeoutMs: config.queryTimeoutMs, writeTimeoutMs: config.writeTimeoutMs };
  if (config.neo4j) {
    const db = createDatabase({ ...config.neo4j, ...timeouts });
    try {
      await pingWithRetries(db, log);
      await db.applySchema();
      const [row] = await db.read('store-identity');
      return {
        db,
        uri: config.neo4j.uri,
        created: false,
        identity: row ? String(row.id) : null,
        close: () => db.close(),
      };
    } catch (e) {
      await db.close();
      throw e;
    }
  }

  const files = prepareStoreFiles(config.embedded.dataDir);
  const running = await isListening(config.embedded.port);
  if (running)
    log(
      `neo4j: checking the Neo4j already listening on 127.0.0.1:${config.embedded.port} is the store in ${files.dataDir}`,
    );
  let embedded = running ? undefined : (await startOwnStore({ ...config.embedded, log })).neo4j;
  let closed = false;
  // A server keeps answering (503, DATABASE_UNAVAILABLE) while the embedded Neo4j it started is down, and starts it
  // again with growing pauses; the driver reconnects to the same port by itself.
  const supervise = (current: EmbeddedNeo4j, attempt = 0): void => {
    void current.exited.then(async (code) => {
      if (closed) return;
      const pause = Math.min(30_000, 1_000 * 2 ** attempt);
      const reason = current.stopReason();
      log(
        `neo4j: the embedded database stopped (code ${code})${reason ? `: ${reason}` : ''}; starting it again in ${pause / 1000} s`,
      );
      await new Promise((r) => setTimeout(r, pause));
      if (closed) return;
      try {
        embedded = (await startOwnStore({ ...config.embedded, log })).neo4j;
        log('neo4j: the embedded database is back');
        supervise(embedded, 0);
      } catch (e) {
        log(`neo4j: could not start it again: ${(e as Error).message}`);
        supervise({ ...current, exited: Promise.resolve(null), stopReason: () => null }, attempt + 1);
      }
    });
  };
  const uri = embedded?.uri ?? `bolt://127.0.0.1:${config.embedded.port}`;
  const db = createDatabase({ uri, user: STORE_USER, password: files.password, ...timeouts });
  const refuse = (found: string) =>
    new StoreIdentityError(
      `neo4j: the Neo4j on 127.0.0.1:${config.embedded.port} is not the store in ${files.dataDir} (${found}); nothing was written to it. ` +
        'Stop what listens there or set NEO4J_BOLT_PORT to a free port; to use another database deliberately, set NEO4J_URI.',
    );
  try {
    if (running) {
      // A store that is starting (npm run neo4j just opened its port) or whose user is locked after failed logins is
      // waited for, within a bound; only a lasting refusal of the password means another database.
      const answer = await waitForStore(db, {
        waitMs: config.embedded.readyWaitMs,
        what: `the Neo4j on 127.0.0.1:${config.embedded.port}`,
        log,
      });
      if (answer === 'refused') throw refuse("it refused this store's password");
      if (answer === 'locked') {
        throw new EmbeddedNeo4jError(
          `neo4j: the store in ${files.dataDir} (127.0.0.1:${config.embedded.port}) has kept its user locked for ${Math.round(config.embedded.readyWaitMs / 1000)} s: ` +
            'Neo4j locks it after 3 failed logins in a row, so something on this machine keeps trying wrong passwords. It is this store, not a foreign one: stop what is guessing, then try again (raise NEO4J_READY_WAIT_S to wait longer).',
        );
      }
      if (answer === 'starting') {
        throw new EmbeddedNeo4jError(
          `neo4j: the Neo4j on 127.0.0.1:${config.embedded.port} opened its port but did not answer within ${Math.round(config.embedded.readyWaitMs / 1000)} s; ` +
            'if it is this store starting (npm run neo4j), wait until it says "neo4j: ready" and try again, or raise NEO4J_READY_WAIT_S.',
        );
      }
    } else {
      await db.ping();
    }
    // The launcher wrote the identity when it created the store; whatever answers must hold the same one.
    const [row] = await db.read('store-identity');
    const identity = row ? String(row.id) : null;
    if (identity !== files.identity)
      throw refuse(
        identity
          ? `its identity is ${identity}, this store's is ${files.identity}`
          : 'it holds no Deep Labour identity',
      );
    await db.applySchema();
    if (embedded && options.superviseEmbedded) supervise(embedded);
    else if (embedded) {
      // A command (import, remove…) is not supervised: it says why the store stopped under it, before its own error.
      const own = embedded;
      void own.exited.then((code) => {
        if (!closed)
          log(`neo4j: the embedded database stopped (code ${code})${own.stopReason() ? `: ${own.stopReason()}` : ''}`);
      });
    }
    return {
      db,
      uri,
      created: files.created && !running,
      identity,
      ...(embedded ? { embedded } : {}),
      async close() {
        closed = true;
        await db.close();
        await embedded?.stop();
      },
    };
  } catch (e) {
    await db.close();
    await embedded?.stop();
    throw e;
  }
}

/** The first connection, tried a few times over about ten seconds: a server started at the same moment may not answer yet. */
async function pingWithRetries(db: Database, log: (line: string) => void): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await db.ping();
      return;
    } catch (e) {
      const refused = /Security/.test(
        String((e as DatabaseError).cause && ((e as DatabaseError).cause as { code?: string }).code),
      );
      if (attempt >= 5 || refused || !(e instanceof DatabaseError) || e.code !== 'DATABASE_UNAVAILABLE') throw e;
      log(`neo4j: no answer yet (attempt ${attempt} of 5); trying again`);
      await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
    }
  }
}

function isListening(port: number): Promise<boolean> {
  return new Promise((answer) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      answer(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      answer(false);
    });
    socket.once('error', () => answer(false));
  });
}
