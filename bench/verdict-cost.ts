// What keeping verdicts at write time costs: on a generated graph (the bench's generator) in a scratch store, an import
// and edits timed with the part that re-judges claims apart, side by side. `npx tsx bench/verdict-cost.ts [links]`.
import { generateDataset } from '../server/dataset/generate-dataset.js';
import { importDataset } from '../server/dataset/index.js';
import { upsertRecord } from '../server/curation/curate.js';
import { lastVerdictCost } from '../server/audit/verdict-keeper.js';
import { startScratchStore } from './scratch-store.js';
import { validDataset } from '../tests/support/load-dataset.js';
import { benchMain } from './bench-main.js';

const LINKS = Number(process.argv[2] ?? 25_000);
const EDITOR = { name: 'bench editor', role: 'editor' as const };

async function main(): Promise<void> {
  const dataset = validDataset(generateDataset({ links: LINKS }), 'generated dataset');
  const store = await startScratchStore('bench-verdicts');
  const { db } = store;
  const rows: string[] = [];
  const note = (what: string) => {
    const c = lastVerdictCost;
    const total = c.workMs + c.verdictMs;
    rows.push(
      `${what.padEnd(58)} ${c.workMs.toFixed(0).padStart(8)} ${total.toFixed(0).padStart(10)} ${(total / c.workMs).toFixed(2).padStart(6)}x ${String(c.judged).padStart(7)} ${String(c.changed).padStart(8)}`,
    );
  };
  try {
    await db.applySchema();
    await importDataset(db, dataset, { author: 'bench' });
    note(`import ${LINKS} links (first: every claim judged)`);
    // The same file again, one link's price changed: the diff anchors the re-judging on that link.
    const changed = structuredClone(dataset);
    const link = changed.links.find((l) => l.type === 'CONTRACTED_BY')!;
    link.pricePerUnitEur = (link.pricePerUnitEur ?? 0) + 0.01;
    await importDataset(db, changed, { author: 'bench' });
    note(`import ${LINKS} links again, one contract's price changed`);
    const platform = dataset.organizations.find((o) => o.kind === 'platform')!;
    const vendor = dataset.organizations.find((o) => o.kind === 'vendor')!;
    for (let i = 0; i < 3; i++) {
      await upsertRecord(db, EDITOR, {
        dataset: 'curated',
        section: 'links',
        argument: 'link',
        reason: 'bench',
        fields: {
          id: `bench-sc-${i}`,
          type: 'SUBCONTRACTS_FOR',
          from: vendor.id,
          to: platform.id,
          since: '2020',
          sources: ['gen-src'],
        },
      });
      note(`edit: a subcontracting link into a platform (${i + 1})`);
    }
    for (let i = 0; i < 3; i++) {
      await upsertRecord(db, EDITOR, {
        dataset: 'curated',
        section: 'organizations',
        argument: 'entity',
        reason: 'bench',
        fields: { id: `bench-lonely-${i}`, name: `Bench lonely ${i}`, kind: 'vendor', country: 'DE' },
      });
      note(`edit: an organisation linked to nothing (${i + 1})`);
    }
    console.log(
      `\nkeeping verdicts, ${LINKS} generated links, ${dataset.claims.length} claims (ms; "with" includes the write):`,
    );
    console.log(
      `${'write'.padEnd(58)} ${'without'.padStart(8)} ${'with'.padStart(10)} ${'ratio'.padStart(7)} ${'judged'.padStart(7)} ${'changed'.padStart(8)}`,
    );
    for (const r of rows) console.log(r);
  } finally {
    await store.stop();
  }
}

benchMain(main);
