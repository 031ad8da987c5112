// Everything outside db/ talks to Neo4j through these; driver types stop here.
export {
  createDatabase,
  type Database,
  type DatabaseConfig,
  type Row,
  type Transaction,
  type WriteCounts,
} from './database.js';
export { DatabaseError, type DatabaseErrorCode } from './database-error.js';
export { connectDatabase, type Connection } from './connect-database.js';
export {
  startEmbeddedNeo4j,
  buildLauncher,
  EmbeddedNeo4jError,
  type EmbeddedNeo4j,
  type EmbeddedOptions,
} from './embedded-neo4j.js';
export { MAX_DEPTH, renderCypherTemplate } from './cypher-template.js';
export {
  prepareStoreFiles,
  hasStore,
  StoreIdentityError,
  STORE_USER,
  PASSWORD_FILE,
  IDENTITY_FILE,
  type StoreFiles,
} from './store-identity.js';
export { startOwnStore, type OwnStore } from './own-store.js';
export {
  journaled,
  unfinishedImports,
  describeUnfinished,
  NEW_STORE_ACTION,
  type UnfinishedImport,
} from './store-lock.js';
export { runOfflineImport, importerArguments, type OfflineImportOptions } from './offline-import.js';
