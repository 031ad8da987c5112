// What a large cascade costs when the query asks its links' ends only (id, type, from, to: the links are then sent
// without their properties) against the same cascade asked with one property more (every link sent with all of them:
// how every cascade was read until 6 December 2026), through the API without the answer cache, side by side on one
// scratch store with a generated graph, asked alternately; the links' ends must be the same in both answers.
// `npx tsx bench/link-detail-cost.ts [links] [runs]`.
import { startTestServer } from '../tests/support/test-server.js';
import { busiestPlatform } from './bench-cases.js';
import { alternately, ratioRow, same } from './side-by-side.js';
import { onGeneratedGraph } from './scratch-store.js';
import { benchMain } from './bench-main.js';

const LINKS = Number(process.argv[2] ?? 25_000);
const RUNS = Number(process.argv[3] ?? 9);

const cascade = (limit: number, linkFields: string) =>
  `query($id: ID!) { cascade(rootId: $id, maxDepth: 6, asOf: "2024-01-01", limit: ${limit}) { nodes { id name kind country size } edges { ${linkFields} } truncated totalNodes } }`;

async function main(): Promise<void> {
  await onGeneratedGraph('bench-link-detail', LINKS, async (db, dataset) => {
    const api = await startTestServer(db, { RESPONSE_CACHE_MB: '0', QUERY_TIMEOUT_MS: '120000' });
    try {
      const id = busiestPlatform(dataset)!;
      const lines = [
        `# npx tsx bench/link-detail-cost.ts ${LINKS} ${RUNS} — ${new Date().toISOString()}`,
        '',
        `${dataset.links.length} generated links; the busiest platform's cascade (${id}), depth 6, through the API without the answer cache;`,
        `median of ${RUNS} (ms, HTTP), alternating which goes first. "a property" asks \`since\` too, so every link is`,
        'sent with its properties (as every cascade was until this change); "ends only" asks id, type, from and to.',
        `${'nodes at most'.padEnd(40)} ${'a property'.padStart(10)} ${'ends only'.padStart(10)} ${'ratio'.padStart(7)}`,
      ];
      for (const limit of [500, 2000, 5000]) {
        const ask = async (fields: string) => {
          const r = await api.query(cascade(limit, fields), { id });
          if (r.errors) throw new Error(`bench: ${JSON.stringify(r.errors)}`);
          return r.data!.cascade as { edges: { id: string; type: string; from: string; to: string }[] };
        };
        const ends = (c: Awaited<ReturnType<typeof ask>>) => ({
          ...c,
          edges: c.edges.map((e) => ({ id: e.id, type: e.type, from: e.from, to: e.to })),
        });
        same(`the cascade of ${limit}`, ends(await ask('id type from to since')), await ask('id type from to'));
        const [full, slim] = await alternately(
          `limit ${limit}`,
          () => ask('id type from to since'),
          () => ask('id type from to'),
          RUNS,
        );
        lines.push(ratioRow(`${limit}`, 40, full, slim));
        console.error(lines.at(-1));
      }
      console.log(lines.join('\n'));
    } finally {
      await api.close();
    }
  });
}
benchMain(main);
