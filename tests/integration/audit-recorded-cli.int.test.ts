// `deep-labour audit --recorded-at` against a real Neo4j: an organisation's report printed again for a past moment,
// after later imports changed a pay report, dropped a subcontracting link and the reference wage the pay was compared
// with, and an edit answered a request for reply, is the report that was printed at that moment (its verdicts, their
// evidence, the pay indicator, the replies and their status, the ledger entry it names); a bad moment writes nothing.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDataset, validateDataset, type Dataset } from '../../server/dataset/index.js';
import { FIXTURES } from '../../server/fixtures.js';
import { runCli } from '../../server/cli/deep-labour.js';
import { md as escapeMd } from '../../server/audit/audit-report.js';
import { revertChange, upsertRecord } from '../../server/curation/curate.js';
import { cliEnv, useTestDatabase } from '../support/test-database.js';
import { WAGE_CLAIM, WAGE_CLAIM_PLATFORM, withWageFloorClaim } from '../fixtures/wage-floor-claim.js';
import { datasetFile } from '../support/load-dataset.js';
import { useSeededServer, type GraphqlResponse } from '../support/test-server.js';

const api = useSeededServer(async () => {});
const store = useTestDatabase();
const dir = mkdtempSync(join(tmpdir(), 'deep-labour-audit-recorded-'));
const EDITOR = { name: 'audit test', role: 'admin' as const };
const PLATFORM = WAGE_CLAIM_PLATFORM;
const CLAIM = WAGE_CLAIM;

const io = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), isTTY: false } };
};
const pause = () => new Promise((r) => setTimeout(r, 20));
const valid = (d: Dataset) => {
  const checked = validateDataset(d);
  if (!checked.ok) throw new Error(`test: invalid dataset: ${JSON.stringify(checked.problems)}`);
  return checked.dataset;
};

/** The fictional fixture with a claim judged on pay; `later`: as a later version changes it (a report's figure, a link dropped). */
function fixture(later: boolean): Dataset {
  const d = withWageFloorClaim(datasetFile(FIXTURES.illustrative));
  if (later) {
    for (const p of d.payReports ?? []) if (p.id === 'ex-pay-mg-annotators-boxes') p.max = 0.15;
    d.links = d.links.filter(
      (l) => !(l.type === 'SUBCONTRACTS_FOR' && l.from === 'ex-broker' && l.to === 'ex-vocalis'),
    );
  }
  return valid(d);
}

const AUDIT = `query($id: ID!, $at: DateTime) { audit(claimId: $id, asOf: "2024-01-01", recordedAt: $at) {
  verdict explanation verdictSince replies { id status answer answeredOn summary organizationName } } }`;
const ok = (r: GraphqlResponse) => {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!;
};

/** Prints the platform's report (JSON, or Markdown), as recorded at `moment` when given. */
async function report(format: 'json' | 'md', moment?: string): Promise<string> {
  const run = io();
  const args = ['audit', '--org', PLATFORM, '--as-of', '2024-01-01', '--format', format];
  if (moment) args.push('--recorded-at', moment);
  expect(await runCli(args, cliEnv(), run.io), run.err.join('\n')).toBe(0);
  return run.out.join('\n');
}

describe('deep-labour audit --recorded-at', () => {
  it("prints an organisation's report as it was printed at a moment, whatever was imported or edited since", async () => {
    await importDataset(store(), fixture(false));
    await importDataset(store(), datasetFile(FIXTURES.wageReferences));
    const reply = {
      id: 'reply-annotapro-wage-floor',
      organization: PLATFORM,
      askedOn: '2026-11-02',
      askedBy: 'audit test',
      claims: [CLAIM],
      deadline: '2026-11-16',
    };
    await upsertRecord(store(), EDITOR, {
      dataset: 'curated',
      section: 'replies',
      fields: reply,
      reason: 'audit test',
      argument: 'reply',
    });
    const json = JSON.parse(await report('json'));
    const md = await report('md');
    const apiThen = ok(await api.query(AUDIT, { id: CLAIM }));
    // What the later changes move (the test means nothing if the fixtures lose them).
    expect(JSON.stringify(json.pay)).toMatch(/wage-mg-2021-legal-minimum/);
    expect(JSON.stringify(json.audits.find((a: { claim: { id: string } }) => a.claim.id === CLAIM))).toMatch(
      /reply-annotapro-wage-floor/,
    );
    await pause();
    const moment = new Date().toISOString();
    await pause();

    await importDataset(store(), fixture(true));
    const wages = structuredClone(datasetFile(FIXTURES.wageReferences));
    wages.wageReferences = wages.wageReferences!.filter((w) => w.id !== 'wage-mg-2021-legal-minimum');
    await importDataset(store(), valid(wages));
    await upsertRecord(store(), EDITOR, {
      dataset: 'curated',
      section: 'replies',
      fields: { ...reply, answeredOn: '2026-11-10', answer: 'A fictional answer, given after the moment.' },
      reason: 'audit test',
      argument: 'reply',
    });
    const now = JSON.parse(await report('json'));
    for (const part of ['audits', 'pay', 'ledger'])
      expect(JSON.stringify(now[part]), `${part} moved`).not.toBe(JSON.stringify(json[part]));

    // The API's audit as recorded reads the replies and the kept verdict's date as they stood then too.
    expect(ok(await api.query(AUDIT, { id: CLAIM }))).not.toEqual(apiThen);
    expect(ok(await api.query(AUDIT, { id: CLAIM, at: moment }))).toEqual(apiThen);

    const { recordedAt, ...recorded } = JSON.parse(await report('json', moment));
    expect(recordedAt).toBe(moment);
    expect(recorded).toEqual(json);
    // The Markdown report too, but for where it says it was read.
    const mdRecorded = await report('md', moment);
    const said = `, as recorded at ${escapeMd(moment)}`;
    expect(mdRecorded).toContain(said);
    expect(mdRecorded.replace(said, '')).toBe(md);
  }, 180_000); // Four imports, an edit and six reports (the audit query planned on first use): 20-60 s here.

  it('names the head readers see: a proposal waiting for review, or its rejection, moves it neither now nor as recorded', async () => {
    await importDataset(store(), fixture(false));
    const published = JSON.parse(await report('json')).ledger;
    const LEDGER = '{ ledger { seq hash } }';
    expect(ok(await api.query(LEDGER)).ledger).toEqual(published);
    const proposal = {
      id: 'reply-annotapro-proposed',
      organization: PLATFORM,
      askedOn: '2026-11-03',
      askedBy: 'audit test',
      claims: [CLAIM],
      deadline: '2026-11-17',
    };
    const { change } = await upsertRecord(store(), EDITOR, {
      dataset: 'curated',
      section: 'replies',
      fields: proposal,
      reason: 'audit test',
      argument: 'reply',
      needsReview: true,
    });
    // The proposal is sealed in the chain (the counter moved past the head readers see), or the test means nothing.
    const [counter] = await store().read('ledger-head');
    expect(counter!.seq).toBeGreaterThan(published.seq);
    expect(JSON.parse(await report('json')).ledger).toEqual(published);
    await pause();
    const moment = new Date().toISOString();
    await pause();
    await revertChange(store(), EDITOR, { changeId: change.id, reason: 'audit test' });
    expect(JSON.parse(await report('json')).ledger).toEqual(published);
    expect(JSON.parse(await report('json', moment)).ledger).toEqual(published);
    expect(ok(await api.query(LEDGER)).ledger).toEqual(published);
  });

  it('refuses a moment before the first change, or one that is no moment, and writes no report', async () => {
    for (const [moment, said] of [
      [
        '1999-01-01T00:00:00Z',
        /--recorded-at 1999-01-01T00:00:00(\.000)?Z is before the store's first recorded change/,
      ],
      ['yesterday', /--recorded-at/],
    ] as const) {
      const out = join(dir, `${moment}.json`);
      const run = io();
      const code = await runCli(
        ['audit', '--org', PLATFORM, '--format', 'json', '--recorded-at', moment, '--out', out],
        cliEnv(),
        run.io,
      );
      expect(code).toBe(2);
      expect(run.err.join('\n')).toMatch(said);
      expect(run.err.join('\n')).toMatch(/no report was written/);
      expect(existsSync(out)).toBe(false);
    }
  });
});
