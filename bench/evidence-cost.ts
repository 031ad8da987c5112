// What keeping each element's `h` and the evidence digest costs (#29.3): on a generated graph (the bench's generator)
// in a scratch store, an import and a re-import timed with the part that reads, hashes and stamps the evidence apart,
// side by side in one run, and `deep-labour verify`'s evidence pass timed. `npx tsx bench/evidence-cost.ts [links]`.
import { generateDataset } from '../server/dataset/generate-dataset.js';
import { importDataset } from '../server/dataset/index.js';
import { evidenceCost } from '../server/history/evidence-seal.js';
import { verifyEvidence } from '../server/history/evidence-verify.js';
import { startScratchStore } from './scratch-store.js';
import { validDataset } from '../tests/support/load-dataset.js';
import { benchMain } from './bench-main.js';

const LINKS = Number(process.argv[2] ?? 25_000);

async function main(): Promise<void> {
  const dataset = validDataset(generateDataset({ links: LINKS }), 'generated dataset');
  const store = await startScratchStore('bench-evidence');
  const { db } = store;
  const rows: string[] = [];
  const timed = async (what: string, work: () => Promise<unknown>) => {
    const before = evidenceCost.ms;
    const start = performance.now();
    await work();
    const total = performance.now() - start;
    const h = evidenceCost.ms - before;
    rows.push(
      `${what.padEnd(50)} ${(total - h).toFixed(0).padStart(8)} ${total.toFixed(0).padStart(8)} ${(total / (total - h)).toFixed(2).padStart(6)}x`,
    );
  };
  try {
    await db.applySchema();
    await timed(`import ${LINKS} links (first)`, () => importDataset(db, dataset, { author: 'bench' }));
    const changed = structuredClone(dataset);
    const link = changed.links.find((l) => l.type === 'CONTRACTED_BY')!;
    link.pricePerUnitEur = (link.pricePerUnitEur ?? 0) + 0.01;
    await timed(`import ${LINKS} links again, one price changed`, () =>
      importDataset(db, changed, { author: 'bench' }),
    );
    const start = performance.now();
    const report = await verifyEvidence(db);
    const verifyMs = performance.now() - start;
    console.log(`\nkeeping h and the digest, ${LINKS} generated links (ms; "with" includes the evidence part):`);
    console.log(`${'write'.padEnd(50)} ${'without'.padStart(8)} ${'with'.padStart(8)} ${'ratio'.padStart(7)}`);
    for (const r of rows) console.log(r);
    console.log(
      `verify's evidence pass: ${report.elements} elements in ${verifyMs.toFixed(0)} ms; digest ${report.digest === report.expected ? 'matches' : 'DIFFERS'}, ${report.mismatched} mismatched`,
    );
  } finally {
    await store.stop();
  }
}

benchMain(main);
