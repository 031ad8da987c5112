// Scorecard.pay against a real server: the workforce behind an organisation against the legal minimum and living wage of
// each pool's country and year (counts, ratio ranges, the references used, each pool's reports), worked out by hand on
// the pay fixtures; one query for the whole field; small groups' pay withheld and only counted.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../server/cli/deep-labour.js';
import { md as escapeMd } from '../../server/audit/audit-report.js';
import type { Database } from '../../server/db/index.js';
import { cliEnv, testDatabase } from '../support/test-database.js';
import { importValid } from '../support/load-dataset.js';
import { useSeededServer } from '../support/test-server.js';
import { payDataset } from '../fixtures/pay-dataset.js';

/**
 * The pay fixture's pools behind Alpha Platform (org-a), plus one pool per case (fictional):
 * pool-1 (MG, €0.03 a task at 60–120 an hour = €1.80–3.60 = MGA 7,200–14,400 an hour: 0.36–0.72 of MGA 20,000, below),
 * pool-span (MG, €4–6 an hour = MGA 16,000–24,000: 0.8–1.2, spanning), pool-fair (MG, MGA 25,000–30,000 an hour:
 * 1.25–1.5, at or above), pool-nohours (MG, a monthly figure without hours: not comparable), pool-unsourced (pay with
 * no source: counted as pay, not as sourced pay), pool-none (no pay), pool-small (3 people: withheld).
 * The living wage, MGA 4,000,000 a month ÷ 200 hours, is MGA 20,000 an hour too: the same ratios, another reference.
 */
function scorecardDataset(): Record<string, any> {
  const doc = payDataset();
  const S = ['src-1'];
  doc.workerPools.push(
    { id: 'pool-span', name: 'Spanning test pool', country: 'MG', size: 20, sources: S },
    { id: 'pool-fair', name: 'Fair test pool', country: 'MG', size: 50, sources: S },
    { id: 'pool-nohours', name: 'Monthly test pool', country: 'MG', size: 15, sources: S },
    { id: 'pool-unsourced', name: 'Unsourced test pool', country: 'MG', size: 30, sources: S },
    { id: 'pool-none', name: 'Unpaid-record test pool', country: 'FR', size: 40, sources: S },
  );
  for (const id of ['pool-small', 'pool-span', 'pool-nohours', 'pool-unsourced'])
    doc.links.push({ type: 'WORKS_ON', from: id, to: 'org-a', sources: S });
  for (const id of ['pool-fair', 'pool-none'])
    doc.links.push({ type: 'CONTRACTED_BY', from: id, to: 'org-a', sources: S });
  doc.payReports.push(
    {
      id: 'pay-span',
      pool: 'pool-span',
      min: 4,
      max: 6,
      currency: 'EUR',
      unit: 'hour',
      since: '2019',
      reportedBy: 'workers-survey',
      sources: ['src-pay'],
    },
    {
      id: 'pay-fair',
      pool: 'pool-fair',
      min: 25000,
      max: 30000,
      currency: 'MGA',
      unit: 'hour',
      until: '2019-12',
      reportedBy: 'contract',
      sources: ['src-pay'],
    },
    {
      id: 'pay-nohours',
      pool: 'pool-nohours',
      min: 300000,
      max: 300000,
      currency: 'MGA',
      unit: 'month',
      since: '2019',
      reportedBy: 'press',
      sources: ['src-pay'],
    },
    {
      id: 'pay-unsourced',
      pool: 'pool-unsourced',
      min: 1,
      max: 1,
      currency: 'EUR',
      unit: 'hour',
      since: '2019',
      reportedBy: 'workers',
      sources: [],
    },
  );
  return doc;
}

const reads = new Map<string, number>();
function countReads(db: Database): void {
  const read = db.read.bind(db);
  db.read = ((name: string, params?: Record<string, unknown>) => {
    reads.set(name, (reads.get(name) ?? 0) + 1);
    return read(name as never, params as never);
  }) as Database['read'];
}

const api = useSeededServer(async (db) => {
  await importValid(db, scorecardDataset());
  // Planned once before the tests, as the server's warm-up does at start-up, so a busy machine's planner does not time them out.
  await db.read('scorecard-pay', { organizationId: '', asOf: '2026-01-01', minPoolSize: 0 });
  countReads(db);
});

const AGAINST =
  'kind compared below spanning atOrAbove notComparable ratioMin ratioMax references { id country year kind sources { id title } }';
const PAY = `pay { pools withheld withPay withSourcedPay withHourly value
  legalMinimum { ${AGAINST} } livingWage { ${AGAINST} }
  workerPools { id name country paySuppressed pay { id reported hourly { min max currency } hourlyNote sources { id }
    minimum: wageGap(kind: LEGAL_MINIMUM) { reference { id } ratioMin ratioMax steps reason }
    living: wageGap(kind: LIVING_WAGE) { reference { id } ratioMin ratioMax reason } } } }`;
const CARD = `query($id: ID!, $asOf: Date) { scorecard(organizationId: $id, asOf: $asOf) { ${PAY} } }`;

describe('Scorecard.pay', { timeout: 240_000 }, () => {
  it('counts the pools behind the organisation with sourced pay, an hourly range, and below, spanning or above each reference, as worked by hand', async () => {
    reads.clear();
    const r = await api.query(CARD, { id: 'org-a' });
    expect(r.errors).toBeUndefined();
    const pay = r.data!.scorecard.pay;
    expect(pay).toMatchObject({ pools: 7, withheld: 1, withPay: 5, withSourcedPay: 4, withHourly: 3 });
    const mg = (id: string) => [
      { id, country: 'MG', year: 2019, sources: [{ id: 'src-pay', title: 'Fictional workers survey' }] },
    ];
    expect(pay.legalMinimum).toMatchObject({
      kind: 'legal-minimum',
      compared: 3,
      below: 1,
      spanning: 1,
      atOrAbove: 1,
      notComparable: 1,
      ratioMin: 0.36,
      ratioMax: 1.5,
    });
    expect(pay.legalMinimum.references).toMatchObject(mg('wage-mg-2019-min'));
    expect(pay.livingWage).toMatchObject({
      kind: 'living-wage',
      compared: 3,
      below: 1,
      spanning: 1,
      atOrAbove: 1,
      notComparable: 1,
      ratioMin: 0.36,
      ratioMax: 1.5,
    });
    expect(pay.livingWage.references).toMatchObject(mg('wage-mg-2019-living'));
    expect(pay.value).toBe(
      '4 of 7 pools with sourced pay, 3 with an hourly range; legal minimum wage: 1 below, 1 spanning it, 1 at or above (0.36–1.5×; MG 2019); ' +
        'living wage: 1 below, 1 spanning it, 1 at or above (0.36–1.5×; MG 2019); 1 small group withheld',
    );
    // One query for the whole field: the pools' pay and its gaps answer from what it read; with neither indicators nor
    // verdicts asked for, the scorecard finds the organisation without planning audit-facts.
    expect([
      reads.get('scorecard-pay'),
      reads.get('pay-reports'),
      reads.get('wage-table'),
      reads.get('audit-facts'),
    ]).toEqual([1, undefined, undefined, undefined]);
  });

  it('lists each pool with pay, its reports as reported, the hourly range or why not, and the ratio to each reference with its steps', async () => {
    const r = await api.query(CARD, { id: 'org-a' });
    const pools = r.data!.scorecard.pay.workerPools;
    expect(pools.map((p: { id: string }) => p.id)).toEqual([
      'pool-1',
      'pool-fair',
      'pool-nohours',
      'pool-span',
      'pool-unsourced',
    ]);
    const byId = new Map(pools.map((p: { id: string }) => [p.id, p]));
    const one = byId.get('pool-1') as any;
    expect(one.pay[0]).toMatchObject({
      id: 'pay-1',
      reported: '€0.03 a task',
      hourly: { min: 1.8, max: 3.6, currency: 'EUR' },
      minimum: { reference: { id: 'wage-mg-2019-min' }, ratioMin: 0.36, ratioMax: 0.72, reason: null },
      living: { reference: { id: 'wage-mg-2019-living' }, ratioMin: 0.36, ratioMax: 0.72 },
    });
    expect(one.pay[0].minimum.steps.at(-1)).toBe(
      "MG's legal minimum wage in 2019: MGA 20,000.00 an hour [wage-mg-2019-min] → 0.36–0.72×",
    );
    expect(one.pay[1]).toMatchObject({ id: 'pay-2', hourly: null, minimum: { reference: null, ratioMin: null } });
    expect(one.pay[1].hourlyNote).toMatch(/cannot be derived/);
    // €4–6 an hour at 4,000 MGA per euro = MGA 16,000–24,000 against MGA 20,000.
    expect((byId.get('pool-span') as any).pay[0].minimum).toMatchObject({ ratioMin: 0.8, ratioMax: 1.2 });
    expect((byId.get('pool-fair') as any).pay[0].minimum).toMatchObject({ ratioMin: 1.25, ratioMax: 1.5 });
    expect((byId.get('pool-unsourced') as any).pay[0].sources).toEqual([]);
    // The same reports, the same arithmetic as WorkerPool.pay.
    const direct =
      await api.query(`{ entity(id: "pool-1") { ... on WorkerPool { pay { id reported hourly { min max currency } hourlyNote sources { id }
      minimum: wageGap(kind: LEGAL_MINIMUM) { reference { id } ratioMin ratioMax steps reason }
      living: wageGap(kind: LIVING_WAGE) { reference { id } ratioMin ratioMax reason } } } } }`);
    expect(direct.data!.entity.pay).toEqual(one.pay);
  });

  it("withholds a small group's pay: counted as withheld, never listed, its figures in no part of the answer, for every caller", async () => {
    const r = await api.query(CARD, { id: 'org-a' });
    const text = JSON.stringify(r);
    expect(r.data!.scorecard.pay.withheld).toBe(1);
    expect(text).not.toContain('pool-small');
    expect(text).not.toContain('pay-small');
    expect(text).not.toContain('€2.00');
  });

  it('reads the workforce at asOf: behind the client through the subcontracting link while it holds, none after', async () => {
    const during = await api.query(CARD, { id: 'org-b', asOf: '2021-01-01' });
    expect(during.errors).toBeUndefined();
    expect(during.data!.scorecard.pay).toMatchObject({
      pools: 7,
      withheld: 1,
      withSourcedPay: 4,
      legalMinimum: { below: 1, spanning: 1, atOrAbove: 1 },
    });
    const after = await api.query(CARD, { id: 'org-b', asOf: '2023-01-01' });
    expect(after.data!.scorecard.pay).toMatchObject({
      pools: 0,
      withheld: 0,
      withPay: 0,
      withSourcedPay: 0,
      value: 'no workforce known',
      workerPools: [],
      legalMinimum: { compared: 0, ratioMin: null, ratioMax: null, references: [] },
    });
  });

  it('answers NOT_FOUND for an id no organisation has, as the rest of the scorecard does', async () => {
    const r = await api.query(CARD, { id: 'pool-1' });
    expect(r.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it("puts the pay indicator in an organisation's audit report, JSON and Markdown, with sources and small groups withheld", async () => {
    const printed: string[] = [];
    const errors: string[] = [];
    const io = { out: (t: string) => printed.push(t), err: (t: string) => errors.push(t), isTTY: false };
    // Its first audit plans audit-facts cold: with QUERY_TIMEOUT_MS alone, a busy machine timed it out (AUDIT_TIMEOUT_MS).
    expect(await runCli(['audit', '--org', 'org-a', '--format', 'json'], cliEnv(), io), errors.join('\n')).toBe(0);
    const report = JSON.parse(printed.join('\n'));
    expect(report.pay).toMatchObject({
      pools: 7,
      withheld: 1,
      withSourcedPay: 4,
      withHourly: 3,
      legalMinimum: { below: 1, spanning: 1, atOrAbove: 1, ratioMin: 0.36, ratioMax: 1.5 },
    });
    expect(report.pay.workerPools.find((p: any) => p.id === 'pool-1').pay[0]).toMatchObject({
      reported: '€0.03 a task',
      legalMinimum: { reference: 'wage-mg-2019-min', ratioMin: 0.36, ratioMax: 0.72 },
    });
    printed.length = 0;
    expect(await runCli(['audit', '--org', 'org-a'], cliEnv(), io), errors.join('\n')).toBe(0);
    const text = printed.join('\n');
    expect(text).toContain('## Pay against the local minimum');
    expect(text).toContain('1 small group withheld');
    expect(text).toContain(escapeMd('Fictional workers survey'));
    // The verdicts' evidence may name the small group's links (its existence is not withheld); its pay is, in the pay part.
    expect(text).not.toContain(escapeMd('pay-small'));
    const payPart = text.slice(text.indexOf('## Pay against the local minimum'));
    for (const t of [escapeMd('pool-small'), 'Small test group']) expect(payPart).not.toContain(t);
    for (const t of ['pool-small', 'pay-small', 'Small test group'])
      expect(JSON.stringify(report.pay)).not.toContain(t);
    expect(JSON.stringify(report)).not.toContain('pay-small');
  });

  // Last: it changes the store the tests above read.
  it('withholds, as recorded, the pay of a pool small then or small now: a figure withheld once stays withheld', async () => {
    const before = new Date().toISOString();
    const resized = scorecardDataset();
    for (const w of resized.workerPools) {
      if (w.id === 'pool-small') w.size = 300;
      if (w.id === 'pool-fair') w.size = 3;
    }
    const db = await testDatabase();
    try {
      await importValid(db, resized);
    } finally {
      await db.close();
    }
    // Today: the pool that grew shows its pay, the one that shrank is withheld.
    const now = await api.query(CARD, { id: 'org-a' });
    expect(now.errors).toBeUndefined();
    expect(now.data!.scorecard.pay.withheld).toBe(1);
    expect(JSON.stringify(now)).toContain('pay-small');
    expect(JSON.stringify(now)).not.toContain('pay-fair');
    // As recorded before the change: the pool small then stays withheld, and so does the one small now.
    const then = await api.query(
      `query($id: ID!, $at: DateTime) { scorecard(organizationId: $id, recordedAt: $at) { ${PAY} } }`,
      { id: 'org-a', at: before },
    );
    expect(then.errors).toBeUndefined();
    expect(then.data!.scorecard.pay.withheld).toBe(2);
    for (const hidden of ['pool-small', 'pay-small', 'Small test group', 'pool-fair', 'pay-fair'])
      expect(JSON.stringify(then)).not.toContain(hidden);
  });
});
