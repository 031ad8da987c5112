// What answering a scorecard's indicators from the card kept between changes costs, against computing them (the
// reference: how scorecardOf answered them until 6 December 2026), side by side in one run on one scratch store with a
// generated graph, asked alternately; what keeping the busiest platform's card costs (its footprint: the ids it reads);
// what dropping kept cards adds to an edit at the busiest platform (cards of the compared organisations kept, against
// none); and every answer compared: the compared organisations' cards, kept against computed, before and after edits.
// `npx tsx bench/kept-cards-cost.ts [links] [runs]`.
import { scorecardOf, type ScorecardParts } from '../server/audit/audit-service.js';
import { CARD_FORMULA, cardCounts, cardsKept } from '../server/audit/kept-cards.js';
import { readConfig } from '../server/config.js';
import { upsertRecord } from '../server/curation/curate.js';
import type { Database } from '../server/db/index.js';
import { busiestPlatform } from './bench-cases.js';
import { alternately, comparedOrganizations, ratioRow, same } from './side-by-side.js';
import { onGeneratedGraph } from './scratch-store.js';
import { benchMain } from './bench-main.js';

const LINKS = Number(process.argv[2] ?? 25_000);
const RUNS = Number(process.argv[3] ?? 9);
const MIN_POOL = readConfig().minPoolSize;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const EDITOR = { name: 'bench', role: 'editor' as const };

/** Every compared organisation's card, kept one against computed again (keeping each that was not). */
async function compareCards(db: Database, ids: string[], asOf: string, parts: ScorecardParts): Promise<void> {
  for (const id of ids)
    same(
      `the card of ${id}`,
      await scorecardOf(db, id, asOf, MIN_POOL, parts),
      await scorecardOf(db, id, asOf, MIN_POOL, { ...parts, judgeAgain: true }),
    );
  await cardsKept(db);
}

async function main(): Promise<void> {
  const asOf = new Date().toISOString().slice(0, 10);
  await onGeneratedGraph('bench-kept-cards', LINKS, async (db, dataset) => {
    const platform = busiestPlatform(dataset)!;
    const pool = dataset.links.find((l) => l.to === platform && l.type === 'WORKS_ON')!.from;
    const asked: [string, ScorecardParts][] = [
      ['indicators, no evidence', { indicators: true, evidence: false, audits: false }],
      [
        'indicators and verdicts, no evidence (the benchmark, the explorer)',
        { indicators: true, evidence: false, audits: true, auditEvidence: false },
      ],
    ];
    const lines = [
      `# npx tsx bench/kept-cards-cost.ts ${LINKS} ${RUNS} — ${new Date().toISOString()}`,
      '',
      `${dataset.links.length} generated links; the busiest platform's scorecard (${platform}); median of ${RUNS} (ms), alternating which goes first:`,
      `${'asked'.padEnd(68)} ${'computed'.padStart(10)} ${'kept'.padStart(10)} ${'ratio'.padStart(7)}`,
    ];
    // The card is kept by its first reading, before the timed ones.
    await scorecardOf(db, platform, asOf, MIN_POOL, asked[0]![1]);
    await cardsKept(db);
    for (const [label, parts] of asked) {
      const before = cardCounts.kept;
      const [computed, kept] = await alternately(
        label,
        () => scorecardOf(db, platform, asOf, MIN_POOL, { ...parts, judgeAgain: true }),
        () => scorecardOf(db, platform, asOf, MIN_POOL, parts),
        RUNS,
        true,
      );
      if (cardCounts.kept - before !== RUNS + 1) throw new Error(`bench: the kept card did not answer: ${label}`);
      lines.push(ratioRow(label, 68, computed, kept));
      console.error(lines.at(-1));
    }
    // Keeping the busiest platform's card: its footprint read and written (the computing is not counted).
    const keeps: number[] = [];
    let reads = 0;
    for (let i = 0; i < Math.min(RUNS, 5); i++) {
      const [{ seq }] = (await db.read('kept-card', {
        organizationId: platform,
        asOf,
        minPoolSize: MIN_POOL,
        formula: CARD_FORMULA,
      })) as [{ seq: number }];
      const t = performance.now();
      const { rows } = await db.write('card-keep', {
        organizationId: platform,
        asOf,
        minPoolSize: MIN_POOL,
        seq,
        formula: CARD_FORMULA,
        facts: '{}',
      });
      keeps.push(performance.now() - t);
      reads = Number(rows[0]?.reads ?? 0);
    }
    await db.write('cards-dropped', { all: true, reads: '' });
    lines.push(
      '',
      `keeping the busiest platform's card (after computing it, in the background): ${median(keeps).toFixed(1)} ms, reading ${reads} ids`,
    );
    // An edit at the busiest platform (a pool's execution link moved in time), with the compared organisations' cards
    // kept before it (their drop is part of the edit's transaction) and with none.
    const subjects = comparedOrganizations(dataset);
    const card: ScorecardParts = { indicators: true, evidence: false, audits: false };
    const edits: [number[], number[]] = [[], []];
    const droppedBy: number[] = [];
    for (let i = 0; i < RUNS; i++)
      for (const withCards of i % 2 === 0 ? [false, true] : [true, false]) {
        if (withCards) await compareCards(db, subjects, asOf, card);
        else await db.write('cards-dropped', { all: true, reads: '' });
        const dropped = cardCounts.dropped;
        const t = performance.now();
        await upsertRecord(db, EDITOR, {
          dataset: 'curated',
          section: 'links',
          fields: { id: 'bench-kc-edit', type: 'WORKS_ON', from: pool, to: platform, since: `${2000 + i}` },
          reason: 'bench',
          argument: 'link',
        });
        edits[withCards ? 1 : 0].push(performance.now() - t);
        if (withCards) droppedBy.push(cardCounts.dropped - dropped);
      }
    lines.push(
      ratioRow(
        `an edit at the busiest platform, no card kept / ${subjects.length} kept`,
        68,
        median(edits[0]),
        median(edits[1]),
      ),
      `  (each edit dropped ${median(droppedBy)} of the ${subjects.length} kept cards)`,
    );
    const before = { ...cardCounts };
    await compareCards(db, subjects, asOf, card);
    await compareCards(db, subjects, asOf, card);
    lines.push(
      '',
      `answers compared: the same for the timed questions and ${subjects.length * 2} cards (${subjects.length} organisations, twice, after the edits);`,
      `kept cards answered ${cardCounts.kept - before.kept} of them, ${cardCounts.computed - before.computed - subjects.length * 2} were computed (and kept: ${cardCounts.stored - before.stored})`,
    );
    console.log(lines.join('\n'));
  });
}

benchMain(main);
