// A store made before the repository's documented datasets were corrected is told so at start, and only then: each
// dataset keeps the SHA-256 of the file it was imported from, and a fixture the store holds in another version is named
// with the command that brings the repository's version in; importing the file again (fixtures or command line) ends it.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importDataset, readDataset, type Dataset } from '../../server/dataset/index.js';
import { FIXTURES, fixtureUpdates, importFixtures } from '../../server/fixtures.js';
import { runCli } from '../../server/cli/deep-labour.js';
import { upsertRecord } from '../../server/curation/curate.js';
import { cliEnv, useTestDatabase } from '../support/test-database.js';

const EDITOR = { name: 'fixture updates test', role: 'editor' as const };
const store = useTestDatabase();

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const load = (path: string): Dataset => {
  const read = readDataset(path);
  if (!read.ok) throw new Error(`${path} is invalid`);
  return read.dataset;
};
const quiet = () => ({ out: () => {}, err: () => {}, isTTY: false });
const heldSha = async (id: string) => (await store().read('datasets')).find((d) => d.id === id)?.fileSha256;

describe('documented datasets changed since a store was made', () => {
  it('are named with the command that brings them in, until their file is imported again', async () => {
    await importFixtures(store());
    expect(await heldSha('illustrative-cascade')).toBe(sha256(FIXTURES.illustrative));
    expect(await fixtureUpdates(store())).toEqual([]);

    // The store's copy becomes another version (as a store made before a correction holds it): it is named, alone.
    const older = load(FIXTURES.illustrative);
    older.organizations[0] = { ...older.organizations[0]!, name: `${older.organizations[0]!.name} (earlier)` };
    await importDataset(store(), older);
    expect(await heldSha('illustrative-cascade')).toBeNull();
    const lines = await fixtureUpdates(store());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('dataset "illustrative-cascade" in this store is not the version of');
    expect(lines[0]).toContain('npm run cli -- import fixtures/illustrative-cascade.json');

    // The command the line names: the file imported again from the command line keeps its digest, and the line goes.
    expect(await runCli(['import', FIXTURES.illustrative], cliEnv(), quiet())).toBe(0);
    expect(await heldSha('illustrative-cascade')).toBe(sha256(FIXTURES.illustrative));
    expect(await fixtureUpdates(store())).toEqual([]);
    // `deep-labour datasets` shows it, for comparing with sha256sum.
    const listed: string[] = [];
    expect(await runCli(['datasets'], cliEnv(), { ...quiet(), out: (t) => listed.push(t) })).toBe(0);
    const row = listed
      .join('\n')
      .split('\n')
      .find((l) => l.startsWith('illustrative-cascade\t'));
    expect(row?.endsWith(`\t${sha256(FIXTURES.illustrative)}`)).toBe(true);
  }, 300_000);

  it('leave out a dataset the store does not hold, and an edit does not make a file dataset differ', async () => {
    expect(await runCli(['remove', 'wage-references', '--yes'], cliEnv(), quiet())).toBe(0);
    expect(await fixtureUpdates(store())).toEqual([]);
    // Edits go to the curated dataset: the documented datasets stay the files' versions.
    await upsertRecord(store(), EDITOR, {
      dataset: 'curated',
      section: 'organizations',
      fields: { id: 'ex-fixture-updates', kind: 'other', name: 'Fixture updates test (fictional)' },
      reason: 'a test edit',
      argument: 'organization',
    });
    expect(await fixtureUpdates(store())).toEqual([]);
    expect(await heldSha('curated')).toBeNull();
  }, 120_000);
});
