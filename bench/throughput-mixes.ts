// Throughput on the benchmark's mix of questions as it was on 29 November 2026 (13 fields) against today's (17: the
// busiest platform's ungrouped cascade, grouped views and a group's members added), with and without the answer cache,
// alternately on one scratch store: whether a change in requests per second comes from the server or from the mix.
// `npx tsx bench/throughput-mixes.ts [links]`.
import { generateDataset } from '../server/dataset/generate-dataset.js';
import { importDataset } from '../server/dataset/index.js';
import { benchCases } from './bench-cases.js';
import { benchThroughput } from './query-bench.js';
import { startScratchStore } from './scratch-store.js';
import { validDataset } from '../tests/support/load-dataset.js';
import { benchMain } from './bench-main.js';
async function main(): Promise<void> {
  const links = Number(process.argv[2] ?? 25000);
  const dataset = validDataset(generateDataset({ links }), 'generated dataset');
  // A million links are imported in one transaction, which needs a heap of about 10 GB (docs/performance.md).
  const store = await startScratchStore('bench-mixes', links > 500_000 ? { heap: '10g', pageCache: '4g' } : undefined);
  try {
    await store.db.applySchema();
    await importDataset(store.db, dataset, { author: 'bench' });
    const all = benchCases(dataset);
    const old = all.filter((c) => !/busiest platform/.test(c.field));
    for (let round = 0; round < 2; round++)
      for (const [label, cases] of [
        ['13 fields (the 29 November mix)', old],
        ["17 fields (today's mix)", all],
      ] as const) {
        const t = await benchThroughput(store.db, cases, 10, 16);
        const on = t.find((x) => x.cache === 'on')!;
        const off = t.find((x) => x.cache === 'off')!;
        console.log(
          `${label}: ${cases.length} cases; cache on ${on.requestsPerSecond} req/s (p50 ${on.p50}, p99 ${on.p99}, failed ${on.failed}); off ${off.requestsPerSecond}`,
        );
      }
  } finally {
    await store.stop();
  }
}
benchMain(main);
