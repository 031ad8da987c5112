// Pay along the chain against a real server: provenance, valueChain and workforceBehind give each pool's pay and its gap to
// the local minimum (one pay query per request), valueChain sets the worker's pay per unit beside the client's price per
// unit, on the illustrative fixture and on the documented datasets (expected figures read from their files), small groups withheld.
import { describe, expect, it } from 'vitest';
import { importDataset } from '../../server/dataset/index.js';
import { FIXTURES } from '../../server/fixtures.js';
import type { Database } from '../../server/db/index.js';
import { wageGap } from '../../format/wage-gap.js';
import { observedYear } from '../../server/models/pay-model.js';
import { datasetFile } from '../support/load-dataset.js';
import { startTestServer, useSeededServer } from '../support/test-server.js';
import { testDatabase } from '../support/test-database.js';

const illustrative = datasetFile(FIXTURES.illustrative);
const publicReporting = datasetFile(FIXTURES.publicReporting);
const diplab = datasetFile(FIXTURES.diplab);
const references = datasetFile(FIXTURES.wageReferences);
const payOf = (d: typeof illustrative) => d.payReports ?? [];

/** How many times each named query ran: the store is real, only counted. */
const reads = new Map<string, number>();
function countReads(db: Database): void {
  const read = db.read.bind(db);
  db.read = ((name: string, params?: Record<string, unknown>) => {
    reads.set(name, (reads.get(name) ?? 0) + 1);
    return read(name as never, params as never);
  }) as Database['read'];
}

const api = useSeededServer(async (db) => {
  for (const d of [references, illustrative, publicReporting, diplab])
    await importDataset(db, d, { author: 'pay along chains test' });
  countReads(db);
});

const GAP = 'minimum: wageGap(kind: LEGAL_MINIMUM) { ratioMin ratioMax reference { id } reason }';
const POOL_PAY = `id paySuppressed pay { id reported min max currency unit hourly { min max } ${GAP} }`;
const CHAIN = `workerPool { id paySuppressed } workerPayPerUnitEur workerPayBasis clientPricePerUnitEur workerShare paySuppressed
  reportedPay { report { id reported min max currency unit } workerPayPerUnitEur { min max } clientPricePerUnitEur workerShare { min max } steps note }`;

/** The expected ratio to the legal minimum, computed by the shared arithmetic from the fixture files' own figures. */
function expectedGap(report: ReturnType<typeof payOf>[number], country: string | null) {
  const gap = wageGap(
    {
      min: report.min,
      max: report.max,
      currency: report.currency,
      unit: report.unit,
      tasksPerHour: report.tasksPerHour ?? null,
      hoursPerUnit: report.hoursPerUnit ?? null,
      year: observedYear(report.since ?? null, report.until ?? null),
      fullTime: report.fullTime === true,
    },
    country,
    'legal-minimum',
    references.wageReferences ?? [],
    references.exchangeRates ?? [],
  );
  const r4 = (n: number) => Math.round(n * 10_000) / 10_000;
  return gap.ok
    ? {
        ratioMin: r4(gap.value.ratioMin),
        ratioMax: r4(gap.value.ratioMax),
        reference: { id: gap.value.reference.id },
        reason: null,
      }
    : { ratioMin: null, ratioMax: null, reference: null, reason: gap.reason };
}

describe('pay along the chain: the illustrative fixture (fictional)', { timeout: 240_000 }, () => {
  it('gives provenance, valueChain and workforceBehind pools their pay and gap to the minimum, reading pay at most once per field', async () => {
    reads.clear();
    const r = await api.query(`{
      provenance(taskId: "ex-task-pedestrian-boxes", asOf: "2021-06-01") { workerPools { ${POOL_PAY} } roles { workerPool { ${POOL_PAY} } } }
      valueChain(taskId: "ex-task-pedestrian-boxes", asOf: "2021-06-01") { workerPool { ${POOL_PAY} } }
      workforceBehind(organizationId: "ex-roadsense", asOf: "2021-06-01") { workerPools { ${POOL_PAY} } }
    }`);
    expect(r.errors).toBeUndefined();
    const pools = [
      ...r.data!.provenance.workerPools,
      ...r.data!.provenance.roles.map((x: any) => x.workerPool),
      ...r.data!.valueChain.map((x: any) => x.workerPool),
      ...r.data!.workforceBehind.workerPools,
    ];
    const annotators = pools.filter((p: any) => p.id === 'ex-pool-mg-annotators');
    expect(annotators.length).toBe(4);
    const report = payOf(illustrative).find((p) => p.pool === 'ex-pool-mg-annotators')!;
    for (const p of annotators) {
      expect(p.pay).toEqual([
        expect.objectContaining({
          id: report.id,
          reported: '€0.12 a task',
          min: report.min,
          max: report.max,
          unit: 'task',
        }),
      ]);
      expect(p.pay[0].minimum).toEqual(expectedGap(report, 'MG'));
      // MG's monthly minimum states no hours basis: no ratio, and the reason says so.
      expect(p.pay[0].minimum.ratioMin ?? p.pay[0].minimum.reason).not.toBeNull();
    }
    // The three fields' rows arrive at different times: at most one read of pay reports each, the wage table once.
    expect(reads.get('pay-reports')).toBeLessThanOrEqual(3);
    expect(reads.get('wage-table')).toBe(1);
  });

  it("reads the pay of all of a field's pools in one query, however many places the answer names them", async () => {
    reads.clear();
    const r = await api.query(
      `{ workforceBehind(organizationId: "ex-datavolt", asOf: "2021-06-01") { workerPools { ${POOL_PAY} } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.workforceBehind.workerPools.length).toBeGreaterThan(1);
    expect(reads.get('pay-reports')).toBe(1);
    reads.clear();
    const p = await api.query(
      `{ provenance(taskId: "ex-task-pedestrian-boxes", asOf: "2021-06-01") { workerPools { ${POOL_PAY} } roles { workerPool { ${POOL_PAY} } } } }`,
    );
    expect(p.errors).toBeUndefined();
    expect(reads.get('pay-reports')).toBe(1);
  });

  it("sets the worker's pay per unit, as reported and as contracted, beside the client's price per unit", async () => {
    const r = await api.query(`{ valueChain(taskId: "ex-task-pedestrian-boxes", asOf: "2021-06-01") { ${CHAIN} } }`);
    expect(r.errors).toBeUndefined();
    const [row] = r.data!.valueChain;
    // The contract price is the CONTRACTED_BY link's, the client's the last hop's: €0.02 against €0.30.
    expect(row).toMatchObject({
      workerPool: { id: 'ex-pool-mg-annotators' },
      workerPayPerUnitEur: 0.02,
      workerPayBasis: 'contract price',
      clientPricePerUnitEur: 0.3,
    });
    expect(row.reportedPay).toEqual([
      {
        report: {
          id: 'ex-pay-mg-annotators-boxes',
          reported: '€0.12 a task',
          min: 0.12,
          max: 0.12,
          currency: 'EUR',
          unit: 'task',
        },
        workerPayPerUnitEur: { min: 0.12, max: 0.12 },
        clientPricePerUnitEur: 0.3,
        workerShare: { min: 0.4, max: 0.4 },
        steps: ['€0.12 a task, as reported', "€0.12 a task ÷ the client's €0.30 a unit = 0.4 of the client's price"],
        note: null,
      },
    ]);
  });

  it('says why a report not per unit of work is not set beside the price', async () => {
    const r = await api.query(`{ valueChain(taskId: "ex-task-answer-rating", asOf: "2022-06-01") { ${CHAIN} } }`);
    expect(r.errors).toBeUndefined();
    const [row] = r.data!.valueChain;
    expect(row.reportedPay).toEqual([
      expect.objectContaining({
        report: expect.objectContaining({ id: 'ex-pay-fr-raters-monthly', unit: 'month' }),
        workerPayPerUnitEur: null,
        workerShare: null,
        note: "pay is €300.00–900.00 a month, not per unit of work: it cannot be set beside the client's price per unit",
      }),
    ]);
  });

  it("withholds a small group's reported pay on the value chain as its size", async () => {
    const db = await testDatabase();
    const strict = await startTestServer(db, { MIN_POOL_SIZE: '1000' });
    try {
      const r = await strict.query(
        `{ valueChain(taskId: "ex-task-pedestrian-boxes", asOf: "2021-06-01") { ${CHAIN} workerPool { size pay { id } } } }`,
      );
      expect(r.errors).toBeUndefined();
      expect(r.data!.valueChain[0]).toMatchObject({
        workerPool: { id: 'ex-pool-mg-annotators', size: null, paySuppressed: true, pay: [] },
        workerPayPerUnitEur: null,
        workerPayBasis: null,
        workerShare: null,
        paySuppressed: true,
        reportedPay: [],
      });
    } finally {
      await strict.close();
      await db.close();
    }
  });
});

describe('pay along the chain: the documented datasets', { timeout: 240_000 }, () => {
  it("gives valueChain each pool's reports for the task as the files hold them, and says why an hourly figure has no per-unit share", async () => {
    const tasks = [...new Set(payOf(publicReporting).flatMap((p) => (p.task ? [p.task] : [])))].sort();
    let compared = 0;
    for (const task of tasks) {
      const r = await api.query(`query($t: ID!) { valueChain(taskId: $t) { ${CHAIN} } }`, { t: task });
      expect(r.errors).toBeUndefined();
      for (const row of r.data!.valueChain) {
        const expected = payOf(publicReporting)
          .filter((p) => p.pool === row.workerPool.id && (!p.task || p.task === task))
          .sort((a, b) => a.id.localeCompare(b.id));
        if (row.workerPool.paySuppressed) {
          expect(row.reportedPay).toEqual([]);
          continue;
        }
        expect(row.reportedPay.map((c: any) => c.report.id)).toEqual(expected.map((p) => p.id));
        for (const [i, c] of row.reportedPay.entries()) {
          const p = expected[i]!;
          expect(c.report).toMatchObject({ min: p.min, max: p.max, currency: p.currency, unit: p.unit });
          if (p.unit !== 'task')
            expect(c).toMatchObject({
              workerPayPerUnitEur: null,
              workerShare: null,
              note: expect.stringMatching(/not per unit of work/),
            });
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(5);
  });

  it("gives provenance's pools their reported pay and its ratio to the country's legal minimum, as the files' figures make it", async () => {
    const task = 'task-google-gemini-rating-rewriting';
    const r = await api.query(`query($t: ID!) { provenance(taskId: $t) { workerPools { country ${POOL_PAY} } } }`, {
      t: task,
    });
    expect(r.errors).toBeUndefined();
    const pools = r.data!.provenance.workerPools;
    const withPay = pools.filter((p: any) => p.pay.length > 0);
    expect(withPay.length).toBeGreaterThan(0);
    for (const pool of withPay) {
      const expected = payOf(publicReporting)
        .filter((p) => p.pool === pool.id)
        .sort((a, b) => a.id.localeCompare(b.id));
      expect(pool.pay.map((p: any) => p.id)).toEqual(expected.map((p) => p.id));
      for (const [i, p] of pool.pay.entries()) expect(p.minimum).toEqual(expectedGap(expected[i]!, pool.country));
    }
    expect(withPay.some((p: any) => p.pay.some((x: any) => x.minimum.ratioMin !== null))).toBe(true);
  });

  it('gives workforceBehind the hearing pool its reported pay and says why the hourly pay cannot be derived', async () => {
    const perTask = payOf(diplab).find((p) => p.unit === 'task')!;
    const expected = payOf(diplab)
      .filter((p) => p.pool === perTask.pool)
      .sort((a, b) => a.id.localeCompare(b.id));
    const contractor = diplab.links.find((l) => l.type === 'CONTRACTED_BY' && l.from === perTask.pool)!.to;
    const r = await api.query(
      `query($o: ID!) { workforceBehind(organizationId: $o) { workerPools { ${POOL_PAY} notes: pay { hourlyNote } } } }`,
      { o: contractor },
    );
    expect(r.errors).toBeUndefined();
    const found = r.data!.workforceBehind.workerPools.find((p: any) => p.id === perTask.pool);
    expect(found.pay).toEqual(
      expected.map((p) =>
        expect.objectContaining({ id: p.id, min: p.min, max: p.max, currency: p.currency, unit: p.unit, hourly: null }),
      ),
    );
    for (const [i, p] of found.pay.entries()) {
      expect(p.minimum).toEqual(expectedGap(expected[i]!, 'FR'));
      expect(p.minimum.reason).not.toBeNull();
    }
    expect(found.notes[expected.indexOf(perTask)].hourlyNote).toMatch(
      /no source reports how many tasks are done an hour: the hourly pay cannot be derived/,
    );
  });
});
