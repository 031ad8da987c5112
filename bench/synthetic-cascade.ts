// A generated fictional deep-labour graph for benchmarks: layered subcontracting, pools, tasks. Deterministic.
import type { Dataset } from '../server/dataset/index.js';

export interface SyntheticSize {
  organizations: number;
  pools: number;
  tasks: number;
  layers: number;
}

/** A tiny deterministic generator, so every run measures the same graph. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function syntheticCascade(size: SyntheticSize, seed = 42): Dataset {
  const rnd = random(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const countries = ['FR', 'MG', 'KE', 'IN', 'PH', 'VE', 'DE', 'US'];
  const perLayer = Math.ceil(size.organizations / size.layers);
  const layers: string[][] = [];
  const organizations: Dataset['organizations'] = [];
  for (let l = 0; l < size.layers; l++) {
    layers.push([]);
    for (let i = 0; i < perLayer && organizations.length < size.organizations; i++) {
      const id = `bench-org-${l}-${i}`;
      const kind =
        l === size.layers - 1
          ? 'end-customer'
          : l === size.layers - 2
            ? 'client'
            : rnd() < 0.05
              ? 'undisclosed'
              : l === 0
                ? 'platform'
                : 'vendor';
      organizations.push({ id, name: `Bench Org ${l}-${i}`, kind, country: pick(countries) });
      layers[l]!.push(id);
    }
  }
  const links: Dataset['links'] = [];
  const seen = new Set<string>();
  const link = (l: Omit<Dataset['links'][number], 'id'>) => {
    const id = `${l.type}:${l.from}->${l.to}`;
    if (!seen.has(id)) {
      seen.add(id);
      links.push({ id, ...l });
    }
  };
  for (let l = 0; l < size.layers - 1; l++) {
    for (const from of layers[l]!) {
      for (let k = 0; k < 2; k++) {
        link({
          type: 'SUBCONTRACTS_FOR',
          from,
          to: pick(layers[l + 1]!),
          pricePerUnitEur: Math.round((0.05 + l * 0.05 + rnd() * 0.05) * 100) / 100,
          disclosedToWorkers: rnd() < 0.5,
          ...(rnd() < 0.2 ? { since: '2020', until: '2023-06' } : {}),
        });
      }
      if (l > 1 && rnd() < 0.02) link({ type: 'SUBCONTRACTS_FOR', from, to: pick(layers[l - 1]!) }); // a few cycles
    }
  }
  const workerPools: Dataset['workerPools'] = [];
  for (let i = 0; i < size.pools; i++) {
    const id = `bench-pool-${i}`;
    workerPools.push({
      id,
      name: `Bench pool ${i}`,
      country: pick(countries),
      ...(rnd() < 0.8 ? { size: 10 + Math.floor(rnd() * 500) } : {}),
    });
    link({ type: 'RECRUITED_VIA', from: id, to: pick(layers[0]!) });
    link({
      type: 'CONTRACTED_BY',
      from: id,
      to: pick(layers[Math.floor(rnd() * 2)]!),
      pricePerUnitEur: Math.round(rnd() * 5) / 100 + 0.01,
    });
    link({ type: 'WORKS_ON', from: id, to: pick(layers[0]!) });
  }
  const tasks: Dataset['tasks'] = [];
  const aiProducts: Dataset['aiProducts'] = [];
  for (let i = 0; i < size.tasks; i++) {
    const id = `bench-task-${i}`;
    tasks.push({ id, name: `Bench task ${i}`, kind: 'annotation', unitPayEur: 0.02, minutesPerUnit: 1 });
    link({ type: 'PERFORMED_BY', from: id, to: pick(workerPools).id });
    link({ type: 'EXECUTED_ON', from: id, to: pick(layers[0]!) });
    link({ type: 'ORDERED_BY', from: id, to: pick(layers[size.layers - 2]!) });
    if (i % 10 === 0) {
      const ai = `bench-ai-${i / 10}`;
      aiProducts.push({ id: ai, name: `Bench AI ${i / 10}`, marketedAsFullyAutomated: true });
      link({ type: 'FEEDS', from: id, to: ai, use: pick(['training', 'verification', 'imitation'] as const) });
      link({ type: 'OWNED_BY', from: ai, to: pick(layers[size.layers - 1]!) });
    }
  }
  return {
    format: 'deep-labour/v1',
    id: 'benchmark-cascade',
    name: 'Benchmark cascade (fictional, generated)',
    description: 'Illustrative: generated fictional names, for benchmarks only.',
    sources: [],
    organizations,
    workerPools,
    tasks,
    aiProducts,
    links,
    claims: [],
  };
}
