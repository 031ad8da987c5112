import { describe, expect, it } from 'vitest';
import type { GraphNodeModel, LinkModel } from '../models/index.js';
import { toLink } from '../models/to-models.js';
import { INDICATORS, scorecardIndicators, type CardFacts, type SubjectAudit } from './audit-rows.js';

const node = (id: string, kind: string, size: number | null = null): GraphNodeModel => ({
  id,
  name: id,
  kind,
  country: 'FR',
  taskKind: null,
  size,
  sizeSuppressed: false,
});
const link = (id: string, from: string, to: string): LinkModel =>
  toLink({ id, type: 'CONTRACTED_BY', from, to, pricePerUnitEur: 0.5 });

const card = (c: Partial<CardFacts>): SubjectAudit => ({
  subject: undefined as never,
  facts: undefined as never,
  audits: [],
  minPoolSize: 5,
  links: new Map([
    ['l1', link('l1', 'small-pool', 'alpha')],
    ['l2', link('l2', 'pool', 'alpha')],
  ]),
  nodes: new Map([
    ['small-pool', node('small-pool', 'worker-pool', 3)],
    ['pool', node('pool', 'worker-pool', 40)],
    ['alpha', node('alpha', 'platform')],
  ]),
  card: {
    deepest: null,
    onChains: 0,
    known: 0,
    disclosed: 0,
    contractors: [],
    hasPools: false,
    countries: [],
    uses: [],
    lowest: null,
    evidenceLinks: [0, 0, 0, 0, 0, 0],
    evidence: [],
    ...c,
  },
});

const values = (a: SubjectAudit) => Object.fromEntries(scorecardIndicators(a).map((i) => [i.id, i.value]));

describe('scorecardIndicators', () => {
  it('words each indicator from what the database computed, in a fixed order', () => {
    const v = values(
      card({
        deepest: { length: 3, pool: 'Pool A' },
        onChains: 10,
        known: 8,
        disclosed: 2,
        contractors: ['Beta', 'Gamma'],
        hasPools: true,
        countries: ['MG', 'FR', 'unknown'],
        uses: ['verification', 'training'],
        lowest: { hourly: 1.2345, pool: 'Pool A', task: 'Label images' },
      }),
    );
    expect(Object.keys(v)).toEqual([...INDICATORS]);
    expect(v).toEqual({
      'deepest-chain': '3 organisations (from Pool A)',
      'disclosed-share': '2 of 8 (25%); 2 not recorded',
      'role-split': 'yes: its workers are contracted by Beta, Gamma',
      'workforce-countries': 'FR, MG, unknown',
      'ai-uses': 'training, verification',
      'lowest-hourly-pay': '€1.23 (Pool A, “Label images”)',
    });
  });

  it('names ten contractors, in code-unit order whatever order the query sent them in, and counts the rest', () => {
    const contractors = Array.from({ length: 25 }, (_, i) => `C${i}`);
    expect(values(card({ contractors: [...contractors].reverse(), hasPools: true }))['role-split']).toBe(
      `yes: its workers are contracted by ${[...contractors].sort().slice(0, 10).join(', ')}, and 15 more`,
    );
  });

  it('says what is not known rather than a zero', () => {
    expect(values(card({}))).toEqual({
      'deepest-chain': 'no workforce known',
      'disclosed-share': 'not recorded',
      'role-split': 'no workers known',
      'workforce-countries': 'no workforce known',
      'ai-uses': 'none known',
      'lowest-hourly-pay': 'unknown',
    });
    expect(
      values(card({ deepest: { length: 1, pool: 'P' }, hasPools: true, onChains: 4, known: 4, disclosed: 4 })),
    ).toMatchObject({
      'deepest-chain': '1 organisation (from P)',
      'disclosed-share': '4 of 4 (100%)',
      'role-split': 'no',
    });
  });

  it('draws each evidence from the links sent, once each, with small pools protected, and counts without them', () => {
    const indicators = scorecardIndicators(
      card({ evidenceLinks: [0, 0, 0, 2, 0, 0], evidence: [[], [], [], ['l1', 'l2', 'l1'], [], []] }),
    );
    const countries = indicators.find((i) => i.id === 'workforce-countries')!;
    expect(countries.evidenceLinks).toBe(2);
    expect(countries.evidence.edges.map((e) => e.id)).toEqual(['l1', 'l2']);
    expect(countries.evidence.nodes.find((n) => n.id === 'small-pool')).toMatchObject({
      size: null,
      sizeSuppressed: true,
    });
    // Without evidence sent (the query did not ask), the count still says how many links it holds.
    const lean = scorecardIndicators(card({ evidenceLinks: [0, 0, 0, 2, 0, 0] })).find(
      (i) => i.id === 'workforce-countries',
    )!;
    expect([lean.evidenceLinks, lean.evidence.edges.length]).toEqual([2, 0]);
  });
});
