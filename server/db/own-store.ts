// Starts this project's own embedded store in a data directory: made with an identity and a password when new, refused when foreign.
import { createDatabase } from './database.js';
import {
  buildLauncher,
  EmbeddedNeo4jError,
  startEmbeddedNeo4j,
  type EmbeddedNeo4j,
  type EmbeddedOptions,
} from './embedded-neo4j.js';
import { prepareStoreFiles, STORE_USER, type StoreFiles } from './store-identity.js';
import { waitForStore } from './store-readiness.js';

export interface OwnStore {
  neo4j: EmbeddedNeo4j;
  files: StoreFiles;
  /** What a driver needs to reach it. */
  connection: { uri: string; user: string; password: string };
}

/**
 * Starts the store and resolves once it takes its password over Bolt, as the CLI and the server will log in: only then
 * does it say "neo4j: ready". (Bolt opens a moment before the launcher sets the password of a new store; a client that
 * came in between was refused, and took the store for a foreign one.)
 */
export async function startOwnStore(
  options: Omit<EmbeddedOptions, 'passwordFile' | 'identity'> & { readyWaitMs?: number },
): Promise<OwnStore> {
  const log = options.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  // Say what is missing (Java, Maven) before anything is written into the data directory.
  buildLauncher(log);
  const files = prepareStoreFiles(options.dataDir);
  const neo4j = await startEmbeddedNeo4j({ ...options, passwordFile: files.passwordFile, identity: files.identity });
  const connection = { uri: neo4j.uri, user: STORE_USER, password: files.password };
  const db = createDatabase(connection);
  try {
    const answer = await waitForStore(db, {
      waitMs: options.readyWaitMs ?? 60_000,
      refusals: 3,
      what: `the store in ${files.dataDir}`,
      log,
    });
    if (answer !== 'ready') {
      await neo4j.stop();
      throw new EmbeddedNeo4jError(
        `neo4j: the embedded database started but ${answer === 'locked' ? 'has locked its user after failed logins' : answer === 'refused' ? 'refuses the password in ' + files.passwordFile : 'does not answer'}; ` +
          'stop whatever else logs in to it, and start it again',
      );
    }
  } finally {
    await db.close();
  }
  log(`neo4j: ready at ${neo4j.uri} (it takes this store's password)`);
  return { neo4j, files, connection };
}
