import { describe, expect, it } from 'vitest';
import { CARD_FORMULA, cardReadsQuery, keptCardRow } from './kept-cards.js';
import { auditSubject, scorecardIndicators } from './audit-rows.js';

describe('cardReadsQuery', () => {
  it('quotes each id, escaping quotes and backslashes, one exact term each', () => {
    expect(cardReadsQuery(['ex-a', 'b "c"', 'd\\e'])).toBe('"ex-a" OR "b \\"c\\"" OR "d\\\\e"');
    expect(cardReadsQuery(['LINK:x->y'])).toBe('"LINK:x->y"');
  });
});

describe('CARD_FORMULA', () => {
  it('names the text of audit-facts.cypher', () => {
    expect(CARD_FORMULA).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('keptCardRow', () => {
  it('is read by auditSubject as the card audit-facts would send without evidence', () => {
    const facts = {
      deepest: { length: 2, pool: 'Pool A (fictional)' },
      onChains: 4,
      known: 2,
      disclosed: 1,
      contractors: ['Vendor B (fictional)'],
      hasPools: true,
      countries: ['MG', 'FR'],
      uses: ['training'],
      lowest: { hourly: 1.5, pool: 'Pool A (fictional)', task: 'Labelling' },
      evidenceLinks: [2, 2, 1, 3, 1, 2],
    };
    const subject = {
      id: 'ex-org',
      name: 'Org (fictional)',
      kind: 'platform',
      labels: ['Entity', 'Organization'],
      sources: [],
    };
    const indicators = scorecardIndicators(auditSubject(keptCardRow(subject, facts), 5));
    expect(indicators.map((i) => [i.id, i.value, i.evidenceLinks])).toEqual([
      ['deepest-chain', '2 organisations (from Pool A (fictional))', 2],
      ['disclosed-share', '1 of 2 (50%); 2 not recorded', 2],
      ['role-split', 'yes: its workers are contracted by Vendor B (fictional)', 1],
      ['workforce-countries', 'FR, MG', 3],
      ['ai-uses', 'training', 1],
      ['lowest-hourly-pay', '€1.50 (Pool A (fictional), “Labelling”)', 2],
    ]);
    expect(indicators.every((i) => i.evidence.edges.length === 0)).toBe(true);
  });
});
