// What answering a scorecard's verdicts from those kept at write time costs, against judging them again (the reference:
// how scorecardOf answered them until 5 December 2026), side by side in one run on one scratch store with a generated
// graph, asked alternately; and every answer compared: the timed questions, then the verdicts of every organisation
// claims are by or about and of the 20 busiest platforms, with their evidence, today (kept verdicts) and a year ago
// (kept verdicts answer it too when no link started or ended since). `npx tsx bench/kept-verdicts-cost.ts [links] [runs]`.
import { scorecardOf, verdictReads, type ScorecardParts } from '../server/audit/audit-service.js';
import { readConfig } from '../server/config.js';
import { busiestPlatform } from './bench-cases.js';
import { alternately, comparedOrganizations, ratioRow, same } from './side-by-side.js';
import { onGeneratedGraph } from './scratch-store.js';
import { benchMain } from './bench-main.js';

const LINKS = Number(process.argv[2] ?? 25_000);
const RUNS = Number(process.argv[3] ?? 9);
// The threshold the verdicts were kept with (an import judges with the configured one).
const MIN_POOL = readConfig().minPoolSize;

async function main(): Promise<void> {
  const asOf = new Date().toISOString().slice(0, 10);
  const yearAgo = `${Number(asOf.slice(0, 4)) - 1}${asOf.slice(4)}`;
  await onGeneratedGraph('bench-kept-verdicts', LINKS, async (db, dataset) => {
    const platform = busiestPlatform(dataset)!;
    const asked: [string, ScorecardParts][] = [
      [
        'indicators and verdicts, no evidence (the benchmark, the explorer)',
        { indicators: true, evidence: false, audits: true, auditEvidence: false },
      ],
      ['indicators and verdicts, all evidence', { indicators: true, evidence: true, audits: true }],
      ['verdicts only, their evidence drawn', { indicators: false, evidence: false, audits: true }],
      ['verdicts only, evidence ids', { indicators: false, evidence: false, audits: true, auditEvidence: false }],
    ];
    const lines = [
      `# npx tsx bench/kept-verdicts-cost.ts ${LINKS} ${RUNS} — ${new Date().toISOString()}`,
      '',
      `${dataset.links.length} generated links; the busiest platform's scorecard (${platform}); median of ${RUNS} (ms), alternating which goes first:`,
      `${'asked'.padEnd(68)} ${'judged'.padStart(10)} ${'kept'.padStart(10)} ${'ratio'.padStart(7)}`,
    ];
    for (const [label, parts] of asked) {
      const before = verdictReads.kept;
      const [judged, kept] = await alternately(
        label,
        () => scorecardOf(db, platform, asOf, MIN_POOL, { ...parts, judgeAgain: true }),
        () => scorecardOf(db, platform, asOf, MIN_POOL, parts),
        RUNS,
        true,
      );
      if (verdictReads.kept - before !== RUNS + 1) throw new Error(`bench: the kept verdicts did not answer: ${label}`);
      lines.push(ratioRow(label, 68, judged, kept));
      console.error(lines.at(-1));
    }
    const subjects = comparedOrganizations(dataset);
    const all: ScorecardParts = { indicators: true, evidence: true, audits: true };
    const before = { ...verdictReads };
    for (const id of subjects)
      for (const day of [asOf, yearAgo])
        same(
          `the scorecard of ${id} on ${day}`,
          await scorecardOf(db, id, day, MIN_POOL, all),
          await scorecardOf(db, id, day, MIN_POOL, { ...all, judgeAgain: true }),
        );
    lines.push(
      '',
      `answers compared: the same for the timed questions and ${subjects.length * 2} full scorecards (${subjects.length} organisations, today and a year ago);`,
      `the kept verdicts answered ${verdictReads.kept - before.kept} of them, ${verdictReads.judged - before.judged - subjects.length * 2} were judged again`,
    );
    console.log(lines.join('\n'));
  });
}

benchMain(main);
