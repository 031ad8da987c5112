// Claim audits against a real Neo4j: every kind SUPPORTED, CONTRADICTED and UNVERIFIABLE, asOf, a cycle, the scorecard, the CLI report.
import { importValid, validDataset } from '../support/load-dataset.js';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../server/cli/deep-labour.js';
import { md as escapeMd } from '../../server/audit/audit-report.js';
import { importFixtures } from '../../server/fixtures.js';
import { EXPECTED, claimsTestDataset } from '../fixtures/claims-test.js';
import { codes, useSeededServer } from '../support/test-server.js';
import { cliEnv } from '../support/test-database.js';

const AUDIT = `query($org: ID, $claim: ID, $asOf: Date) {
  audit(organizationId: $org, claimId: $claim, asOf: $asOf) {
    claim { id kind by { id } subject { id } } verdict explanation unsourcedEvidence
    evidence { nodes { id } edges { id from to sources { id } } }
  }
}`;

const api = useSeededServer(async (db) => {
  await importValid(db, claimsTestDataset(), 'claims test dataset');
  await importFixtures(db);
});

const NAMES = new Map<string, string>(
  Object.values(claimsTestDataset())
    .filter(Array.isArray)
    .flatMap((section) =>
      (section as { id?: string; name?: string }[])
        .filter((x) => x.id && x.name)
        .map((x) => [x.id!, x.name!] as [string, string]),
    ),
);

const LINK_SOURCES = new Map(validDataset(claimsTestDataset()).links.map((l) => [l.id, l.sources ?? []]));

describe('audit verdicts', () => {
  it.each(Object.entries(EXPECTED))('%s is judged as worked out by hand', async (claimId, expected) => {
    const r = await api.query(AUDIT, { claim: claimId, asOf: '2024-06-01' });
    expect(r.errors).toBeUndefined();
    const [audit] = r.data!.audit;
    expect(audit.verdict).toBe(expected.verdict);
    // The explanation names what decided: the subject, an end of a deciding link, or the pool and task whose figure is missing.
    const named = [audit.claim.subject.id, ...audit.evidence.edges.flatMap((e: any) => [e.from, e.to])].map(
      (id: string) => NAMES.get(id)!,
    );
    const explains =
      named.some((n) => audit.explanation.includes(n)) ||
      (expected.verdict === 'UNVERIFIABLE' &&
        ([...NAMES.values()].some((n) => audit.explanation.includes(n)) ||
          /params\.(countries|eurPerHour)/.test(audit.explanation)));
    expect(explains, audit.explanation).toBe(true);
    if (expected.verdict === 'UNVERIFIABLE') expect(audit.explanation).toMatch(/\b(no|not|unknown|absence)\b/i);
    // Each evidence link cites its own sources, in its order (the query sends each source once for all links).
    for (const e of audit.evidence.edges)
      expect(
        e.sources.map((src: { id: string }) => src.id),
        e.id,
      ).toEqual(LINK_SOURCES.get(e.id));
    if (expected.evidence) {
      expect(audit.evidence.edges.map((e: any) => e.id)).toEqual(expect.arrayContaining(expected.evidence));
      const drawn = audit.evidence.nodes.map((n: any) => n.id);
      for (const e of expected.evidence) expect(drawn).toEqual(expect.arrayContaining(e.split(':')[1]!.split('->')));
    }
  });

  /** Every claim in the store, audited one by one (the API audits one organisation or claim at a time). */
  const auditAll = async (asOf: string) => {
    const listed = await api.query('{ claims(first: 500) { id } }');
    const audits: any[] = [];
    // One after the other, as a person would: all at once, the heavy-query gate would rightly turn some away.
    for (const c of listed.data!.claims as { id: string }[])
      audits.push(...(await api.query(AUDIT, { claim: c.id, asOf })).data!.audit);
    return audits;
  };

  it('never calls a claim of full automation SUPPORTED', async () => {
    const automated = (await auditAll('2024-06-01')).filter((a: any) => a.claim.kind === 'FULLY_AUTOMATED');
    expect(automated.length).toBeGreaterThan(3);
    expect(automated.map((a: any) => a.verdict)).not.toContain('SUPPORTED');
  });

  it('changes a verdict when a link expires', async () => {
    const before = await api.query(AUDIT, { claim: 'c-ns-sup', asOf: '2020-06-01' });
    expect(before.data!.audit[0].verdict).toBe('CONTRADICTED');
    expect(before.data!.audit[0].evidence.edges.map((e: any) => e.id)).toEqual(['SUBCONTRACTS_FOR:a-x->a-ns-sup']);
    const after = await api.query(AUDIT, { claim: 'c-ns-sup', asOf: '2024-06-01' });
    expect(after.data!.audit[0].verdict).toBe('SUPPORTED');
  });

  it('names a deciding link without a source', async () => {
    const [audit] = (await api.query(AUDIT, { claim: 'c-cd-con', asOf: '2024-06-01' })).data!.audit;
    expect(audit.unsourcedEvidence).toBe(1);
    expect(audit.explanation).toMatch(/has no source/);
  });

  it('audits the claims by or about one organisation, and says NOT_FOUND for an unknown claim', async () => {
    const r = await api.query(AUDIT, { org: 'a-mi-sup', asOf: '2024-06-01' });
    expect(r.data!.audit.map((a: any) => a.claim.id)).toEqual(['c-mi-sup', 'c-mp-sup', 'c-wl-sup']);
    expect(codes(await api.query(AUDIT, { claim: 'no-such-claim' }))).toEqual(['NOT_FOUND']);
    expect(codes(await api.query(AUDIT, { org: 'no-such-org' }))).toEqual(['NOT_FOUND']);
    expect((await api.query(AUDIT, { org: 'a-p1' })).data!.audit).toEqual([]);
  });

  it('on the illustrative fixture, gives every verdict and cites the evidence', async () => {
    const byId = Object.fromEntries((await auditAll('2026-11-28')).map((a: any) => [a.claim.id, a.verdict]));
    expect(byId).toMatchObject({
      'ex-claim-taskora-intermediary': 'CONTRADICTED',
      'ex-claim-pixelwork-intermediary': 'SUPPORTED',
      'ex-claim-datavolt-no-subcontracting': 'CONTRADICTED',
      'ex-claim-modero-no-subcontracting': 'SUPPORTED',
      'ex-claim-clicklink-client-known': 'CONTRADICTED',
      'ex-claim-pixelwork-client-known': 'SUPPORTED',
      'ex-claim-chatfix-automated': 'CONTRADICTED',
      'ex-claim-roadsense-automated': 'UNVERIFIABLE',
      'ex-claim-datavolt-local': 'CONTRADICTED',
      'ex-claim-vocalis-local': 'SUPPORTED',
      'ex-claim-socialnet-local': 'UNVERIFIABLE',
      'ex-claim-taskora-fair-pay': 'CONTRADICTED',
      'ex-claim-pixelwork-fair-pay': 'SUPPORTED',
    });
  });
});

describe('claims and the scorecard', () => {
  it('lists the claims about an organisation with who made them', async () => {
    const r = await api.query(
      `{ claims(organizationId: "ex-pixelwork") { id kind by { id } subject { id } params sources { title } } }`,
    );
    expect(r.data!.claims.map((c: any) => c.id)).toEqual([
      'ex-claim-pixelwork-client-known',
      'ex-claim-pixelwork-fair-pay',
      'ex-claim-pixelwork-intermediary',
    ]);
    expect(JSON.parse(r.data!.claims[1].params)).toEqual({ eurPerHour: 8 });
  });

  it('computes the same card from the same data, each indicator with its evidence', async () => {
    const q = `{ scorecard(organizationId: "ex-taskora", asOf: "2026-11-28") { organization { id } indicators { id value evidence { edges { id } } } audits { claim { id } verdict } } }`;
    const a = await api.query(q);
    const b = await api.query(q);
    expect(a.data).toEqual(b.data);
    const ind = Object.fromEntries(a.data!.scorecard.indicators.map((i: any) => [i.id, i]));
    expect(ind['deepest-chain'].value).toMatch(/^1 organisation/);
    expect(ind['workforce-countries'].value).toBe('FR');
    expect(ind['ai-uses'].value).toBe('training, verification');
    expect(ind['lowest-hourly-pay'].value).toMatch(/^€3\.00/);
    expect(ind['lowest-hourly-pay'].evidence.edges.length).toBeGreaterThan(0);
    expect(a.data!.scorecard.audits.map((x: any) => x.verdict)).toEqual(['CONTRADICTED', 'CONTRADICTED']);
    expect(codes(await api.query(`{ scorecard(organizationId: "ex-pool-fr-home") { asOf } }`))).toEqual(['NOT_FOUND']);
  });

  it('says the same without its evidence or with one part alone (what is not asked is not computed), and each evidence holds what its value counts', async () => {
    const card = async (org: string, evidence: boolean) =>
      (
        await api.query(`{ scorecard(organizationId: "${org}", asOf: "2026-11-28") {
      indicators { id value evidenceLinks ${evidence ? 'evidence { nodes { id kind } edges { id type from to } }' : ''} } audits { claim { id } verdict explanation } } }`)
      ).data!.scorecard;
    let counted = 0;
    for (const org of ['ex-taskora', 'ex-pixelwork', 'ex-nexa']) {
      const full = await card(org, true);
      const lean = await card(org, false);
      expect(
        lean.indicators.map((i: any) => [i.id, i.value, i.evidenceLinks]),
        org,
      ).toEqual(full.indicators.map((i: any) => [i.id, i.value, i.evidence.edges.length]));
      expect(lean.audits, org).toEqual(full.audits);
      // Asked alone, each part says the same.
      const alone = (
        await api.query(
          `{ scorecard(organizationId: "${org}", asOf: "2026-11-28") { audits { claim { id } verdict explanation } } }`,
        )
      ).data!.scorecard;
      expect(alone.audits, org).toEqual(full.audits);
      const indicatorsAlone = (
        await api.query(`{ scorecard(organizationId: "${org}", asOf: "2026-11-28") { indicators { id value } } }`)
      ).data!.scorecard;
      expect(indicatorsAlone.indicators, org).toEqual(lean.indicators.map((i: any) => ({ id: i.id, value: i.value })));
      const ind = Object.fromEntries(full.indicators.map((i: any) => [i.id, i]));
      const deepest = /^(\d+) organisation/.exec(ind['deepest-chain'].value);
      if (deepest) expect(ind['deepest-chain'].evidence.edges.length, org).toBe(Number(deepest[1]));
      const share = /^(\d+) of (\d+)/.exec(ind['disclosed-share'].value);
      if (share) expect(ind['disclosed-share'].evidence.edges.length, org).toBe(Number(share[2]));
      if (deepest && share) counted += 1;
      const pools = ind['workforce-countries'].evidence.nodes.filter((n: any) => n.kind === 'worker-pool');
      expect(pools.length > 0, org).toBe(ind['workforce-countries'].value !== 'no workforce known');
      expect(ind['lowest-hourly-pay'].evidence.edges.length > 0, org).toBe(
        ind['lowest-hourly-pay'].value !== 'unknown',
      );
    }
    expect(counted).toBeGreaterThan(0);
  });
});

describe('deep-labour audit', () => {
  it('writes a Markdown report with each verdict, its explanation and its sources', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'deep-labour-audit-')), 'report.md');
    const printed: string[] = [];
    const code = await runCli(['audit', '--org', 'ex-taskora', '--as-of', '2026-11-28', '--out', out], cliEnv(), {
      out: (t) => printed.push(t),
      err: () => {},
      isTTY: false,
    });
    expect(code).toBe(0);
    const md = readFileSync(out, 'utf8');
    expect(md).toMatch(/^# /);
    expect(md).toContain('CONTRADICTED');
    expect(md).toContain(escapeMd('Taskora terms of service (fictional)'));
    expect(md).toContain(escapeMd('SUBCONTRACTS_FOR:ex-taskora->ex-nexa'));
  });

  it('writes JSON with --format json and refuses a bad date', async () => {
    const printed: string[] = [];
    const io = { out: (t: string) => printed.push(t), err: () => {}, isTTY: false };
    expect(await runCli(['audit', '--org', 'ex-pixelwork', '--format', 'json'], cliEnv(), io)).toBe(0);
    const report = JSON.parse(printed.join('\n'));
    expect(report.audits.map((a: any) => a.verdict)).toEqual(['SUPPORTED', 'SUPPORTED', 'SUPPORTED']);
    expect(await runCli(['audit', '--as-of', '2024-13-01'], cliEnv(), io)).toBe(2);
  });
});
