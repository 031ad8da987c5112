// The record a view starts from, as recorded (recordedAt) against a real Neo4j: a saved view must open months later even
// if the organisation, pool or task it is rooted at was removed since, and must not show a record that came later.
// A fictional dataset is imported at T1 and removed at T2: each field rooted at one of its records answers at T1 as it
// did at T1 (taken then, compared after the removal), is NOT_FOUND now, and NOT_FOUND at a moment before T1.
import { describe, expect, it } from 'vitest';
import { importDataset, removeDataset, validateDataset } from '../../server/dataset/index.js';
import type { Database } from '../../server/db/index.js';
import { FIXTURES } from '../../server/fixtures.js';
import { datasetFile } from '../support/load-dataset.js';
import { useSeededServer } from '../support/test-server.js';

let store: Database;
let seededAt = '';
const api = useSeededServer(async (db) => {
  store = db;
  seededAt = (await importDataset(db, datasetFile(FIXTURES.illustrative))).change!.at;
});

const ID = 'recorded-anchors';
/** A small chain, all fictional: a pool works on and is contracted by a platform, which works for a client. */
function anchorsDataset() {
  const src = ['anc-src'];
  const checked = validateDataset({
    format: 'deep-labour/v1',
    id: ID,
    name: 'Recorded anchors test (fictional)',
    sources: [{ id: 'anc-src', title: 'Anchors test note (fictional)', type: 'other', date: '2024-01-15' }],
    organizations: [
      { id: 'anc-platform', name: 'Anchorwork (fictional)', kind: 'platform', country: 'FR', sources: src },
      { id: 'anc-client', name: 'Anchor Client (fictional)', kind: 'client', country: 'FR', sources: src },
    ],
    workerPools: [
      { id: 'anc-pool', name: 'Anchor labellers (fictional)', country: 'FR', size: 400, sources: src },
      // A small group (under MIN_POOL_SIZE, 10 here): the pay of the task only it performs is withheld in every answer.
      { id: 'anc-small-pool', name: 'Anchor few (fictional)', country: 'FR', size: 4, sources: src },
    ],
    tasks: [
      {
        id: 'anc-task',
        name: 'Anchor boxes (fictional)',
        kind: 'annotation',
        unitPayEur: 0.04,
        minutesPerUnit: 1,
        sources: src,
      },
      {
        id: 'anc-small-task',
        name: 'Anchor rare (fictional)',
        kind: 'annotation',
        unitPayEur: 0.0137,
        minutesPerUnit: 1,
        sources: src,
      },
    ],
    links: [
      { type: 'WORKS_ON', from: 'anc-pool', to: 'anc-platform', since: '2020-01', sources: src },
      {
        type: 'CONTRACTED_BY',
        from: 'anc-pool',
        to: 'anc-platform',
        since: '2020-01',
        pricePerUnitEur: 0.04,
        sources: src,
      },
      { type: 'SUBCONTRACTS_FOR', from: 'anc-platform', to: 'anc-client', since: '2020-01', sources: src },
      { type: 'PERFORMED_BY', from: 'anc-task', to: 'anc-pool', sources: src },
      { type: 'EXECUTED_ON', from: 'anc-task', to: 'anc-platform', sources: src },
      { type: 'ORDERED_BY', from: 'anc-task', to: 'anc-client', sources: src },
      { type: 'WORKS_ON', from: 'anc-small-pool', to: 'anc-platform', since: '2020-01', sources: src },
      { type: 'PERFORMED_BY', from: 'anc-small-task', to: 'anc-small-pool', sources: src },
    ],
  });
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.dataset;
}

const AS_OF = '2024-06-01';
/** Each field rooted at one of the dataset's records, with what it answers. */
const FIELDS: [field: string, query: string][] = [
  ['entity', `entity(id: "anc-platform", recordedAt: $at) { id name sources { id title } }`],
  [
    'cascade',
    `cascade(rootId: "anc-platform", maxDepth: 2, asOf: "${AS_OF}", recordedAt: $at) { nodes { id name } edges { id type from to } }`,
  ],
  [
    'cascadeGroups',
    `cascadeGroups(rootId: "anc-platform", maxDepth: 2, asOf: "${AS_OF}", recordedAt: $at) { totalNodes groups { id members } }`,
  ],
  [
    'whoWorksFor',
    `whoWorksFor(workerPoolId: "anc-pool", asOf: "${AS_OF}", recordedAt: $at) { organization { id name } depth ultimate }`,
  ],
  [
    'workforceBehind',
    `workforceBehind(organizationId: "anc-client", asOf: "${AS_OF}", recordedAt: $at) { workerPools { id size } totalWorkersMin }`,
  ],
  [
    'provenance',
    `provenance(taskId: "anc-task", asOf: "${AS_OF}", recordedAt: $at) { task { id name } endCustomers { id } depth }`,
  ],
  [
    'valueChain',
    `valueChain(taskId: "anc-task", asOf: "${AS_OF}", recordedAt: $at) { workerPool { id } workerShare hops { id } }`,
  ],
  [
    'connections',
    `connections(fromId: "anc-pool", toId: "anc-client", asOf: "${AS_OF}", recordedAt: $at) { paths { steps { link { id } } } }`,
  ],
  [
    'smallTask',
    `smallTask: entity(id: "anc-small-task", recordedAt: $at) { id ... on Task { unitPayEur paySuppressed } }`,
  ],
  [
    'smallProvenance',
    `smallProvenance: provenance(taskId: "anc-small-task", asOf: "${AS_OF}", recordedAt: $at) { task { id unitPayEur paySuppressed } }`,
  ],
  [
    'scorecard',
    `scorecard(organizationId: "anc-platform", asOf: "${AS_OF}", recordedAt: $at) { organization { id name } indicators { id value } audits { verdict } }`,
  ],
];

/** Each field asked alone (one failing must not hide another's answer): its data, or its error's code. */
async function answers(at: string | null): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [field, selection] of FIELDS) {
    const r = await api.query(`query($at: DateTime) { ${selection} }`, { at });
    out[field] = r.errors ? { error: r.errors[0]?.extensions?.code } : r.data![field];
  }
  return out;
}

describe('the record a view starts from, as recorded', () => {
  it('is found at T1 after its dataset was removed at T2, and not before T1 nor now', async () => {
    const t1 = (await importDataset(store, anchorsDataset())).change!.at;
    const atT1 = await answers(null);
    // The answers taken at T1 are real ones: every field found its root and something beyond it.
    for (const [field] of FIELDS) expect(atT1[field], field).not.toHaveProperty('error');
    expect(atT1.smallTask).toMatchObject({ unitPayEur: null, paySuppressed: true });
    expect(atT1.smallProvenance).toMatchObject({ task: { unitPayEur: null, paySuppressed: true } });
    expect(JSON.stringify(atT1.cascade)).toContain('anc-client');
    expect(JSON.stringify(atT1.whoWorksFor)).toContain('anc-client');
    expect(await answers(t1)).toEqual(atT1);

    await removeDataset(store, ID);
    const now = await answers(null);
    const before = await answers(seededAt);
    const atT1Again = await answers(t1);
    // The small group's pay, withheld then, stays withheld once its task and pool are retired (no current performer).
    expect(JSON.stringify(atT1Again)).not.toContain('0.0137');
    for (const [field, selection] of FIELDS) {
      // entity answers null for an id nothing holds; the others say NOT_FOUND.
      const gone = /^(\w+: )?entity\(/.test(selection) ? null : { error: 'NOT_FOUND' };
      expect(now[field], `${field} now`).toEqual(gone);
      expect(before[field], `${field} before T1`).toEqual(gone);
      expect(atT1Again[field], `${field} at T1, after the removal`).toEqual(atT1[field]);
    }
  });
});
