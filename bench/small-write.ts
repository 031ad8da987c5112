// A small write into a big store: the fictional five-record dataset of the tests (tests/fixtures) imported, imported
// again changed, and removed, each step timed. What a team adding a small file to a store that holds a big one waits
// for; it should cost what the file holds, not what the store holds (docs/performance.md, "Small writes into a big
// store"). Used by small-write-cost.ts (side by side with a revision) and run-bench.ts (at each graph size).
import type { Database } from '../server/db/index.js';
import { importDataset, removeDataset, type Dataset } from '../server/dataset/index.js';
import { lastVerdictCost } from '../server/audit/verdict-keeper.js';
import { validDataset } from '../tests/support/load-dataset.js';
import { minimalDataset } from '../tests/fixtures/minimal-dataset.js';

export const SMALL_WRITE_STEPS = ['import', 'import again, changed', 'remove'] as const;

export interface SmallWriteCycle {
  /** Each step's time (ms), in the order of SMALL_WRITE_STEPS. */
  ms: number[];
  /** What keeping verdicts took of each. */
  verdictMs: number[];
  /** What the removal reported. */
  removed: unknown;
}

function small(changed: boolean): Dataset {
  const d = minimalDataset();
  d.name = 'Small write (fictional)';
  if (changed) d.organizations[0].name = 'Alpha Platform (renamed)';
  return validDataset(d, 'small dataset');
}

/** One cycle through `db`; the store holds what it held before, with three more changes in its history. */
export async function smallWriteCycle(db: Database): Promise<SmallWriteCycle> {
  const ms: number[] = [];
  const verdictMs: number[] = [];
  let removed: unknown;
  for (const step of SMALL_WRITE_STEPS) {
    const t = performance.now();
    if (step === 'remove') removed = (await removeDataset(db, small(false).id, { author: 'bench' })).removed;
    else await importDataset(db, small(step !== 'import'), { author: 'bench' });
    ms.push(performance.now() - t);
    verdictMs.push(lastVerdictCost.verdictMs);
  }
  return { ms, verdictMs, removed };
}

/** Each step's median over `cycles` (ms). */
export function smallWriteMedians(cycles: SmallWriteCycle[]): Record<(typeof SMALL_WRITE_STEPS)[number], number> {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return Object.fromEntries(
    SMALL_WRITE_STEPS.map((step, j) => [step, Math.round(median(cycles.map((c) => c.ms[j]!)) * 10) / 10]),
  ) as Record<(typeof SMALL_WRITE_STEPS)[number], number>;
}
