// The fixtures shipped with the project, and loading them into an empty database.
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './db/index.js';
import { importDataset, readDataset } from './dataset/index.js';
import { fileDigest } from './dataset/file-digest.js';

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
    await importDataset(db, read.dataset, {
      author: 'fixtures (loaded when the store was created)',
      fileSha256: await fileDigest(path),
    });
    log(`fixtures: loaded "${read.dataset.name}" as dataset "${read.dataset.id}"`);
  }
}

/**
 * What a store made before the repository's documented datasets were corrected should know: for each fixture the store
 * holds (by dataset id) whose version is not that of the repository's file, one line saying how to bring it in. A store
 * is never updated behind its owner's back (docs/fixtures.md); a dataset its owner removed is not mentioned.
 */
export async function fixtureUpdates(db: Database): Promise<string[]> {
  const held = new Map((await db.read('datasets')).map((d) => [String(d.id), d.fileSha256 as string | null]));
  const lines: string[] = [];
  for (const path of Object.values(FIXTURES)) {
    const read = readDataset(path);
    if (!read.ok || !held.has(read.dataset.id)) continue;
    if (held.get(read.dataset.id) === (await fileDigest(path))) continue;
    const file = `fixtures/${basename(path)}`;
    lines.push(
      `fixtures: dataset "${read.dataset.id}" in this store is not the version of ${file} in this copy of the project (corrected or extended since it was loaded, or loaded from another file); to take this version, with its changes recorded in the history: npm run cli -- import ${file}`,
    );
  }
  return lines;
}
