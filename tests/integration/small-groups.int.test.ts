// Small groups of workers against the real server: a pool under MIN_POOL_SIZE has its size and pay withheld from every
// field, left out of every total (counted apart), and its pay kept out of audits; MIN_POOL_SIZE=0 turns it off.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../server/cli/deep-labour.js';
import { importValid } from '../support/load-dataset.js';
import { cliEnv, testDatabase } from '../support/test-database.js';
import { startTestServer, useSeededServer } from '../support/test-server.js';

const S = ['sg-src'];
const dataset = {
  format: 'deep-labour/v1',
  id: 'small-groups-test',
  name: 'Small groups test (fictional)',
  sources: [{ id: 'sg-src', title: 'Small groups scenario (fictional)', type: 'other' }],
  organizations: [
    { id: 'sg-platform', name: 'Platform (fictional)', kind: 'platform', sources: S },
    { id: 'sg-client', name: 'Client (fictional)', kind: 'client', sources: S },
  ],
  workerPools: [
    { id: 'sg-small', name: 'Three workers (fictional)', country: 'FR', size: 3, sources: S },
    { id: 'sg-big', name: 'Two hundred workers (fictional)', country: 'FR', size: 200, sources: S },
  ],
  tasks: [
    {
      id: 'sg-task-small',
      name: 'Task only the small group does (fictional)',
      kind: 'annotation',
      unitPayEur: 0.01,
      minutesPerUnit: 1,
      sources: S,
    },
    {
      id: 'sg-task-both',
      name: 'Task both do (fictional)',
      kind: 'annotation',
      unitPayEur: 0.2,
      minutesPerUnit: 1,
      sources: S,
    },
  ],
  aiProducts: [],
  links: [
    { type: 'CONTRACTED_BY', from: 'sg-small', to: 'sg-platform', pricePerUnitEur: 0.01, sources: S },
    { type: 'CONTRACTED_BY', from: 'sg-big', to: 'sg-platform', pricePerUnitEur: 0.2, sources: S },
    { type: 'SUBCONTRACTS_FOR', from: 'sg-platform', to: 'sg-client', pricePerUnitEur: 0.5, sources: S },
    { type: 'PERFORMED_BY', from: 'sg-task-small', to: 'sg-small', sources: S },
    { type: 'PERFORMED_BY', from: 'sg-task-both', to: 'sg-small', sources: S },
    { type: 'PERFORMED_BY', from: 'sg-task-both', to: 'sg-big', sources: S },
    { type: 'ORDERED_BY', from: 'sg-task-small', to: 'sg-client', sources: S },
  ],
  claims: [
    {
      id: 'sg-claim',
      by: 'sg-platform',
      subject: 'sg-platform',
      kind: 'MIN_PAY',
      text: 'We pay at least €5 an hour (fictional).',
      params: { eurPerHour: 5 },
      sources: S,
    },
  ],
};

const api = useSeededServer(async (db) => {
  await importValid(db, dataset);
});

describe('small groups of workers', () => {
  it("withhold a small pool's size and pay from entities, cascades, provenance and the value chain", async () => {
    const r = await api.query(`{
      small: entity(id: "sg-small") { ... on WorkerPool { size sizeSuppressed } }
      big: entity(id: "sg-big") { ... on WorkerPool { size sizeSuppressed } }
      onlySmall: entity(id: "sg-task-small") { ... on Task { unitPayEur paySuppressed } }
      both: entity(id: "sg-task-both") { ... on Task { unitPayEur paySuppressed } }
      cascade(rootId: "sg-platform", maxDepth: 2) { nodes { id size sizeSuppressed } edges { id pricePerUnitEur priceSuppressed } }
      valueChain(taskId: "sg-task-small") { workerPool { id } workerPayPerUnitEur workerShare paySuppressed }
      provenance(taskId: "sg-task-small") { roles { workerPool { id size sizeSuppressed } } }
    }`);
    expect(r.errors).toBeUndefined();
    const d = r.data!;
    expect(d.small).toEqual({ size: null, sizeSuppressed: true });
    expect(d.big).toEqual({ size: 200, sizeSuppressed: false });
    expect(d.onlySmall).toEqual({ unitPayEur: null, paySuppressed: true });
    expect(d.both).toEqual({ unitPayEur: 0.2, paySuppressed: false });
    expect(d.cascade.nodes.find((n: any) => n.id === 'sg-small')).toEqual({
      id: 'sg-small',
      size: null,
      sizeSuppressed: true,
    });
    expect(d.cascade.edges.find((e: any) => e.id === 'CONTRACTED_BY:sg-small->sg-platform')).toMatchObject({
      pricePerUnitEur: null,
      priceSuppressed: true,
    });
    expect(d.cascade.edges.find((e: any) => e.id === 'CONTRACTED_BY:sg-big->sg-platform')).toMatchObject({
      pricePerUnitEur: 0.2,
      priceSuppressed: false,
    });
    expect(d.valueChain).toEqual([
      { workerPool: { id: 'sg-small' }, workerPayPerUnitEur: null, workerShare: null, paySuppressed: true },
    ]);
    // Found by the property test over every field (withheld-figures.int.test.ts): each pool's roles showed its size.
    expect(d.provenance.roles).toEqual([{ workerPool: { id: 'sg-small', size: null, sizeSuppressed: true } }]);
    expect(JSON.stringify(d)).not.toContain('0.01');
  });

  it('leave it out of totals and count it apart, so that no two answers can be subtracted to reveal it', async () => {
    const r = await api.query(
      '{ workforceBehind(organizationId: "sg-client") { workerPools { id size } totalWorkersMin totalWorkersMax suppressedPools } }',
    );
    expect(r.data!.workforceBehind).toEqual({
      workerPools: [
        { id: 'sg-big', size: 200 },
        { id: 'sg-small', size: null },
      ],
      totalWorkersMin: 200,
      totalWorkersMax: 200,
      suppressedPools: 1,
    });
  });

  it('keep its pay out of verdicts and indicators', async () => {
    const r = await api.query(
      '{ scorecard(organizationId: "sg-platform") { indicators { id value evidence { edges { id pricePerUnitEur } } } audits { verdict explanation evidence { edges { pricePerUnitEur } } } } }',
    );
    const text = JSON.stringify(r.data);
    expect(text).not.toMatch(/0\.6|€0\.01|0\.01/);
    expect(r.data!.scorecard.audits[0].verdict).toBe('UNVERIFIABLE');
  });

  it('are shown whole when MIN_POOL_SIZE is 0', async () => {
    const db = await testDatabase();
    const open = await startTestServer(db, { MIN_POOL_SIZE: '0' });
    try {
      const r = await open.query('{ entity(id: "sg-small") { ... on WorkerPool { size sizeSuppressed } } }');
      expect(r.data!.entity).toEqual({ size: 3, sizeSuppressed: false });
    } finally {
      await open.close();
      await db.close();
    }
  });

  it('are named in a warning when a dataset is validated', async () => {
    const err: string[] = [];
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'sg-')), 'small.json');
    writeFileSync(file, JSON.stringify(dataset));
    expect(await runCli(['validate', file], cliEnv(), { out: () => {}, err: (t) => err.push(t), isTTY: false })).toBe(
      0,
    );
    expect(err.join('\n')).toMatch(/workerPools\[0\]\.size: 3 workers is under MIN_POOL_SIZE \(10\)/);
  });
});
