// The fixtures shipped with the project, and loading them into an empty database.
import { fileURLToPath } from 'node:url';
import type { Database } from './db/index.js';
import { importDataset, readDataset } from './dataset/index.js';

export const FIXTURES = {
  diplab: fileURLToPath(new URL('../fixtures/diplab-france-2019.json', import.meta.url)),
  illustrative: fileURLToPath(new URL('../fixtures/illustrative-cascade.json', import.meta.url)),
  publicReporting: fileURLToPath(new URL('../fixtures/public-reporting.json', import.meta.url)),
  wageReferences: fileURLToPath(new URL('../fixtures/wage-references.json', import.meta.url)),
} as const;

/**
 * Imports the fixtures into a store this run has just created, and never otherwise: an empty store may be someone's
 * on purpose (a failed import, a database pointed at with NEO4J_URI), and fictional data must not land in it.
 */
export async function loadFixturesIntoNewStore(
  conn: { db: Database; created: boolean },
  log: (line: string) => void,
): Promise<boolean> {
  if (!conn.created) return false;
  await importFixtures(conn.db, log);
  return true;
}

/** Imports every fixture (idempotent, like every import). */
export async function importFixtures(db: Database, log: (line: string) => void = () => {}): Promise<void> {
  for (const path of Object.values(FIXTURES)) {
    const read = readDataset(path);
    if (!read.ok)
      throw new Error(
        `fixtures: ${path} is invalid: ${read.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
      );
    await importDataset(db, read.dataset, { author: 'fixtures (loaded when the store was created)' });
    log(`fixtures: loaded "${read.dataset.name}" as dataset "${read.dataset.id}"`);
  }
}
