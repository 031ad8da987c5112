// Edits in constant time against a real Neo4j: for random sequences of edits (valid and not), the scoped path accepts or
// refuses exactly as the whole-dataset reference path does, with the same messages, and leaves the same store.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/index.js';
import { exportDataset, importDataset, type Dataset, type Section } from '../../server/dataset/index.js';
import {
  acceptChange,
  CurationError,
  retractRecord,
  revertChange,
  upsertRecord,
  type EditResult,
} from '../../server/curation/curate.js';
import { editsWritten, setEditPath, type EditPath } from '../../server/curation/edit-scope.js';
import { validDataset } from '../support/load-dataset.js';
import { resetGraph, testDatabase } from '../support/test-database.js';

let db: Database;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => {
  setEditPath('scoped');
  await resetGraph(db);
  await db.close();
});

const EDITOR = { name: 'property editor', role: 'editor' as const };
const ADMIN = { name: 'property admin', role: 'admin' as const };

/** The imported dataset the edits correct and name; `variant` renames its platform (a new version of the file). */
function base(variant: number): Dataset {
  return validDataset(
    {
      format: 'deep-labour/v1',
      id: 'prop-base',
      name: 'Property test base (fictional)',
      sources: [{ id: 'base-src', title: 'Property test source (fictional)', type: 'other' }],
      organizations: [
        { id: 'base-platform', name: `Base platform ${variant}`, kind: 'platform', sources: ['base-src'] },
        { id: 'base-vendor', name: 'Base vendor', kind: 'vendor', sources: ['base-src'] },
      ],
      workerPools: [{ id: 'base-pool', name: 'Base pool', country: 'FR', size: 50, sources: ['base-src'] }],
      tasks: [{ id: 'base-task', name: 'Base task', kind: 'annotation', sources: ['base-src'] }],
      aiProducts: [],
      links: [{ type: 'WORKS_ON', from: 'base-pool', to: 'base-platform', sources: ['base-src'] }],
      claims: [
        {
          id: 'base-claim',
          by: 'base-platform',
          subject: 'base-platform',
          kind: 'MERE_INTERMEDIARY',
          text: 'Base platform only puts clients and workers in touch.',
          sources: ['base-src'],
        },
      ],
    },
    'property base',
  );
}

type Op =
  | { op: 'upsert'; dataset: string; section: Section; fields: Record<string, unknown>; review: boolean }
  | { op: 'retract'; id: string; review: boolean }
  | { op: 'revert'; pick: number }
  | { op: 'accept'; pick: number }
  | { op: 'reimport'; variant: number };

// Mostly valid edits (so that the scoped path writes often), a fault sometimes injected into one: an unknown reference,
// a wrong kind, a bad date, an id another record has, an empty name.
const ORG_IDS = ['p-a', 'p-a', 'p-b', 'base-platform', 'base-vendor'];
const dataset = fc.constantFrom('curated', 'curated', 'curated', 'curated', 'curated', 'curated-2', 'prop-base');
const review = fc.constantFrom(false, false, false, false, true);
const fault = fc.constantFrom<string | null>(null, null, null, 'reference', 'kind', 'date', 'duplicate', 'empty');
const defined = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

const entity = fc
  .record({
    dataset,
    review,
    fault,
    id: fc.constantFrom('p-a', 'p-a', 'p-b', 'p-c', 'base-platform', 'base-vendor'),
    section: fc.constantFrom<Section>('organizations', 'organizations', 'organizations', 'workerPools', 'tasks'),
    name: fc.option(fc.constantFrom('Alpha', 'Beta'), { nil: undefined, freq: 4 }),
    kind: fc.constantFrom('platform', 'vendor'),
    country: fc.constantFrom('FR', 'DE'),
    size: fc.constantFrom(5, 40),
  })
  .map(({ dataset, review, fault, section, kind, size, country, id, name }): Op => {
    const fields: Record<string, unknown> = {
      id: fault === 'duplicate' ? 'l-1' : id,
      name: fault === 'empty' ? '' : name,
      sources: [fault === 'reference' ? 'missing-src' : 'base-src'],
      ...(section === 'organizations' ? { kind, country: fault === 'date' ? 'XX' : country } : {}),
      ...(section === 'workerPools' ? { size, country } : {}),
      ...(section === 'tasks' ? { kind: 'annotation' } : {}),
    };
    return {
      op: 'upsert',
      dataset,
      review,
      section: fault === 'kind' ? (section === 'organizations' ? 'workerPools' : 'organizations') : section,
      fields: defined(fields),
    };
  });
const link = fc
  .record({
    dataset,
    review,
    fault,
    id: fc.constantFrom('l-1', 'l-1', 'l-2', undefined),
    from: fc.constantFrom(...ORG_IDS),
    to: fc.constantFrom(...ORG_IDS),
    price: fc.constantFrom(0.1, 0.2, undefined),
  })
  .map(
    ({ dataset, review, fault, from, to, price, id }): Op => ({
      op: 'upsert',
      dataset,
      review,
      section: 'links',
      fields: defined({
        id: fault === 'duplicate' ? 'p-a' : id,
        type: fault === 'kind' ? 'WORKS_ON' : 'SUBCONTRACTS_FOR',
        from: fault === 'reference' ? 'missing' : from,
        to,
        since: fault === 'date' ? '2020-13' : '2020',
        until: fault === 'empty' ? '2019' : '2023',
        pricePerUnitEur: price,
        sources: ['base-src'],
      }),
    }),
  );
const source = fc.record({ dataset, review, fault, id: fc.constantFrom('s-1', 's-1', 'base-src') }).map(
  ({ dataset, review, fault, id }): Op => ({
    op: 'upsert',
    dataset,
    review,
    section: 'sources',
    fields: { id: fault === 'duplicate' ? 'p-a' : id, title: fault === 'empty' ? '' : 'S one', type: 'other' },
  }),
);
const claim = fc
  .record({
    dataset,
    review,
    fault,
    id: fc.constantFrom('k-1', 'k-1', 'base-claim'),
    by: fc.constantFrom(...ORG_IDS),
    subject: fc.constantFrom(...ORG_IDS),
  })
  .map(
    ({ dataset, review, fault, id, by, subject }): Op => ({
      op: 'upsert',
      dataset,
      review,
      section: 'claims',
      fields: {
        id,
        by: fault === 'reference' ? 'missing' : by,
        subject: fault === 'kind' ? 'base-pool' : subject,
        kind: 'MERE_INTERMEDIARY',
        text: fault === 'empty' ? '' : 'Says it only connects.',
        sources: [fault === 'duplicate' ? 'p-a' : 'base-src'],
      },
    }),
  );
const operation: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: entity },
  { weight: 5, arbitrary: link },
  { weight: 1, arbitrary: source },
  { weight: 2, arbitrary: claim },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('retract' as const),
      id: fc.constantFrom('p-a', 'p-b', 'p-c', 'l-1', 'l-2', 's-1', 'k-1', 'base-vendor'),
      review,
    }),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('revert' as const), pick: fc.nat(30) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('accept' as const), pick: fc.nat(30) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('reimport' as const), variant: fc.nat(3) }) },
);

const ARGUMENT: Partial<Record<Section, string>> = { links: 'link', sources: 'source', claims: 'claim' };

/** Warnings said about the edited record (the reference path also repeats those about every other record it rewrites). */
function aboutRecord(warnings: { path: string; message: string }[], id: string | null, argument: string): string[] {
  const quoted = JSON.stringify(id);
  return warnings
    .filter(
      (w) =>
        w.path === argument ||
        w.path.startsWith(`${argument}.`) ||
        (!w.path.startsWith('dataset "') &&
          new RegExp(`^(link |claim |pay report )?${literal(quoted)}`).test(w.message)),
    )
    .map((w) => w.message)
    .sort();
}
const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type Outcome = Record<string, unknown>;

/** Runs `ops` on a store holding only the base dataset, by `path`; returns each step's outcome and the store after it. */
async function play(path: EditPath, ops: Op[]): Promise<{ outcomes: Outcome[]; stores: unknown[] }> {
  setEditPath(path);
  await resetGraph(db);
  await importDataset(db, base(0), { author: 'property test' });
  const changes: string[] = [];
  const outcomes: Outcome[] = [];
  const stores: unknown[] = [];
  for (const o of ops) {
    let record: string | null = null;
    let argument = 'record';
    try {
      let result: EditResult;
      if (o.op === 'upsert') {
        argument = o.section in ARGUMENT ? ARGUMENT[o.section]! : 'entity';
        result = await upsertRecord(db, EDITOR, {
          dataset: o.dataset,
          section: o.section,
          fields: o.fields,
          reason: 'property',
          needsReview: o.review,
          argument,
        });
      } else if (o.op === 'retract') {
        result = await retractRecord(db, EDITOR, { id: o.id, reason: 'property', needsReview: o.review });
      } else if (o.op === 'revert') {
        if (changes.length === 0) continue;
        result = await revertChange(db, ADMIN, { changeId: changes[o.pick % changes.length]!, reason: 'property' });
      } else if (o.op === 'accept') {
        if (changes.length === 0) continue;
        result = await acceptChange(db, ADMIN, { changeId: changes[o.pick % changes.length]!, reason: 'property' });
      } else {
        await importDataset(db, base(o.variant), { author: 'property test' });
        outcomes.push({ reimport: o.variant });
        stores.push(await storeState());
        continue;
      }
      record = result.change.record;
      changes.push(result.change.id);
      const c = result.change;
      outcomes.push({
        change: {
          id: c.id,
          action: c.action,
          status: c.status,
          dataset: c.dataset,
          record: c.record,
          scope: c.scope,
          summary: c.summary,
          before: c.before,
          after: c.after,
          revertOf: c.revertOf,
        },
        warnings: aboutRecord(result.warnings, record, argument),
      });
    } catch (e) {
      if (!(e instanceof CurationError)) throw e;
      outcomes.push({ refused: e.code, message: e.message, problems: e.problems });
    }
    stores.push(await storeState());
  }
  return { outcomes, stores };
}

/** The store as readers and later edits see it: every record and link, the datasets (without their time), kept versions. */
async function storeState(): Promise<unknown> {
  const datasets = (await db.read('datasets')).map(({ importedAt: _at, ...d }) => d);
  return { graph: await exportDataset(db), datasets, assertions: await db.read('assertions') };
}

const org = (id: string, name: string): Op => ({
  op: 'upsert',
  dataset: 'curated',
  review: false,
  section: 'organizations',
  fields: { id, name, kind: 'vendor', country: 'FR', sources: ['base-src'] },
});
// Run first, whatever the seed: a sequence whose later edits take the scoped path (random sequences often never do, as
// one record shared with another dataset sends every later edit of that dataset down the whole-dataset path).
const SCOPED_EXAMPLE: Op[] = [
  org('p-a', 'Alpha'),
  org('p-a', 'Beta'),
  org('p-b', 'Alpha'),
  {
    op: 'upsert',
    dataset: 'curated',
    review: false,
    section: 'links',
    fields: { id: 'l-1', type: 'SUBCONTRACTS_FOR', from: 'p-a', to: 'p-b', since: '2020', sources: ['base-src'] },
  },
  { op: 'revert', pick: 1 },
];

describe('edits in constant time', () => {
  it('the scoped path accepts, refuses, says and writes exactly what the whole-dataset path does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 4, maxLength: 12 }), async (ops) => {
        const reference = await play('reference', ops);
        const scoped = await play('scoped', ops);
        for (let i = 0; i < reference.outcomes.length; i += 1) {
          expect(scoped.outcomes[i], `step ${i + 1}: ${JSON.stringify(ops)}`).toEqual(reference.outcomes[i]);
          expect(scoped.stores[i], `store after step ${i + 1}: ${JSON.stringify(ops)}`).toEqual(reference.stores[i]);
        }
        expect(scoped.outcomes.length).toBe(reference.outcomes.length);
      }),
      { numRuns: Number(process.env.EDIT_PROPERTY_RUNS ?? 12), endOnFailure: true, examples: [[SCOPED_EXAMPLE]] },
    );
    console.log(`edits written by the scoped path: ${editsWritten.scoped}`);
    // The comparison means something only if the scoped path really wrote.
    expect(editsWritten.scoped).toBeGreaterThan(0);
  }, 900_000);
});
