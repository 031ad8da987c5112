// What reading a scorecard's indicators and verdicts as two audit-facts queries at once costs, against one query for
// both (the reference: how scorecardOf read them until 5 December 2026), side by side in one run on one scratch store
// with a generated graph, asked alternately; and every answer compared: the timed questions, then the full scorecard
// (indicators with their evidence, verdicts with theirs) of every organisation claims are by or about and of the 20
// busiest platforms, today and a year ago. `npx tsx bench/scorecard-split-cost.ts [links] [runs]`.
import { auditFactsParams, scorecardOf, type ScorecardParts } from '../server/audit/audit-service.js';
import { auditSubject, scorecardIndicators } from '../server/audit/audit-rows.js';
import type { Database } from '../server/db/index.js';
import { busiestPlatform } from './bench-cases.js';
import { alternately, comparedOrganizations, ratioRow, same } from './side-by-side.js';
import { onGeneratedGraph } from './scratch-store.js';
import { benchMain } from './bench-main.js';

const LINKS = Number(process.argv[2] ?? 25_000);
const RUNS = Number(process.argv[3] ?? 9);
const MIN_POOL = 5;

/** The reference: one audit-facts query for indicators and verdicts together (scorecardOf before 5 December 2026). */
async function combined(db: Database, id: string, asOf: string, parts: ScorecardParts) {
  const found = await db.read(
    'audit-facts',
    auditFactsParams({
      organizationId: id,
      claimId: null,
      asOf,
      minPoolSize: MIN_POOL,
      indicators: parts.indicators,
      withEvidence: parts.evidence,
      withVerdicts: parts.audits,
      withLinks: parts.audits && (parts.auditEvidence ?? true),
    }),
  );
  const subjects = found.map((row) => auditSubject(row, MIN_POOL));
  const own = subjects.find((a) => a.subject.id === id)!;
  return {
    organization: own.subject,
    asOf,
    indicators: scorecardIndicators(own),
    audits: subjects.flatMap((a) => a.audits).sort((a, b) => a.claim.id.localeCompare(b.claim.id)),
  };
}

async function main(): Promise<void> {
  const asOf = new Date().toISOString().slice(0, 10);
  const yearAgo = `${Number(asOf.slice(0, 4)) - 1}${asOf.slice(4)}`;
  await onGeneratedGraph('bench-scorecard-split', LINKS, async (db, dataset) => {
    const platform = busiestPlatform(dataset)!;
    const asked: [string, ScorecardParts][] = [
      [
        'indicators and verdicts, no evidence (the benchmark, the explorer)',
        { indicators: true, evidence: false, audits: true, auditEvidence: false },
      ],
      ['indicators and verdicts, all evidence', { indicators: true, evidence: true, audits: true }],
    ];
    const lines = [
      `# npx tsx bench/scorecard-split-cost.ts ${LINKS} ${RUNS} — ${new Date().toISOString()}`,
      '',
      `${dataset.links.length} generated links; the busiest platform's scorecard (${platform}); median of ${RUNS} (ms), alternating which goes first:`,
      `${'asked'.padEnd(68)} ${'one query'.padStart(10)} ${'two'.padStart(10)} ${'ratio'.padStart(7)}`,
    ];
    for (const [label, parts] of asked) {
      const [one, two] = await alternately(
        label,
        () => combined(db, platform, asOf, parts),
        () => scorecardOf(db, platform, asOf, MIN_POOL, parts),
        RUNS,
        true,
      );
      lines.push(ratioRow(label, 68, one, two));
      console.error(lines.at(-1));
    }
    const subjects = comparedOrganizations(dataset);
    const all: ScorecardParts = { indicators: true, evidence: true, audits: true };
    for (const id of subjects)
      for (const day of [asOf, yearAgo])
        same(
          `the scorecard of ${id} on ${day}`,
          await scorecardOf(db, id, day, MIN_POOL, all),
          await combined(db, id, day, all),
        );
    lines.push(
      '',
      `answers compared: the same for the timed questions and ${subjects.length * 2} full scorecards (${subjects.length} organisations, today and a year ago)`,
    );
    console.log(lines.join('\n'));
  });
}

benchMain(main);
