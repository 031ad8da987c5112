import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIELD_POLICIES, HEAVY_FIELDS, UNCACHED_FIELDS, WARM_UP_QUERIES } from './field-policies.js';

/** Each query resolver's source in query-resolvers.ts and group-resolvers.ts, by field name. */
function resolverSources(): Map<string, string> {
  const text = ['./query-resolvers.ts', './group-resolvers.ts']
    .map((f) => readFileSync(new URL(f, import.meta.url), 'utf8'))
    .join('\n');
  const starts = [...text.matchAll(/^ {2}(?:async )?(\w+)(?:\(|: )/gm)].map((m) => ({ name: m[1]!, at: m.index! }));
  return new Map(starts.map((s, i) => [s.name, text.slice(s.at, starts[i + 1]?.at ?? text.length)]));
}

describe('per-field policies', () => {
  it('a field declared heavy runs through the heavy-query gate, and only such a field does', () => {
    const sources = resolverSources();
    expect(sources.size).toBeGreaterThan(10);
    for (const [name, source] of sources) {
      if (!(name in FIELD_POLICIES)) continue;
      expect(
        source.includes('heavy.run('),
        `${name}: declared ${HEAVY_FIELDS.has(name) ? 'heavy' : 'not heavy'} in field-policies.ts`,
      ).toBe(HEAVY_FIELDS.has(name));
    }
  });

  it('derives the sets the budget, the answer cache and the warm-up read', () => {
    expect([...HEAVY_FIELDS].sort()).toEqual([
      'audit',
      'cascade',
      'cascadeGroupMembers',
      'cascadeGroups',
      'connections',
      'provenance',
      'scorecard',
      'valueChain',
      'whoWorksFor',
      'workforceBehind',
    ]);
    expect([...UNCACHED_FIELDS].sort()).toEqual([
      'changes',
      'history',
      'historyPage',
      'investigation',
      'investigationPage',
      'investigations',
      'recordVersion',
    ]);
    expect(
      WARM_UP_QUERIES('2026-01-01')
        .map(([q]) => q)
        .sort(),
    ).toEqual([
      'audit-facts',
      'cascade',
      'cascade-group-members',
      'cascade-groups',
      'cascade-recorded',
      'claim-page',
      'connections',
      'entities',
      'provenance',
      'provenance-recorded',
      'scorecard-pay',
      'value-chain',
      'who-works-for',
      'who-works-for-recorded',
      'workforce-behind',
    ]);
  });

  it('warms up only queries that exist as cypher files', () => {
    for (const [query] of WARM_UP_QUERIES('2026-01-01')) {
      expect(() => readFileSync(new URL(`../../cypher/${query}.cypher`, import.meta.url)), query).not.toThrow();
    }
  });
});
