// One curation edit with a curated dataset of 10 and of 20,000 records, whole-dataset path beside scoped, on a scratch
// store (#30.1). `npx tsx bench/edit-cost.ts [sizes, e.g. 10,20000] [runs]`.
import { benchEdits, editLines } from './edit-bench.js';

const SIZES = (process.argv[2] ?? '10,20000').split(',').map(Number);
const RUNS = Number(process.argv[3] ?? 5);

benchEdits(SIZES, RUNS, (l) => console.error(`bench: ${l}`))
  .then((timings) => {
    for (const line of editLines(timings)) console.log(line);
    console.log(JSON.stringify(timings));
  })
  .catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
