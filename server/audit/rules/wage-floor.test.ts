import { describe, expect, it } from 'vitest';
import { judgeClaim, type AuditFacts, type FactLink } from '../judge-claim.js';
import type { PayFact, WorkforceFact } from '../audit-facts.js';

// Fictional figures, worked by hand: €0.03 a task × 60–120 an hour = €1.80–3.60; at 4,000 MGA per EUR = MGA 7,200–14,400;
// against a minimum of MGA 20,000 an hour: 0.36–0.72×. €25 an hour = MGA 100,000: 5×.
const table = {
  references: [
    {
      id: 'ref-mg',
      country: 'MG',
      year: 2019,
      kind: 'legal-minimum' as const,
      amount: 20000,
      currency: 'MGA',
      unit: 'hour' as const,
    },
  ],
  rates: [
    { currency: 'EUR', year: 2019, unitsPerUsd: 0.9 },
    { currency: 'MGA', year: 2019, unitsPerUsd: 3600 },
  ],
};
const pay = (id: string, p: Partial<PayFact>): PayFact => ({
  id,
  min: 0.03,
  max: 0.03,
  currency: 'EUR',
  unit: 'task',
  since: '2019',
  until: null,
  tasksPerHourMin: 60,
  tasksPerHourMax: 120,
  hoursPerUnitMin: null,
  hoursPerUnitMax: null,
  sourceCount: 1,
  ...p,
});
const pool = (id: string, reports: PayFact[], country: string | null = 'MG'): WorkforceFact => ({
  pool: { id, name: `Pool ${id}`, country, size: 100 },
  chain: [`l-${id}`],
  contract: null,
  contracts: [],
  performed: [],
  pay: reports,
});
function facts(workforce: WorkforceFact[]): AuditFacts {
  const links = new Map(
    workforce.map((w) => [
      `l-${w.pool.id}`,
      {
        id: `l-${w.pool.id}`,
        type: 'CONTRACTED_BY',
        from: w.pool.id,
        to: 's',
        disclosedToWorkers: null,
        pricePerUnitEur: null,
        use: null,
        sourceCount: 1,
      } as FactLink,
    ]),
  );
  return {
    subject: { id: 's', name: 'Subject', kind: 'platform', country: 'FR' },
    links,
    nodes: new Map(),
    poolLinks: [],
    scOut: [],
    onward: [],
    scIn: [],
    control: [],
    splitVia: [],
    splitContracts: [],
    chainFirstHops: [],
    chainSc: [],
    feeds: [],
    workforce,
    wageTable: table,
  };
}
const claim = (params: Record<string, unknown>) => ({ kind: 'WAGE_FLOOR', params });

describe('WAGE_FLOOR', () => {
  it("is contradicted by a sourced range entirely below the minimum, with the pool's chain as evidence and every step", () => {
    const j = judgeClaim(
      claim({ reference: 'legal-minimum' }),
      facts([pool('a', [pay('pay-a', {})]), pool('b', [pay('pay-b', { min: 25, max: 25, unit: 'hour' })])]),
    );
    expect(j.verdict).toBe('CONTRADICTED');
    expect(j.evidence).toEqual(['l-a']);
    expect(j.explanation).toContain(
      'Pool a: pay report pay-a (€0.03 a task × 60–120 tasks an hour = €1.80–3.60 an hour;',
    );
    expect(j.explanation).toContain('→ 0.36–0.72×), entirely below the legal minimum wage [ref-mg]');
  });

  it('is supported only when every pool has sourced pay at or above the reference over its whole range', () => {
    const f = facts([pool('b', [pay('pay-b', { min: 25, max: 30, unit: 'hour' })])]);
    expect(judgeClaim(claim({ reference: 'legal-minimum' }), f)).toMatchObject({
      verdict: 'SUPPORTED',
      evidence: ['l-b'],
    });
    // €25–30 an hour is MGA 100,000–120,000, 5–6× the minimum: twice the minimum is reached; seven times (MGA 140,000) is above the whole range.
    expect(judgeClaim(claim({ reference: 'legal-minimum', multiple: 2 }), f).verdict).toBe('SUPPORTED');
    expect(judgeClaim(claim({ reference: 'legal-minimum', multiple: 7 }), f).verdict).toBe('CONTRADICTED');
  });

  it('is unverifiable, saying which, where a pool has no sourced pay, a comparison cannot be derived, or a range spans the reference', () => {
    const unsourced = judgeClaim(
      claim({ reference: 'legal-minimum' }),
      facts([
        pool('b', [pay('pay-b', { min: 25, max: 25, unit: 'hour' })]),
        pool('c', [pay('pay-c', { sourceCount: 0 })]),
      ]),
    );
    expect(unsourced).toMatchObject({ verdict: 'UNVERIFIABLE', explanation: 'No sourced pay is known for Pool c.' });
    const noPace = judgeClaim(
      claim({ reference: 'legal-minimum' }),
      facts([pool('d', [pay('pay-d', { tasksPerHourMin: null, tasksPerHourMax: null })])]),
    );
    expect(noPace.verdict).toBe('UNVERIFIABLE');
    expect(noPace.explanation).toContain(
      'For Pool d (pay report pay-d) the comparison cannot be derived: pay is €0.03 a task and no source reports how many tasks are done an hour',
    );
    const living = judgeClaim(
      claim({ reference: 'living-wage' }),
      facts([pool('b', [pay('pay-b', { min: 25, max: 25, unit: 'hour' })])]),
    );
    expect(living.explanation).toContain('the reference table has no living wage for MG');
    const spans = judgeClaim(
      claim({ reference: 'legal-minimum' }),
      facts([pool('e', [pay('pay-e', { min: 4, max: 6, unit: 'hour' })])]),
    );
    expect(spans).toMatchObject({
      verdict: 'UNVERIFIABLE',
      explanation: "Pool e's pay report pay-e spans the legal minimum wage (0.8–1.2×).",
    });
    expect(judgeClaim(claim({}), facts([])).explanation).toMatch(/names no reference wage/);
  });

  it('judges only the pools in params.countries (and those of unknown country)', () => {
    const f = facts([
      pool('a', [pay('pay-a', {})]),
      pool('f', [pay('pay-f', { min: 25, max: 25, unit: 'hour' })], 'FR'),
    ]);
    expect(judgeClaim(claim({ reference: 'legal-minimum', countries: ['FR'] }), f).explanation).toContain(
      'the reference table has no legal minimum wage for FR',
    );
    expect(judgeClaim(claim({ reference: 'legal-minimum', countries: ['KE'] }), f).verdict).toBe('UNVERIFIABLE');
  });
});
