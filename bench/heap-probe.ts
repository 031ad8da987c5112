// How large an ordinary import (one transaction) completes with a given embedded heap: #30.3's baseline.
// `npx tsx bench/heap-probe.ts <links> <heap>`, e.g. 500000 4g. Scratch store only.
import { generateDataset } from '../server/dataset/generate-dataset.js';
import { validDataset } from '../tests/support/load-dataset.js';
import { benchOrdinaryImport } from './new-store-bench.js';

const LINKS = Number(process.argv[2] ?? 250_000);
const HEAP = process.argv[3] ?? '4g';
const dataset = validDataset(generateDataset({ links: LINKS }), 'generated dataset');
const start = performance.now();
benchOrdinaryImport(dataset, HEAP)
  .then((t) => console.log(`${LINKS} links with a ${HEAP} heap: imported in ${Math.round(t.ms)} ms`))
  .catch((e: unknown) => {
    const message = e instanceof Error ? `${e.message} ${String((e as { cause?: unknown }).cause ?? '')}` : String(e);
    console.log(
      `${LINKS} links with a ${HEAP} heap: failed after ${Math.round(performance.now() - start)} ms: ${message.slice(0, 400)}`,
    );
    process.exitCode = 1;
  });
