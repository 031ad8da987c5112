import { describe, expect, it } from 'vitest';
import { generateDataset, generateDatasetJson } from './generate-dataset.js';
import { validateDataset } from '../../format/validate-dataset.js';

describe('the generated dataset', () => {
  it('is valid deep-labour/v1 with exactly the links asked, for any size', () => {
    for (const links of [100, 1_000, 25_000]) {
      const v = validateDataset(generateDataset({ links }));
      expect(v.ok ? [] : v.problems.slice(0, 3)).toEqual([]);
      if (v.ok) expect(v.dataset.links.length).toBe(links);
    }
  });

  it('is the same for a seed and different for another', () => {
    expect(JSON.stringify(generateDataset({ links: 2_000, seed: 7 }))).toBe(
      JSON.stringify(generateDataset({ links: 2_000, seed: 7 })),
    );
    expect(JSON.stringify(generateDataset({ links: 2_000, seed: 8 }))).not.toBe(
      JSON.stringify(generateDataset({ links: 2_000, seed: 7 })),
    );
  });

  it('has the features a benchmark must meet: split roles, deep chains, dates, cycles, small pools, undisclosed parties, claims', () => {
    const v = validateDataset(generateDataset({ links: 20_000 }));
    if (!v.ok) throw new Error('invalid');
    const d = v.dataset;
    const byPool = new Map<string, Record<string, string>>();
    for (const l of d.links)
      if (['RECRUITED_VIA', 'CONTRACTED_BY', 'WORKS_ON'].includes(l.type))
        byPool.set(l.from, { ...byPool.get(l.from), [l.type]: l.to });
    const split = [...byPool.values()].filter((r) => new Set(Object.values(r)).size === 3).length;
    expect(split / byPool.size).toBeGreaterThan(0.25);
    // Heavy tail: the busiest platform hosts far more pools than the median one.
    const hosted = new Map<string, number>();
    for (const r of byPool.values()) hosted.set(r.WORKS_ON!, (hosted.get(r.WORKS_ON!) ?? 0) + 1);
    const counts = [...hosted.values()].sort((a, b) => b - a);
    expect(counts[0]!).toBeGreaterThan(10 * counts[Math.floor(counts.length / 2)]!);
    expect(d.links.filter((l) => l.until).length).toBeGreaterThan(100);
    expect(d.links.filter((l) => l.confidence === 0.5).length).toBeGreaterThan(3); // back links: cycles
    expect(d.workerPools.filter((p) => p.size !== undefined && p.size < 10).length).toBeGreaterThan(100);
    expect(d.organizations.filter((o) => o.kind === 'undisclosed').length).toBeGreaterThan(10);
    expect(d.links.filter((l) => !l.sources?.length).length).toBeGreaterThan(100); // unsourced links, as in real data
    expect(d.claims.length).toBeGreaterThan(0);
    expect(new Set(d.organizations.map((o) => o.country)).size).toBeGreaterThan(5);
  });

  it('streams: a million links come out piece by piece, never as one string', () => {
    let pieces = 0;
    let longest = 0;
    let links = 0;
    for (const piece of generateDatasetJson({ links: 1_000_000 })) {
      pieces += 1;
      longest = Math.max(longest, piece.length);
      if (piece.includes('"from":')) links += 1;
    }
    expect(links).toBe(1_000_000);
    expect(pieces).toBeGreaterThan(1_000_000);
    expect(longest).toBeLessThan(2_000);
    // A million links take a few seconds on a quiet machine; more when the machine is shared (not a timing assertion).
  }, 60_000);
});
