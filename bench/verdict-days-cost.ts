// What bringing the kept verdicts to a day costs (server/audit/verdict-days.ts), side by side with judging every claim
// again for that day (what a store would do without knowing which links started or ended), in one run on one scratch
// store with a generated graph. The generated links start and end between 2015 and 2023, so the days are in DAYS: every
// claim is judged for one once, then each time its verdicts are set back 1, 30 and 365 days and brought to it again,
// alternating which goes first (the same verdicts come back: none changes). The generator's links start on the first
// of a month and end on two days, hundreds at once, so the bench also ends 20 of them on a day of its own (ENDS_ON),
// which is what a store's day looks like more often. Then the busiest platform's scorecard
// verdicts, asked for the first day with the verdicts 30 days behind (no longer held: judged again) and once they are
// brought to it (read from the kept verdicts), answers compared; and the read every write now makes first.
// `npx tsx bench/verdict-days-cost.ts [links] [runs]`.
import neo4j from 'neo4j-driver';
import { scorecardOf, type ScorecardParts } from '../server/audit/audit-service.js';
import { judgeTouched, keepVerdicts } from '../server/audit/judge-verdicts.js';
import { nothingTouched } from '../server/audit/verdict-anchors.js';
import { rollVerdictDaysNow } from '../server/audit/verdict-days.js';
import { readConfig } from '../server/config.js';
import { journaled } from '../server/db/store-lock.js';
import { importDataset } from '../server/dataset/index.js';
import { generateDataset } from '../server/dataset/generate-dataset.js';
import { validDataset } from '../tests/support/load-dataset.js';
import { busiestPlatform } from './bench-cases.js';
import { benchMain } from './bench-main.js';
import { ratioRow, same } from './side-by-side.js';
import { startScratchStore } from './scratch-store.js';

const LINKS = Number(process.argv[2] ?? 25_000);
const RUNS = Number(process.argv[3] ?? 5);
const MIN_POOL = readConfig().minPoolSize;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const daysBefore = (day: string, n: number) => new Date(Date.parse(day) - n * 86_400_000).toISOString().slice(0, 10);

/** Days among the generated links' starts and ends (they start on the first of a month; 1,290 of 25,000 end on 30 June 2022). */
const DAYS = ['2021-03-15', '2022-07-01', '2024-03-10'];
/** The generator's dates come in clumps, so the bench ends a few of its open links on one day of its own, as a store's do. */
const ENDING = 20;
const ENDS_ON = '2024-03-09';

async function main(): Promise<void> {
  const generated = generateDataset({ links: LINKS }) as { links: { until?: string }[] };
  const open = generated.links.filter((l) => !l.until);
  const step = Math.floor(open.length / ENDING);
  for (let i = 0; i < ENDING; i++) open[i * step]!.until = ENDS_ON;
  const dataset = validDataset(generated, 'generated dataset');
  const store = await startScratchStore('bench-verdict-days');
  const c = store.connection;
  const driver = neo4j.driver(c.uri, neo4j.auth.basic(c.user ?? 'neo4j', c.password ?? ''));
  try {
    const db = store.db;
    await db.applySchema();
    await importDataset(db, dataset, { author: 'bench' });
    // The bench's own scratch store: the verdicts are set back as if judged `n` days before `day` (they are `day`'s
    // verdicts, so judging them again for it changes none).
    const setBack = async (day: string, n: number) => {
      await driver.executeQuery('MATCH (v:Verdict) SET v.judgedOn = $day', { day: daysBefore(day, n) });
    };
    const everyClaim = (day: string) =>
      journaled(db, 'store', 'bench', undefined, async (tx) =>
        keepVerdicts(
          tx,
          await judgeTouched(tx, { ...nothingTouched(), all: true }, day),
          { id: null, seq: null },
          true,
        ),
      );
    const lines = [
      `# npx tsx bench/verdict-days-cost.ts ${LINKS} ${RUNS} — ${new Date().toISOString()}`,
      '',
      `${dataset.links.length} generated links, ${dataset.claims?.length ?? 0} claims; median of ${RUNS} (ms), alternating which goes first:`,
      `${'verdicts brought to a day from'.padEnd(64)} ${'every claim'.padStart(10)} ${'the roll'.padStart(10)} ${'ratio'.padStart(7)}`,
    ];
    for (const day of DAYS) {
      // Every verdict judged for the day, kept as a baseline (no change recorded).
      await everyClaim(day);
      for (const back of [1, 30, 365]) {
        const times: [number[], number[]] = [[], []];
        let found = '';
        for (let i = 0; i <= RUNS; i++)
          for (const k of i % 2 === 0 ? [0, 1] : [1, 0]) {
            await setBack(day, back);
            const t = performance.now();
            if (k === 0) await everyClaim(day);
            else {
              const rolled = await rollVerdictDaysNow(db, day);
              if (rolled?.changed !== 0) throw new Error('bench: the roll did nothing, or changed a verdict');
              found = `${rolled.links} links, ${rolled.judged} claims judged`;
            }
            // The first round plans the queries: not counted.
            if (i > 0) times[k]!.push(performance.now() - t);
          }
        const label = `${day}, ${back} day${back === 1 ? '' : 's'} back (${found})`;
        lines.push(ratioRow(label, 64, median(times[0]), median(times[1])));
        console.error(lines.at(-1));
      }
    }
    const today = DAYS[0]!;
    await everyClaim(today);
    const platform = busiestPlatform(dataset)!;
    const parts: ScorecardParts = { indicators: false, evidence: false, audits: true, auditEvidence: false };
    await setBack(today, 30);
    const ask = () => scorecardOf(db, platform, today, MIN_POOL, parts);
    const behind = await ask();
    const t0: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await ask();
      t0.push(performance.now() - t);
    }
    await rollVerdictDaysNow(db, today);
    same(`${platform}'s verdicts`, behind, await ask());
    const t1: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await ask();
      t1.push(performance.now() - t);
    }
    lines.push(
      '',
      `the busiest platform's verdicts (${platform}, ids only), on ${today}: 30 days behind (judged again) against brought to that day (kept), the same answers:`,
      ratioRow('scorecard verdicts', 64, median(t0), median(t1)),
    );
    const due: number[] = [];
    for (let i = 0; i < RUNS * 4; i++) {
      const t = performance.now();
      await db.read('verdict-days-due', { today });
      due.push(performance.now() - t);
    }
    lines.push('', `the read each write makes first (verdict-days-due, nothing due): ${median(due).toFixed(1)} ms`);
    console.log(lines.join('\n'));
  } finally {
    await driver.close();
    await store.stop();
  }
}

benchMain(main);
