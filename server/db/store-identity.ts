// The embedded store's identity and password: made once when the store is created, kept beside it, checked at every connection.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const PASSWORD_FILE = 'neo4j-password';
export const IDENTITY_FILE = 'deep-labour-store-id';
export const STORE_USER = 'neo4j';
/** Modes of what the store and the CLI write: their owner's only. */
export const PRIVATE_DIR = 0o700;
export const PRIVATE_FILE = 0o600;

export interface StoreFiles {
  dataDir: string;
  passwordFile: string;
  password: string;
  identity: string;
  /** True when the store does not exist yet: the embedded Neo4j will create it with this identity, and only a new store gets the fixtures. */
  created: boolean;
}

/** Thrown when the data directory holds something this project did not create; the message says what to do. */
export class StoreIdentityError extends Error {
  override name = 'StoreIdentityError';
}

/** A store exists once Neo4j has written its databases folder. */
export function hasStore(dataDir: string): boolean {
  return existsSync(join(resolve(dataDir), 'data', 'databases'));
}

/**
 * Reads the identity and password of the store in `dataDir`, or creates them when there is no store yet
 * (files mode 0600). A store without them was not created by this project and is refused.
 */
export function prepareStoreFiles(dataDir: string): StoreFiles {
  const dir = resolve(dataDir);
  const passwordFile = join(dir, PASSWORD_FILE);
  const identityFile = join(dir, IDENTITY_FILE);
  const exists = hasStore(dir);
  // The store holds investigations and the figures withheld from answers: its folder is its owner's only, also when it was
  // made before this rule (the folder closed, nothing inside can be reached by others).
  if (existsSync(dir)) {
    try {
      chmodSync(dir, PRIVATE_DIR);
    } catch {
      /* another user's folder: Neo4j will say whether it can use it */
    }
  }
  if (existsSync(identityFile) && existsSync(passwordFile)) {
    // Files without a store: a first start stopped before Neo4j wrote anything; the store is still to be created.
    return {
      dataDir: dir,
      passwordFile,
      password: readFileSync(passwordFile, 'utf8').trim(),
      identity: readFileSync(identityFile, 'utf8').trim(),
      created: !exists,
    };
  }
  if (exists) {
    throw new StoreIdentityError(
      `neo4j: ${dir} holds a Neo4j store that Deep Labour Explorer did not create (no ${IDENTITY_FILE} or ${PASSWORD_FILE} beside it), so it is left alone. ` +
        'Set NEO4J_DATA_DIR to another folder for a new store, or NEO4J_URI (with NEO4J_USER and NEO4J_PASSWORD) to use that database deliberately.',
    );
  }
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  chmodSync(dir, PRIVATE_DIR);
  const password = randomBytes(24).toString('base64url');
  const identity = `deep-labour-${randomBytes(12).toString('hex')}`;
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  chmodSync(passwordFile, 0o600);
  writeFileSync(identityFile, `${identity}\n`, { mode: 0o600 });
  return { dataDir: dir, passwordFile, password, identity, created: true };
}
