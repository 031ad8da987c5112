// Starts this project's own embedded store in a data directory: made with an identity and a password when new, refused when foreign.
import { buildLauncher, startEmbeddedNeo4j, type EmbeddedNeo4j, type EmbeddedOptions } from './embedded-neo4j.js';
import { prepareStoreFiles, STORE_USER, type StoreFiles } from './store-identity.js';

export interface OwnStore {
  neo4j: EmbeddedNeo4j;
  files: StoreFiles;
  /** What a driver needs to reach it. */
  connection: { uri: string; user: string; password: string };
}

export async function startOwnStore(options: Omit<EmbeddedOptions, 'passwordFile' | 'identity'>): Promise<OwnStore> {
  // Say what is missing (Java, Maven) before anything is written into the data directory.
  buildLauncher(options.log);
  const files = prepareStoreFiles(options.dataDir);
  const neo4j = await startEmbeddedNeo4j({ ...options, passwordFile: files.passwordFile, identity: files.identity });
  return { neo4j, files, connection: { uri: neo4j.uri, user: STORE_USER, password: files.password } };
}
