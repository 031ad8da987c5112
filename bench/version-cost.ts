// What records' versions (#29.1, docs/versioning.md) add to the store: on a generated graph in a scratch store, a
// re-import that changes nothing, re-imports that each rename a tenth of the organisations, single-record edits and
// the dataset's removal, with the `:Version` and `:Retired` nodes and the bytes on disk each added.
// `npx tsx bench/version-cost.ts [links] [rounds]`.
import { upsertRecord } from '../server/curation/curate.js';
import { generateDataset } from '../server/dataset/generate-dataset.js';
import { importDataset, removeDataset } from '../server/dataset/index.js';
import { bytesUnder, startScratchStore } from './scratch-store.js';
import { validDataset } from '../tests/support/load-dataset.js';
import { benchMain } from './bench-main.js';

const LINKS = Number(process.argv[2] ?? 2_500);
const ROUNDS = Number(process.argv[3] ?? 3);
const EDITOR = { name: 'bench editor', role: 'editor' as const };

async function main(): Promise<void> {
  const dataset = validDataset(generateDataset({ links: LINKS }), 'generated dataset');
  const store = await startScratchStore('bench-versions');
  const { db, dataDir } = store;
  const census = async () => {
    const [row] = await db.read('bench-record-versions');
    return {
      records: Number(row!.records),
      versions: Number(row!.versions),
      retired: Number(row!.retired),
      bytes: bytesUnder(dataDir),
    };
  };
  const lines: string[] = [];
  let previous = { records: 0, versions: 0, retired: 0, bytes: 0 };
  const step = async (what: string) => {
    const now = await census();
    const versions = now.versions - previous.versions;
    const bytes = now.bytes - previous.bytes;
    lines.push(
      `${what}: +${versions} versions, +${now.retired - previous.retired} retired, +${bytes} bytes${versions ? ` (${Math.round(bytes / versions)} per version)` : ''}`,
    );
    previous = now;
  };
  try {
    await db.applySchema();
    await importDataset(db, dataset, { author: 'bench' });
    previous = await census();
    lines.push(`first import: ${previous.records} records, ${previous.bytes} bytes`);
    await importDataset(db, dataset, { author: 'bench' });
    await step('the same file again');
    for (let r = 1; r <= ROUNDS; r++) {
      const changed = structuredClone(dataset);
      let renamed = 0;
      changed.organizations.forEach((o, i) => {
        if (i % 10 === r % 10) {
          o.name = `${o.name} (round ${r})`;
          renamed++;
        }
      });
      await importDataset(db, changed, { author: 'bench' });
      await step(`re-import ${r}, ${renamed} organisations renamed (and round ${r - 1}'s back)`);
    }
    const org = dataset.organizations[0]!;
    for (let i = 1; i <= 3; i++) {
      await upsertRecord(db, EDITOR, {
        dataset: 'curated',
        section: 'organizations',
        argument: 'entity',
        reason: 'bench',
        fields: { ...org, name: `${org.name} (edit ${i})` },
      });
      await step(`edit ${i}: one organisation renamed`);
    }
    await removeDataset(db, dataset.id, { author: 'bench' });
    await step('removal of the generated dataset');
    console.log(`\nrecords' versions, ${LINKS} generated links:`);
    for (const line of lines) console.log(line);
  } finally {
    await store.stop();
  }
}

benchMain(main);
