// WorkerPool.pay over GraphQL against a real server: the reported figure, the hourly range or why it cannot be derived, the gap to the reference wages with every step, and small groups' pay withheld.
import { describe, expect, it } from 'vitest';
import { importValid } from '../support/load-dataset.js';
import { useSeededServer } from '../support/test-server.js';
import { payDataset } from '../fixtures/pay-dataset.js';

const api = useSeededServer(async (db) => {
  await importValid(db, payDataset());
});

const PAY = `{
  pool: entity(id: "pool-1") { ... on WorkerPool { paySuppressed pay { id taskId taskName reported reportedBy since until tasksPerHour { min max }
    hourly { min max currency } hourlyNote hourlySteps sources { id }
    minimum: wageGap(kind: LEGAL_MINIMUM) { reference { id country year kind amount currency unit sources { id } } unit ratioMin ratioMax steps reason }
    living: wageGap(kind: LIVING_WAGE) { reference { id hoursBasis } ratioMin ratioMax steps reason }
    median: wageGap(kind: MEDIAN) { reference { id } ratioMin reason } } } }
  small: entity(id: "pool-small") { ... on WorkerPool { size sizeSuppressed pay { id } paySuppressed } }
}`;

describe('WorkerPool.pay', { timeout: 240_000 }, () => {
  it('gives a per-task rate with a reported pace its hourly range and its ratio to the minimum and living wage, step by step', async () => {
    const r = await api.query(PAY);
    expect(r.errors).toBeUndefined();
    const [perTask] = r.data!.pool.pay;
    expect(perTask).toMatchObject({
      id: 'pay-1',
      taskId: 'task-1',
      taskName: 'Label images',
      reported: '€0.03 a task',
      reportedBy: 'workers-survey',
      since: '2019',
      until: '2019',
      tasksPerHour: { min: 60, max: 120 },
      hourly: { min: 1.8, max: 3.6, currency: 'EUR' },
      hourlyNote: null,
      sources: [{ id: 'src-pay' }],
      hourlySteps: ['€0.03 a task × 60–120 tasks an hour = €1.80–3.60 an hour'],
    });
    // €1.80–3.60 at 3,600 / 0.9 = 4,000 MGA per euro = MGA 7,200–14,400 an hour, against MGA 20,000: 0.36–0.72.
    expect(perTask.minimum).toMatchObject({
      reference: {
        id: 'wage-mg-2019-min',
        country: 'MG',
        year: 2019,
        kind: 'legal-minimum',
        amount: 20000,
        currency: 'MGA',
        unit: 'hour',
        sources: [{ id: 'src-pay' }],
      },
      unit: 'hour',
      ratioMin: 0.36,
      ratioMax: 0.72,
      reason: null,
    });
    expect(perTask.minimum.steps).toEqual([
      '€0.03 a task × 60–120 tasks an hour = €1.80–3.60 an hour',
      '€1.80–3.60 at 4,000 MGA per EUR (2019 yearly averages) = MGA 7,200.00–14,400.00',
      "MG's legal minimum wage in 2019: MGA 20,000.00 an hour [wage-mg-2019-min] → 0.36–0.72×",
    ]);
    // MGA 4,000,000 a month ÷ 200 hours = MGA 20,000 an hour: the same ratios, with the monthly step written out.
    expect(perTask.living).toMatchObject({
      reference: { id: 'wage-mg-2019-living', hoursBasis: 200 },
      ratioMin: 0.36,
      ratioMax: 0.72,
      reason: null,
    });
    expect(perTask.living.steps[1]).toBe(
      'MGA 4,000,000.00 a month ÷ 200 hours (the basis its source states) = MGA 20,000.00 an hour',
    );
    expect(perTask.median).toEqual({
      reference: null,
      ratioMin: null,
      reason: 'the reference table has no median wage for MG',
    });
  });

  it('says why a monthly figure without reported hours has no hourly pay, and never fills one in', async () => {
    const r = await api.query(PAY);
    const monthly = r.data!.pool.pay[1];
    expect(monthly).toMatchObject({
      id: 'pay-2',
      taskId: null,
      reported: 'MGA 100,000.00–150,000.00 a month',
      hourly: null,
      hourlySteps: [],
      hourlyNote:
        'pay is MGA 100,000.00–150,000.00 a month and no source reports the hours worked a month: the hourly pay cannot be derived',
    });
    expect(monthly.minimum).toMatchObject({
      reference: null,
      ratioMin: null,
      ratioMax: null,
      reason: monthly.hourlyNote,
    });
  });

  it('withholds the pay of a group under MIN_POOL_SIZE exactly as its size', async () => {
    const r = await api.query(PAY);
    expect(r.data!.small).toEqual({ size: null, sizeSuppressed: true, pay: [], paySuppressed: true });
    expect(r.data!.pool.paySuppressed).toBe(false);
  });
});
