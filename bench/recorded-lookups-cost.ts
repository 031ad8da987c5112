// What two look-ups as recorded cost against the same queries at a git revision (the reference), side by side in one
// run: `entity(identifier, recordedAt)` (entity-by-identifier-recorded), which until 7 December 2026 scanned every
// retired record and every kept version for the identifier, and `replies(organizationId)` while an import is staged
// (reply-page-recorded), which scanned every reply and every retired record. Two scratch stores, one with today's
// cypher/ (schema and queries) and one with cypher/ as it was at <rev> (the indexes too: the old queries would use the
// new ones), each with the same generated graph whose organisations have an identifier each and a request for reply
// each (fictional, as the generated graph), and the same history: re-imports that each rename a tenth of the
// organisations and edit a tenth of the replies' notes, so both have kept versions. Each question is asked at the last
// change and at the first import, alternately on the two, through the driver; the answers are compared.
// `npx tsx bench/recorded-lookups-cost.ts <rev> [links] [rounds] [runs]`.
import type { Dataset } from '../format/model.js';
import { generateDataset } from '../server/dataset/generate-dataset.js';
import { importDataset } from '../server/dataset/index.js';
import { createDatabase } from '../server/db/index.js';
import { roundOfChanges } from './bench-cases.js';
import { alternately, canonicalJson, filesAt, ratioRow } from './side-by-side.js';
import { startScratchStore } from './scratch-store.js';
import { validDataset } from '../tests/support/load-dataset.js';
import { benchMain } from './bench-main.js';

const REV = process.argv[2];
const LINKS = Number(process.argv[3] ?? 25_000);
const ROUNDS = Number(process.argv[4] ?? 2);
const RUNS = Number(process.argv[5] ?? 11);

/** The generated graph with an identifier and a request for reply for every organisation (fictional). */
function withIdentifiersAndReplies(d: Dataset): Dataset {
  const organizations = d.organizations.map((o, i) => ({
    ...o,
    identifiers: [{ scheme: 'XI-BENCH', id: `B${i}` }],
  }));
  // Each asked about a link the organisation is an end of (the few without one are asked nothing).
  const linkOf = new Map<string, string>();
  for (const l of d.links) for (const end of [l.from, l.to]) if (!linkOf.has(end)) linkOf.set(end, l.id);
  const replies = d.organizations.flatMap((o, i) => {
    const link = linkOf.get(o.id);
    if (link === undefined) return [];
    const asked = { askedOn: '2024-01-15', askedBy: 'bench', deadline: '2024-02-15', note: 'first asked' };
    return [{ id: `bench-reply-${i}`, organization: o.id, links: [link], ...asked }];
  });
  return { ...d, organizations, replies };
}

/** A round of changes that also edits a tenth of the replies' notes (kept versions of replies). */
function roundWithReplies(d: Dataset, r: number): Dataset {
  const changed = roundOfChanges(d, r);
  changed.replies = (d.replies ?? []).map((x, i) => (i % 10 === r % 10 ? { ...x, note: `bench round ${r}` } : x));
  return changed;
}

async function main(): Promise<void> {
  if (!REV)
    throw new Error(
      'bench: give the reference revision: npx tsx bench/recorded-lookups-cost.ts <rev> [links] [rounds] [runs]',
    );
  const generated = validDataset(generateDataset({ links: LINKS }), 'generated dataset');
  const dataset = validDataset(withIdentifiersAndReplies(generated), 'generated dataset with identifiers and replies');
  const store = await startScratchStore('bench-recorded-lookups');
  const referenceStore = await startScratchStore('bench-recorded-lookups-reference');
  const reference = createDatabase(referenceStore.connection, filesAt(REV));
  try {
    let firstSeq = 0;
    for (const db of [store.db, reference]) {
      await db.applySchema();
      firstSeq = (await importDataset(db, dataset, { author: 'bench' })).change!.seq;
      for (let r = 1; r <= ROUNDS; r++) await importDataset(db, roundWithReplies(dataset, r), { author: 'bench' });
    }
    const [head] = await store.db.read('ledger-head');
    const [headThere] = await reference.read('ledger-head');
    if (headThere!.seq !== head!.seq) throw new Error('bench: the two stores do not have the same history');
    const [versions] = await store.db.read('bench-record-versions');
    // An organisation renamed in the first round (so it has a kept version), and the last one; both asked for reply.
    const asked = new Set((dataset.replies ?? []).map((r) => r.organization));
    const indices = dataset.organizations.flatMap((o, i) => (asked.has(o.id) ? [i] : []));
    const renamed = indices.find((i) => i % 10 === 1)!;
    const last = indices.at(-1)!;
    const questions: [string, string, Record<string, unknown>][] = [
      ...[renamed, last].map(
        (i) =>
          [
            `entity by identifier XI-BENCH:B${i}`,
            'entity-by-identifier-recorded',
            { id: `XI-BENCH:B${i}`, padded: ` XI-BENCH:B${i} `, limit: 1, withSources: true },
          ] as [string, string, Record<string, unknown>],
      ),
      ...[renamed, last].map(
        (i) =>
          [
            `replies to ${dataset.organizations[i]!.id}, first 20`,
            'reply-page-recorded',
            { organizationId: dataset.organizations[i]!.id, first: 20, afterOn: '', afterId: '' },
          ] as [string, string, Record<string, unknown>],
      ),
    ];
    const lines = [
      `# npx tsx bench/recorded-lookups-cost.ts ${REV} ${LINKS} ${ROUNDS} ${RUNS} — ${new Date().toISOString()}`,
      '',
      `${dataset.links.length} generated links, ${dataset.organizations.length} organisations with an identifier and a request for reply each,`,
      `${ROUNDS} re-imports each renaming a tenth of the organisations and editing a tenth of the replies: ${versions!.versions} record versions.`,
      `Median of ${RUNS} runs of each query through the driver (ms), alternating which goes first; reference: a store with cypher/ at ${REV};`,
      `"at the first import": change ${firstSeq}.`,
      '',
      `${'question'.padEnd(62)} ${'reference'.padStart(10)} ${'today'.padStart(10)} ${'ratio'.padStart(7)}  same answer, found`,
    ];
    for (const [label, name, params] of questions) {
      for (const [at, seq] of [
        ['at the head', Number(head!.seq)],
        ['at the first import', Number(firstSeq)],
      ] as const) {
        const before = () => reference.read(name, { ...params, seq });
        const today = () => store.db.read(name, { ...params, seq });
        const answer = await today();
        const same = canonicalJson(await before()) === canonicalJson(answer) ? 'yes' : 'NO';
        // What the answer found (a bench whose questions find nothing measures nothing): entities, or replies in all.
        const found = name === 'reply-page-recorded' ? Number(answer[0]?.totalCount ?? 0) : answer.length;
        const [a, b] = await alternately(label, before, today, RUNS);
        lines.push(`${ratioRow(`${label}, ${at}`, 62, a, b)}  ${same}, ${found}`);
        console.error(lines.at(-1));
      }
    }
    console.log(lines.join('\n'));
  } finally {
    await reference.close();
    await Promise.all([store.stop(), referenceStore.stop()]);
  }
}

benchMain(main);
