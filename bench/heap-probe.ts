// How large an ordinary import (one transaction) completes with a given embedded heap: #30.3's baseline. With
// `reimport`, the same store then imports the dataset again with a tenth of its links and organisations changed (what
// a team re-importing its file does), and the peak of Node's own heap during each import is reported (sampled every
// 200 ms): verdict keeping once read the whole dataset's state into Node twice on a re-import.
// `npx tsx bench/heap-probe.ts <links> <heap> [reimport]`, e.g. 500000 4g. Scratch store only.
import { generateDataset } from '../server/dataset/generate-dataset.js';
import { importDataset } from '../server/dataset/index.js';
import { validDataset } from '../tests/support/load-dataset.js';
import { roundOfChanges } from './bench-cases.js';
import { benchOrdinaryImport } from './new-store-bench.js';
import { withStore } from './import-bench.js';

const LINKS = Number(process.argv[2] ?? 250_000);
const HEAP = process.argv[3] ?? '4g';
const REIMPORT = process.argv[4] === 'reimport';
const dataset = validDataset(generateDataset({ links: LINKS }), 'generated dataset');
const start = performance.now();

/** Runs `work`, sampling Node's heap; returns its time and the peak heap above the heap at its start (MB). */
async function sampled<T>(work: () => Promise<T>): Promise<{ ms: number; peakMb: number }> {
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 200);
  const t = performance.now();
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return {
    ms: performance.now() - t,
    peakMb: Math.round((Math.max(peak, process.memoryUsage().heapUsed) - base) / 1e6),
  };
}

const probe = REIMPORT
  ? withStore(HEAP, async (db) => {
      const first = await sampled(() => importDataset(db, dataset, { author: 'bench' }));
      const again = await sampled(() => importDataset(db, roundOfChanges(dataset, 1), { author: 'bench' }));
      return `first import in ${Math.round(first.ms)} ms (Node heap peak +${first.peakMb} MB), re-import of a tenth changed in ${Math.round(again.ms)} ms (Node heap peak +${again.peakMb} MB)`;
    })
  : benchOrdinaryImport(dataset, HEAP).then((t) => `imported in ${Math.round(t.ms)} ms`);
probe
  .then((line) => console.log(`${LINKS} links with a ${HEAP} heap: ${line}`))
  .catch((e: unknown) => {
    const message = e instanceof Error ? `${e.message} ${String((e as { cause?: unknown }).cause ?? '')}` : String(e);
    console.log(
      `${LINKS} links with a ${HEAP} heap: failed after ${Math.round(performance.now() - start)} ms: ${message.slice(0, 400)}`,
    );
    process.exitCode = 1;
  });
