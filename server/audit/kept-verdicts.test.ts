import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toLink } from '../models/to-models.js';
import { keptAudits, unsourcedOf } from './kept-verdicts.js';

const org = (id: string) => ({ id, name: id, kind: 'platform', labels: ['Entity', 'Organization'], sources: [] });
const pool = { id: 'pool', name: 'Pool', country: 'MG', size: 3, labels: ['Entity', 'WorkerPool'] };
const link = (id: string, sources: string[]) => ({
  id,
  type: 'CONTRACTED_BY',
  from: 'pool',
  to: 'alpha',
  pricePerUnitEur: 0.5,
  sources,
});
/** A kept-verdicts.cypher row with links drawn: claim c1 by and about alpha, CONTRADICTED on l1 (unsourced) and l2. */
const row = (over: Record<string, unknown> = {}, unsourced = ['l1']) => ({
  held: true,
  withLinks: true,
  subject: org('alpha'),
  claims: [
    {
      claim: { id: 'c1', kind: 'NOT_EMPLOYER', text: 'We employ no one.', sources: [] },
      by: org('alpha'),
      subject: org('alpha'),
      verdict: 'CONTRADICTED',
      explanation: 'Pool is contracted by alpha. Note: one link has no source.',
      evidence: ['l2', 'l1'],
      unsourced,
    },
  ],
  links: [link('l1', ['gone']), link('l2', ['s1'])],
  ends: [pool, org('alpha')],
  linkSources: [{ id: 's1', title: 'A source', type: 'other' }],
  missing: 0,
  bare: ['l1'],
  ...over,
});

describe('kept verdicts as claim audits', () => {
  it('answers each claim as kept, its evidence drawn with a small group protected and unsourced links counted', () => {
    const kept = keptAudits(row(), 5)!;
    expect(kept.subject.id).toBe('alpha');
    const [audit] = kept.audits;
    expect(audit).toMatchObject({ verdict: 'CONTRADICTED', evidenceIds: ['l2', 'l1'], unsourcedEvidence: 1 });
    expect(audit!.claim).toMatchObject({ id: 'c1', kind: 'NOT_EMPLOYER' });
    expect(audit!.evidence!.edges.map((e) => e.id)).toEqual(['l2', 'l1']);
    // A pool of 3 under a threshold of 5: its size and the price it is paid leave the evidence.
    expect(audit!.evidence!.nodes.find((n) => n.id === 'pool')).toMatchObject({ size: null, sizeSuppressed: true });
    expect(audit!.evidence!.edges.every((e) => e.pricePerUnitEur === null)).toBe(true);
  });

  it('without the links drawn, only their ids, with how many cite no source the store holds', () => {
    const ids = row({ withLinks: false, links: [], ends: [], linkSources: [] });
    const [audit] = keptAudits(ids, 5)!.audits;
    expect(audit).toMatchObject({ evidence: null, evidenceIds: ['l2', 'l1'], unsourcedEvidence: 1 });
  });

  it('is null, to judge again, when the query says they do not hold, a deciding link is gone, or its sources changed', () => {
    expect(keptAudits(undefined, 5)).toBeNull();
    expect(keptAudits(row({ held: false }), 5)).toBeNull();
    expect(keptAudits(row({ missing: 1 }), 5)).toBeNull();
    // l1 cites a source the store holds since it was judged: the explanation's note would no longer be there.
    expect(keptAudits(row({ bare: [] }), 5)).toBeNull();
    // l2 no longer does.
    expect(keptAudits(row({ bare: ['l1', 'l2'] }), 5)).toBeNull();
    expect(keptAudits(row({}, ['l1', 'l2']), 5)).toBeNull();
  });

  it('names the deciding links that cite no source the store holds, once each, sorted', () => {
    const fact = (id: string, sourceCount: number) => ({ ...toLink(link(id, [])), sourceCount });
    const links = new Map([fact('b', 0), fact('a', 0), fact('c', 2)].map((l) => [l.id, l]));
    expect(unsourcedOf(['c', 'b', 'a', 'b'], { links })).toEqual(['a', 'b']);
  });
});

describe('the days a kept verdict holds for', () => {
  const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
  it('are checked on every link type whose dates the audit reads, each with an index on its start and end dates', () => {
    const facts = read('cypher/templates/audit-facts.cypher.template');
    const dated = new Set([...facts.matchAll(/\{\{> valid-at (\w+)\}\}/g)].map((m) => m[1]));
    const types = new Set(
      [...facts.matchAll(/\[(\w+):([A-Z_|]+)/g)].filter((m) => dated.has(m[1])).flatMap((m) => m[2]!.split('|')),
    );
    const kept = read('cypher/kept-verdicts.cypher');
    const schema = read('cypher/schema.cypher');
    expect(types.size).toBeGreaterThan(5);
    for (const t of types)
      for (const field of ['validFrom', 'validTo']) {
        expect(kept, `${t}.${field} checked`).toMatch(
          new RegExp(`\\[r:${t}\\]->\\(\\) USING INDEX SEEK r:${t}\\(${field}\\) WHERE r\\.${field} `),
        );
        expect(schema, `${t}.${field} indexed`).toMatch(
          new RegExp(`FOR \\(\\)-\\[r:${t}\\]-\\(\\) ON \\(r\\.${field}\\)`),
        );
      }
  });
});
