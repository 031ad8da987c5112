// `deep-labour export --recorded-at` and `sources --recorded-at` against a real Neo4j: the whole graph as the store
// recorded it at a moment, after later edits renamed a record and a source, changed and retracted links, retracted a
// record and added others, is the graph exported at that moment, and the sources with what cited them are the list made
// then; the ledger entry the export names is the head the ledger had then; a bad moment writes nothing.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/index.js';
import { exportDataset, SECTIONS, validateDataset, type Dataset } from '../../server/dataset/index.js';
import { importFixtures } from '../../server/fixtures.js';
import { runCli } from '../../server/cli/deep-labour.js';
import { retractRecord, upsertRecord } from '../../server/curation/curate.js';
import { ledgerHead } from '../../server/history/ledger-verify.js';
import { cliEnv, resetGraph, testDatabase } from '../support/test-database.js';

let db: Database;
const dir = mkdtempSync(join(tmpdir(), 'deep-labour-export-recorded-'));
const EDITOR = { name: 'export test', role: 'editor' as const };
beforeAll(async () => {
  db = await testDatabase();
  await resetGraph(db);
});
afterAll(async () => {
  await resetGraph(db);
  await db.close();
});

/** A dataset's records, section by section, in id order (the exported sections without the export's own name). */
const records = (d: Dataset) =>
  Object.fromEntries(
    SECTIONS.map((s) => [s, [...((d[s] ?? []) as { id: string }[])].sort((a, b) => a.id.localeCompare(b.id))]),
  );
const io = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), isTTY: false } };
};
const pause = () => new Promise((r) => setTimeout(r, 20));

describe('deep-labour export and sources --recorded-at', () => {
  it('give the graph and its sources as they were recorded at a moment, whatever was edited, retracted or added since', async () => {
    await importFixtures(db);
    const then = await exportDataset(db);
    const headThen = await ledgerHead(db);
    const sourcesThen = io();
    expect(await runCli(['sources', '--limit', '1000'], cliEnv(), sourcesThen.io)).toBe(0);
    await pause();
    const moment = new Date().toISOString();
    await pause();

    const renamed = then.organizations.find((o) => o.id === 'ex-clicklink')!;
    const changed = then.links.find((l) => l.type === 'CONTRACTED_BY' && l.from === 'ex-pool-fr-home')!;
    const retracted = then.links.find((l) => l.type === 'RECRUITED_VIA' && l.from === 'ex-pool-fr-home')!;
    // The fixtures' records the edits below change (the test means nothing if the fixtures lose them).
    expect(renamed?.name).toBe('ClickLink');
    expect(changed?.pricePerUnitEur).toBe(0.03);
    expect(retracted?.id).toBe('RECRUITED_VIA:ex-pool-fr-home->ex-clicklink');
    const edit = (section: 'organizations' | 'links' | 'sources', fields: Record<string, unknown>) =>
      upsertRecord(db, EDITOR, { dataset: 'curated', section, fields, reason: 'export test', argument: section });
    await edit('organizations', { ...renamed, name: 'ClickLink (renamed later)' });
    await edit('links', { ...changed, pricePerUnitEur: 0.5 });
    await retractRecord(db, EDITOR, { id: retracted.id!, reason: 'export test' });
    await edit('sources', { ...then.sources.find((x) => x.id === 'ex-src-scenario')!, title: 'Retitled later (test)' });
    await edit('sources', { id: 'later-src', title: 'A source added later (test)', type: 'other' });
    await edit('organizations', {
      id: 'later-org',
      name: 'Added later (fictional)',
      kind: 'vendor',
      sources: ['later-src'],
    });
    await retractRecord(db, EDITOR, { id: 'later-org', reason: 'export test' });
    await edit('organizations', { id: 'later-org-2', name: 'Added later too (fictional)', kind: 'vendor' });
    const now = await exportDataset(db);
    expect(records(now)).not.toEqual(records(then));

    const file = join(dir, 'then.json');
    const run = io();
    expect(await runCli(['export', '--recorded-at', moment, file], cliEnv(), run.io), run.err.join('\n')).toBe(0);
    const recorded = JSON.parse(readFileSync(file, 'utf8')) as Dataset & { ledger?: unknown };
    expect(records(recorded)).toEqual(records(then));
    expect(recorded.name).toBe(`deep-labour export, as recorded at ${moment}`);
    expect(recorded.ledger).toEqual(headThen);
    expect(validateDataset(recorded).ok).toBe(true);

    // The same export now, through the same command without the moment, is today's graph.
    const today = join(dir, 'now.json');
    expect(await runCli(['export', today], cliEnv(), io().io)).toBe(0);
    expect(records(JSON.parse(readFileSync(today, 'utf8')))).toEqual(records(now));

    // The sources and what cited them: today's list differs, the list as recorded then is the list made then.
    const sourcesNow = io();
    expect(await runCli(['sources', '--limit', '1000'], cliEnv(), sourcesNow.io)).toBe(0);
    expect(sourcesNow.out.join('\n')).not.toBe(sourcesThen.out.join('\n'));
    const sourcesRecorded = io();
    expect(await runCli(['sources', '--recorded-at', moment, '--limit', '1000'], cliEnv(), sourcesRecorded.io)).toBe(0);
    const [said, ...list] = sourcesRecorded.out.join('\n').split('\n');
    expect(said).toMatch(`the sources as the store recorded them at ${moment}`);
    expect(list.join('\n')).toBe(sourcesThen.out.join('\n'));
    expect(list.join('\n')).toContain(retracted.id!);
  }, 240_000);

  it('refuses a moment that is not one, or before the store recorded anything, and writes nothing', async () => {
    for (const [moment, said] of [
      ['yesterday', /^deep-labour: --recorded-at must be an ISO 8601 date and time with an offset/],
      [
        '2001-01-01T00:00:00Z',
        /^deep-labour: --recorded-at 2001-01-01T00:00:00.000Z is before the store's first recorded change/,
      ],
    ] as const) {
      const file = join(dir, `refused-${moment.slice(0, 4)}.json`);
      const run = io();
      expect(await runCli(['export', '--recorded-at', moment, file], cliEnv(), run.io)).toBe(2);
      expect(run.err.join('\n')).toMatch(said);
      expect(run.err.join('\n')).toMatch(/nothing was written/);
      expect(existsSync(file)).toBe(false);
      const list = io();
      expect(await runCli(['sources', '--recorded-at', moment], cliEnv(), list.io)).toBe(2);
      expect(list.err.join('\n')).toMatch(said);
      expect(list.out).toEqual([]);
    }
  });
});
