// What verdicts cost when the evidence is not drawn: audit-facts sends each link as the few fields the rules read
// (`withLinks: false`) against every property with its sources (the reference, which drawing the evidence needs), side
// by side in one run on one scratch store with a generated graph, asked alternately: the busiest platform's scorecard as
// the benchmark asks it (indicators and verdicts, no evidence), its audit, and what verdict keeping reads when an import
// judges every claim; and over HTTP, the explorer's scorecard request with each verdict's evidence (as it asked until
// 5 December 2026) against the same without it (as it asks now: a verdict's evidence is fetched when highlighted).
// `npx tsx bench/audit-links-cost.ts [links] [runs]`.
import { auditClaims, auditFactsParams, scorecardOf } from '../server/audit/audit-service.js';
import { auditSubject } from '../server/audit/audit-rows.js';
import type { Database } from '../server/db/index.js';
import { busiestPlatform } from './bench-cases.js';
import { serve } from './query-bench.js';
import { onGeneratedGraph } from './scratch-store.js';
import { benchMain } from './bench-main.js';

const LINKS = Number(process.argv[2] ?? 25_000);
const RUNS = Number(process.argv[3] ?? 9);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const asOf = new Date().toISOString().slice(0, 10);
  await onGeneratedGraph('bench-audit-links', LINKS, async (db, dataset) => {
    const platform = busiestPlatform(dataset)!;
    // What verdict keeping reads and judges for every claim (the first import's work, in its transaction).
    const keeping = async (withLinks: boolean) =>
      (
        await db.read(
          'audit-facts',
          auditFactsParams({ organizationId: null, claimId: null, asOf, minPoolSize: 5, withLinks }),
        )
      ).flatMap((row) => auditSubject(row, 5).audits).length;
    const server = await serve(db, { RESPONSE_CACHE_MB: '0' });
    const bytes = { links: 0, facts: 0 };
    // The explorer's scorecard request (client/api/operations/scorecard.graphql, its pay and verdict history aside).
    const explorer = async (withLinks: boolean) => {
      const evidence = withLinks
        ? 'evidence { nodes { id name kind country size } edges { id type from to since until sources { id title url } } }'
        : '';
      const query = `query($id: ID!, $asOf: Date) { scorecard(organizationId: $id, asOf: $asOf) {
        indicators { id label value evidenceLinks }
        audits { claim { id kind text date note by { name } sources { id title } } verdict explanation unsourcedEvidence verdictSince ${evidence} } } }`;
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables: { id: platform, asOf } }),
      });
      const text = await res.text();
      if (!res.ok || text.includes('"errors"'))
        throw new Error(`bench: the scorecard request failed: ${text.slice(0, 300)}`);
      bytes[withLinks ? 'links' : 'facts'] = text.length;
    };
    const cases: [string, (withLinks: boolean, db: Database) => Promise<unknown>][] = [
      ["the explorer's scorecard request over HTTP", (withLinks) => explorer(withLinks)],
      [
        `scorecard, indicators and verdicts (${platform})`,
        (withLinks, db) =>
          scorecardOf(db, platform, asOf, 5, {
            indicators: true,
            evidence: false,
            audits: true,
            auditEvidence: withLinks,
          }),
      ],
      [
        `audit (${platform})`,
        (withLinks, db) =>
          auditClaims(db, { organizationId: platform, claimId: null, asOf, minPoolSize: 5, withLinks }),
      ],
      ['every claim judged, as verdict keeping reads it', (withLinks) => keeping(withLinks)],
    ];
    const lines = [
      `# npx tsx bench/audit-links-cost.ts ${LINKS} ${RUNS} — ${new Date().toISOString()}`,
      '',
      `${dataset.links.length} generated links, ${dataset.claims.length} claims; median of ${RUNS} (ms), alternating which goes first:`,
      `${'question'.padEnd(58)} ${'links (ref)'.padStart(12)} ${'facts only'.padStart(11)} ${'ratio'.padStart(7)}`,
    ];
    for (const [label, ask] of cases) {
      for (const withLinks of [true, false]) await ask(withLinks, db); // planned and warm
      const times = { links: [] as number[], facts: [] as number[] };
      for (let i = 0; i < RUNS; i++) {
        for (const withLinks of i % 2 === 0 ? [true, false] : [false, true]) {
          const t = performance.now();
          await ask(withLinks, db);
          times[withLinks ? 'links' : 'facts'].push(performance.now() - t);
        }
      }
      const [ref, now] = [median(times.links), median(times.facts)];
      lines.push(
        `${label.padEnd(58)} ${ref.toFixed(1).padStart(12)} ${now.toFixed(1).padStart(11)} ${(now / ref).toFixed(2).padStart(6)}x`,
      );
    }
    lines.push(
      `the explorer's scorecard answer: ${bytes.links.toLocaleString('en')} bytes with the evidence, ${bytes.facts.toLocaleString('en')} without`,
    );
    await server.close();
    console.log(lines.join('\n'));
  });
}

benchMain(main);
