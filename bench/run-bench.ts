// npm run bench: import a generated graph into a scratch Neo4j, then time each GraphQL field over HTTP.
import { validDataset } from '../tests/support/load-dataset.js';
import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../server/app.js';
import { readConfig, scratchDir } from '../server/config.js';
import { createDatabase, startOwnStore } from '../server/db/index.js';
import { importDataset } from '../server/dataset/index.js';
import { freePort } from '../tests/support/free-port.js';
import { syntheticCascade } from './synthetic-cascade.js';

const SIZE = { organizations: 2_000, pools: 5_000, tasks: 2_000, layers: 8 };
const RUNS = Number(process.env.BENCH_RUNS ?? 30);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  if (process.env.NEO4J_URI) {
    throw new Error('bench: it empties its database; run it without NEO4J_URI (it starts a scratch embedded Neo4j)');
  }
  const dataDir = scratchDir('bench');
  const { neo4j, connection } = await startOwnStore({ port: await freePort(), dataDir, heap: '2g', pageCache: '512m', txTimeoutMs: 600_000, log: () => {} });
  const db = createDatabase({ ...connection, queryTimeoutMs: 60_000 });
  try {
    await db.applySchema();
    const v = { dataset: validDataset(syntheticCascade(SIZE), 'generated benchmark dataset') };
    const rows = v.dataset.organizations.length + v.dataset.workerPools.length + v.dataset.tasks.length + v.dataset.aiProducts.length + v.dataset.links.length;
    let t = performance.now();
    await importDataset(db, v.dataset);
    const importMs = performance.now() - t;
    t = performance.now();
    await importDataset(db, v.dataset);
    const reimportMs = performance.now() - t;
    console.log(`graph: ${SIZE.organizations} organisations, ${SIZE.pools} pools, ${SIZE.tasks} tasks, ${v.dataset.links.length} links`);
    console.log(`import: ${importMs.toFixed(0)} ms (${Math.round(rows / (importMs / 1000))} rows/s); idempotent re-import: ${reimportMs.toFixed(0)} ms`);

    const { app, stop } = await createApp({ db, config: readConfig({}), log: () => {} });
    const server = await new Promise<Server>((ready) => { const s = app.listen(0, '127.0.0.1', () => ready(s)); });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    const asOf = '2024-01-01';
    const cases: [string, string][] = [
      ['entity', '{ entity(id: "bench-org-3-10") { id name sources { id } } }'],
      ['search', '{ search(text: "bench org 4", limit: 20) { id } }'],
      ['organizations', '{ organizations(kind: "vendor", first: 50) { totalCount edges { node { id } } } }'],
      ['whoWorksFor', `{ whoWorksFor(workerPoolId: "bench-pool-17", asOf: "${asOf}") { organization { id } depth path { id } } }`],
      ['workforceBehind (end customer)', `{ workforceBehind(organizationId: "bench-org-7-5", asOf: "${asOf}") { totalWorkers countries } }`],
      ['provenance', `{ provenance(taskId: "bench-task-30", asOf: "${asOf}") { depth undisclosedHops subgraph { nodes { id } edges { id } } } }`],
      ['valueChain', `{ valueChain(taskId: "bench-task-30", asOf: "${asOf}") { workerShare hops { id } } }`],
      ['cascade depth 2', `{ cascade(rootId: "bench-org-3-10", maxDepth: 2, asOf: "${asOf}") { nodes { id } edges { id } truncated } }`],
      ['cascade depth 6, limit 500', `{ cascade(rootId: "bench-org-3-10", maxDepth: 6, asOf: "${asOf}") { nodes { id } edges { id } truncated } }`],
      ['stats', '{ stats { nodes { name count } links { name count } } }'],
    ];
    console.log(`\n${'field'.padEnd(32)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'max ms'.padStart(8)}  (${RUNS} runs after 3 warm-ups)`);
    for (const [name, query] of cases) {
      const times: number[] = [];
      for (let i = 0; i < RUNS + 3; i++) {
        const start = performance.now();
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
        const body = (await res.json()) as { errors?: unknown[] };
        if (body.errors) throw new Error(`bench: ${name} failed: ${JSON.stringify(body.errors)}`);
        if (i >= 3) times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      console.log(`${name.padEnd(32)} ${percentile(times, 50).toFixed(1).padStart(8)} ${percentile(times, 95).toFixed(1).padStart(8)} ${times.at(-1)!.toFixed(1).padStart(8)}`);
    }
    await stop();
    server.closeAllConnections();
    server.close();
  } finally {
    await db.close();
    await neo4j.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
