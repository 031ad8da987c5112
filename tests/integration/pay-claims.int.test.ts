// WAGE_FLOOR claims judged on a real Neo4j, on hand-worked fictional chains: contradicted, supported and unverifiable, with their evidence.
import { beforeAll, describe, expect, it } from 'vitest';
import { importValid } from '../support/load-dataset.js';
import { useSeededServer } from '../support/test-server.js';

// Hand-worked (fictional figures): the reference is MGA 20,000 an hour in 2019; 4,000 MGA a euro.
// Low Platform: €0.03 a task × 60–120 an hour = €1.80–3.60 = MGA 7,200–14,400 an hour, 0.36–0.72× → CONTRADICTED.
// Fair Platform: €25–30 an hour = MGA 100,000–120,000, 5–6× → SUPPORTED (and CONTRADICTED at 7×).
// Vague Platform: one pool paid €0.05 a task with no pace reported → UNVERIFIABLE, the comparison cannot be derived.
const S = ['wf-src'];
const dataset = {
  format: 'deep-labour/v1',
  id: 'wage-floor-test',
  name: 'Wage floor test (fictional)',
  sources: [{ id: 'wf-src', title: 'Wage floor scenario (fictional)', type: 'other' }],
  organizations: [
    { id: 'wf-low', name: 'Low Platform (fictional)', kind: 'platform', sources: S },
    { id: 'wf-fair', name: 'Fair Platform (fictional)', kind: 'platform', sources: S },
    { id: 'wf-vague', name: 'Vague Platform (fictional)', kind: 'platform', sources: S },
  ],
  workerPools: [
    { id: 'wf-pool-low', name: 'Low-paid pool (fictional)', country: 'MG', size: 100, sources: S },
    { id: 'wf-pool-fair', name: 'Fairly paid pool (fictional)', country: 'MG', size: 100, sources: S },
    { id: 'wf-pool-vague', name: 'Pool without a pace (fictional)', country: 'MG', size: 100, sources: S },
  ],
  tasks: [],
  aiProducts: [],
  links: [
    { id: 'wf-l-low', type: 'CONTRACTED_BY', from: 'wf-pool-low', to: 'wf-low', sources: S },
    { id: 'wf-l-fair', type: 'CONTRACTED_BY', from: 'wf-pool-fair', to: 'wf-fair', sources: S },
    { id: 'wf-l-vague', type: 'CONTRACTED_BY', from: 'wf-pool-vague', to: 'wf-vague', sources: S },
  ],
  claims: [
    {
      id: 'wf-c-low',
      by: 'wf-low',
      subject: 'wf-low',
      kind: 'WAGE_FLOOR',
      text: 'We pay at least the legal minimum (fictional).',
      params: { reference: 'legal-minimum' },
      sources: S,
    },
    {
      id: 'wf-c-fair',
      by: 'wf-fair',
      subject: 'wf-fair',
      kind: 'WAGE_FLOOR',
      text: 'We pay at least the legal minimum (fictional).',
      params: { reference: 'legal-minimum' },
      sources: S,
    },
    {
      id: 'wf-c-fair7',
      by: 'wf-fair',
      subject: 'wf-fair',
      kind: 'WAGE_FLOOR',
      text: 'We pay seven times the minimum (fictional).',
      params: { reference: 'legal-minimum', multiple: 7 },
      sources: S,
    },
    {
      id: 'wf-c-vague',
      by: 'wf-vague',
      subject: 'wf-vague',
      kind: 'WAGE_FLOOR',
      text: 'We pay at least the legal minimum (fictional).',
      params: { reference: 'legal-minimum' },
      sources: S,
    },
  ],
  payReports: [
    {
      id: 'wf-pay-low',
      pool: 'wf-pool-low',
      min: 0.03,
      max: 0.03,
      currency: 'EUR',
      unit: 'task',
      since: '2019',
      reportedBy: 'workers-survey',
      tasksPerHour: { min: 60, max: 120 },
      sources: S,
    },
    {
      id: 'wf-pay-fair',
      pool: 'wf-pool-fair',
      min: 25,
      max: 30,
      currency: 'EUR',
      unit: 'hour',
      since: '2019',
      reportedBy: 'contract',
      sources: S,
    },
    {
      id: 'wf-pay-vague',
      pool: 'wf-pool-vague',
      min: 0.05,
      max: 0.05,
      currency: 'EUR',
      unit: 'task',
      since: '2019',
      reportedBy: 'press',
      sources: S,
    },
  ],
  wageReferences: [
    {
      id: 'wf-ref-mg',
      country: 'MG',
      year: 2019,
      kind: 'legal-minimum',
      amount: 20000,
      currency: 'MGA',
      unit: 'hour',
      scope: 'fictional figure for tests',
      sources: S,
    },
  ],
  exchangeRates: [
    { id: 'wf-fx-eur', currency: 'EUR', year: 2019, unitsPerUsd: 0.9, sources: S },
    { id: 'wf-fx-mga', currency: 'MGA', year: 2019, unitsPerUsd: 3600, sources: S },
  ],
};

const api = useSeededServer(async (db) => {
  await importValid(db, dataset);
});

const AUDIT = `query ($claim: ID) { audit(claimId: $claim, asOf: "2019-06-01") { verdict explanation evidence { edges { id } } } }`;
async function judged(claim: string) {
  const r = await api.query(AUDIT, { claim });
  expect(r.errors).toBeUndefined();
  return r.data!.audit[0];
}

describe('WAGE_FLOOR claims', { timeout: 240_000 }, () => {
  // Planning the audit query the first time has taken over the test store's 30-s query timeout on a busy shared machine:
  // one audit first, whatever it answers, so that the verdicts below are judged by a planned query.
  beforeAll(async () => {
    await api.query(AUDIT, { claim: 'wf-c-vague' });
  }, 240_000);

  it("is CONTRADICTED by a sourced range entirely below the minimum, with the pool's chain as evidence and the pay report and reference named", async () => {
    const a = await judged('wf-c-low');
    expect(a.verdict).toBe('CONTRADICTED');
    expect(a.evidence.edges.map((e: { id: string }) => e.id)).toEqual(['wf-l-low']);
    expect(a.explanation).toContain('pay report wf-pay-low (€0.03 a task × 60–120 tasks an hour = €1.80–3.60 an hour;');
    expect(a.explanation).toContain(
      "MG's legal minimum wage in 2019: MGA 20,000.00 an hour [wf-ref-mg] → 0.36–0.72×), entirely below the legal minimum wage [wf-ref-mg]",
    );
  });

  it('is SUPPORTED when every pool has sourced pay at or above it over the whole range, and CONTRADICTED at seven times', async () => {
    const a = await judged('wf-c-fair');
    expect(a.verdict).toBe('SUPPORTED');
    expect(a.evidence.edges.map((e: { id: string }) => e.id)).toEqual(['wf-l-fair']);
    expect(a.explanation).toContain('the lowest at 5× the reference, 1 report');
    expect((await judged('wf-c-fair7')).verdict).toBe('CONTRADICTED');
  });

  it('is UNVERIFIABLE where the comparison cannot be derived, and says why', async () => {
    const a = await judged('wf-c-vague');
    expect(a.verdict).toBe('UNVERIFIABLE');
    expect(a.explanation).toBe(
      'For Pool without a pace (fictional) (pay report wf-pay-vague) the comparison cannot be derived: pay is €0.05 a task and no source reports how many tasks are done an hour: the hourly pay cannot be derived.',
    );
  });
});
