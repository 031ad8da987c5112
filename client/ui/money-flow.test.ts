import { describe, expect, it } from 'vitest';
import type { ValueChain } from '../api/types.js';
import { linkWith } from './link-field-specs.js';
import { flowOf, flowSvg, flowTable } from './money-flow.js';

const hop = (from: string, to: string, price: number | null) =>
  linkWith({ id: `SUBCONTRACTS_FOR:${from}->${to}`, type: 'SUBCONTRACTS_FOR', from, to, pricePerUnitEur: price });
// The test cascade's chain (tests/fixtures/test-cascade.ts): client 0.20 → hidden broker, 0.10 → vendor, 0.05 → platform, 0.02 → Pool A.
const chain = {
  workerPool: { id: 't-pool-a', name: 'Pool A' },
  hops: [hop('t-contract', 't-vendor', 0.05), hop('t-hidden', 't-client', 0.2), hop('t-vendor', 't-hidden', 0.1)],
  workerPayPerUnitEur: 0.02,
  clientPricePerUnitEur: 0.2,
  workerShare: 0.1,
  paySuppressed: false,
} as unknown as ValueChain;
const names = new Map([
  ['t-client', 'Klient AI'],
  ['t-hidden', 'Hidden Broker'],
  ['t-vendor', 'Vendo Data'],
  ['t-contract', 'Kontrakt Platform'],
]);

describe('money flow', () => {
  it('flows from the client down the hops to the pool, each party keeping what it does not pay on', () => {
    const f = flowOf(chain, names);
    expect(f.links.filter((l) => !l.target.startsWith('kept:')).map((l) => [l.source, l.target, l.eur])).toEqual([
      ['t-client', 't-hidden', 0.2],
      ['t-hidden', 't-vendor', 0.1],
      ['t-vendor', 't-contract', 0.05],
      ['t-contract', 't-pool-a', 0.02],
    ]);
    expect(
      f.links.filter((l) => l.target.startsWith('kept:')).map((l) => [l.source, Math.round(l.value * 100) / 100]),
    ).toEqual([
      ['t-hidden', 0.1],
      ['t-vendor', 0.05],
      ['t-contract', 0.03],
    ]);
    expect(flowSvg(f, 'Label road scenes: Pool A')).toContain('10% of its euro');
  });

  it('marks a price not known, keeps the width above it, and says so in the table', () => {
    const unknown = {
      ...chain,
      hops: [hop('t-contract', 't-vendor', null), ...chain.hops.slice(1)],
      workerShare: null,
    } as unknown as ValueChain;
    const f = flowOf(unknown, names);
    const missing = f.links.find((l) => l.target === 't-contract')!;
    expect(missing).toMatchObject({ known: false, value: 0.1, eur: null, label: 'price not known' });
    expect(f.links.some((l) => l.source === 't-vendor' && l.target.startsWith('kept:'))).toBe(false);
    const svg = flowSvg(f, 'x');
    expect(svg).toContain('stroke-dasharray="6 4"');
    expect(svg).toContain('url(#hatch)');
    expect(flowTable(f, 'x')).toContain('price not known');
  });
});
