// The curation write path as a red team tried it (issue 24), against the real server and Neo4j: withheld figures stay
// out of the history, one editor cannot wipe others' datasets, edits carry the version they were made on, review needs
// a second person and stays hidden until published, and a cited source cannot be retracted.
import { describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/index.js';
import { createToken } from '../../server/auth/token-store.js';
import { FIXTURES } from '../../server/fixtures.js';
import { importDataset } from '../../server/dataset/index.js';
import { codes, useSeededServer, type GraphqlResponse } from '../support/test-server.js';
import { datasetFile, validDataset } from '../support/load-dataset.js';

const S = ['rt-src'];
/** A file dataset with a pool of 3 (under MIN_POOL_SIZE, 10), its contract's price and the pay of the task only it does. */
const FILE = {
  format: 'deep-labour/v1',
  id: 'rt-file',
  name: 'Red team file (fictional)',
  sources: [{ id: 'rt-src', title: 'Red team scenario (fictional)', type: 'other' }],
  organizations: [{ id: 'rt-platform', name: 'Rt Platform (fictional)', kind: 'platform', country: 'FR', sources: S }],
  workerPools: [{ id: 'rt-small', name: 'Rt small group (fictional)', country: 'FR', size: 3, sources: S }],
  tasks: [
    {
      id: 'rt-task',
      name: 'Rt task (fictional)',
      kind: 'annotation',
      unitPayEur: 0.0107,
      minutesPerUnit: 1,
      sources: S,
    },
  ],
  aiProducts: [],
  links: [
    { type: 'CONTRACTED_BY', from: 'rt-small', to: 'rt-platform', pricePerUnitEur: 0.0123, sources: S },
    { type: 'PERFORMED_BY', from: 'rt-task', to: 'rt-small', sources: S },
  ],
  claims: [],
};
const CONTRACT = 'CONTRACTED_BY:rt-small->rt-platform';
const WITHHELD = [/"size":3\b/, /0\.0123/, /0\.0107/];

const tokens: Record<string, string> = {};
let store: Database;
const api = useSeededServer(async (db) => {
  store = db;
  await importDataset(db, datasetFile(FIXTURES.illustrative));
  await importDataset(db, validDataset(FILE));
  for (const [name, role] of [
    ['reader', 'reader'],
    ['editor', 'editor'],
    ['editor2', 'editor'],
    ['admin', 'admin'],
    ['admin2', 'admin'],
  ] as const) {
    tokens[name] = await createToken(db, `rt ${name}`, role, 'test');
  }
});

type Who = 'nobody' | 'reader' | 'editor' | 'editor2' | 'admin' | 'admin2';
const call = (who: Who, query: string, variables?: Record<string, unknown>) =>
  api.query(query, variables, who === 'nobody' ? {} : { authorization: `Bearer ${tokens[who]}` });
const ok = (r: GraphqlResponse) => {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!;
};
const leaks = (r: unknown) => WITHHELD.filter((re) => re.test(JSON.stringify(r))).map(String);

const CHANGE = 'change { id action status record before after summary author reason }';
const UPSERT_ENTITY = `mutation($e: EntityInput!, $reason: String!, $review: Boolean, $v: String) { upsertEntity(entity: $e, reason: $reason, needsReview: $review, expectedVersion: $v) { ${CHANGE} } }`;
const UPSERT_LINK = `mutation($l: LinkInput!, $reason: String!, $review: Boolean, $v: String) { upsertLink(link: $l, reason: $reason, needsReview: $review, expectedVersion: $v) { ${CHANGE} } }`;
const RETRACT = `mutation($id: ID!, $reason: String!, $review: Boolean) { retract(id: $id, reason: $reason, needsReview: $review) { ${CHANGE} } }`;
const REVERT = `mutation($id: ID!, $reason: String!) { revert(changeId: $id, reason: $reason) { ${CHANGE} } }`;
const ACCEPT = `mutation($id: ID!, $reason: String!) { acceptChange(changeId: $id, reason: $reason) { ${CHANGE} } }`;
const IMPORT =
  'mutation($d: JSON!) { importDataset(dataset: $d, reason: "red team") { dataset removed { records links } change { id } } }';
const HISTORY = 'query($id: ID!) { history(id: $id) { id action status author reason summary before after } }';
const CHANGES =
  '{ changes(first: 200) { edges { node { id action status record author reason summary before after } } } }';
const VERSION = 'query($id: ID!) { recordVersion(id: $id) }';

describe('withheld figures in the history (finding 1)', () => {
  it('a name-only edit of a small pool, its contract and its task, then a retraction, show no size, price or pay to anyone', async () => {
    const answers: unknown[] = [];
    answers.push(
      ok(
        await call('editor', UPSERT_ENTITY, {
          e: { id: 'rt-small', kind: 'worker-pool', name: 'Rt small group, renamed (fictional)' },
          reason: 'clearer name',
        }),
      ),
    );
    answers.push(
      ok(
        await call('editor', UPSERT_LINK, {
          l: { type: 'CONTRACTED_BY', from: 'rt-small', to: 'rt-platform', note: 'a note' },
          reason: 'note',
        }),
      ),
    );
    answers.push(
      ok(
        await call('editor', UPSERT_ENTITY, {
          e: { id: 'rt-task', kind: 'task', name: 'Rt task, renamed (fictional)' },
          reason: 'clearer name',
        }),
      ),
    );
    const retracted = ok(await call('editor', RETRACT, { id: CONTRACT, reason: 'contract ended' }));
    answers.push(retracted);
    for (const who of ['nobody', 'reader', 'editor', 'admin'] as const) {
      for (const id of ['rt-small', CONTRACT, 'rt-task']) answers.push(ok(await call(who, HISTORY, { id })));
      answers.push(ok(await call(who, CHANGES)));
    }
    // The states say what was withheld, and keep what is not a figure.
    const history = ok(await call('nobody', HISTORY, { id: 'rt-small' })).history;
    expect(history[0].after.item).toMatchObject({ name: 'Rt small group, renamed (fictional)', country: 'FR' });
    expect(history[0].after.withheld).toEqual(['size']);
    expect(retracted.retract.change.before.withheld).toEqual(['pricePerUnitEur']);
    expect(answers.flatMap(leaks)).toEqual([]);
    ok(await call('editor', REVERT, { id: retracted.retract.change.id, reason: 'back' }));
  });
});

describe('datasets have owners and kinds (finding 2)', () => {
  it("importDataset cannot replace the curated dataset: others' edits stay and editing goes on", async () => {
    ok(
      await call('editor2', UPSERT_ENTITY, {
        e: { id: 'rt-curated-org', kind: 'vendor', name: 'Curated org (fictional)' },
        reason: 'curated',
      }),
    );
    const r = await call('editor', IMPORT, {
      d: {
        format: 'deep-labour/v1',
        id: 'curated',
        name: 'x',
        sources: [],
        organizations: [{ id: 'rt-x', name: 'X (fictional)', kind: 'vendor' }],
      },
    });
    expect(codes(r)).toEqual(['FORBIDDEN']);
    expect(r.errors![0]!.message).toMatch(/curated/);
    const admin = await call('admin', IMPORT, {
      d: { format: 'deep-labour/v1', id: 'curated', name: 'x', sources: [] },
    });
    expect(codes(admin)).toEqual(['FORBIDDEN']);
    expect(ok(await api.query('{ entity(id: "rt-curated-org") { name } }')).entity).toEqual({
      name: 'Curated org (fictional)',
    });
    ok(
      await call('admin', UPSERT_ENTITY, {
        e: { id: 'rt-curated-org', kind: 'vendor', name: 'Curated org, again (fictional)' },
        reason: 'still editable',
      }),
    );
  });

  it('an edit cannot land in a file dataset, and importDataset of a file dataset that drops records needs an admin', async () => {
    const before = ok(await api.query('{ entity(id: "rt-platform") { id } }')).entity;
    expect(before).toEqual({ id: 'rt-platform' });
    const wipe = await call('editor', IMPORT, {
      d: { format: 'deep-labour/v1', id: 'rt-file', name: 'Red team file (fictional)', sources: [] },
    });
    expect(codes(wipe)).toEqual(['FORBIDDEN']);
    expect(ok(await api.query('{ entity(id: "rt-platform") { id } }')).entity).toEqual(before);
    // An editor's own new file dataset: created, then grown; dropping a record from it needs an admin.
    const own = {
      format: 'deep-labour/v1',
      id: 'rt-own',
      name: 'Own notes (fictional)',
      sources: [{ id: 'rt-own-src', title: 'Own notes (fictional)', type: 'other' }],
      organizations: [{ id: 'rt-own-org', name: 'Own org (fictional)', kind: 'vendor', sources: ['rt-own-src'] }],
    };
    ok(await call('editor', IMPORT, { d: own }));
    ok(
      await call('editor', IMPORT, {
        d: {
          ...own,
          organizations: [...own.organizations, { id: 'rt-own-org2', name: 'Own org two (fictional)', kind: 'vendor' }],
        },
      }),
    );
    expect(codes(await call('editor2', IMPORT, { d: own }))).toEqual(['FORBIDDEN']);
    expect(codes(await call('editor', IMPORT, { d: own }))).toEqual(['FORBIDDEN']);
    expect(ok(await api.query('{ entity(id: "rt-own-org2") { id } }')).entity).toEqual({ id: 'rt-own-org2' });
    const admin = ok(await call('admin', IMPORT, { d: own })).importDataset;
    expect(admin.removed).toEqual({ records: 1, links: 0 });
  });
});

describe('edits carry the version they were made on (finding 3)', () => {
  it('an edit made on an older version is refused with CONFLICT, and one on the current version goes through', async () => {
    const read = String(ok(await call('editor', VERSION, { id: 'ex-nexa' })).recordVersion);
    ok(
      await call('editor2', UPSERT_ENTITY, {
        e: { id: 'ex-nexa', kind: 'vendor', country: 'DE' },
        reason: 'moved',
        v: read,
      }),
    );
    const late = await call('editor', UPSERT_ENTITY, {
      e: { id: 'ex-nexa', kind: 'vendor', name: 'Nexa renamed (fictional)' },
      reason: 'renamed',
      v: read,
    });
    expect(codes(late)).toEqual(['CONFLICT']);
    expect(
      ok(await api.query('{ entity(id: "ex-nexa") { name ... on Organization { country } } }')).entity.country,
    ).toBe('DE');
    const now = String(ok(await call('editor', VERSION, { id: 'ex-nexa' })).recordVersion);
    expect(now).not.toBe(read);
    ok(
      await call('editor', UPSERT_ENTITY, {
        e: { id: 'ex-nexa', kind: 'vendor', name: 'Nexa renamed (fictional)' },
        reason: 'renamed',
        v: now,
      }),
    );
    expect(ok(await api.query('{ entity(id: "ex-nexa") { name ... on Organization { country } } }')).entity).toEqual({
      name: 'Nexa renamed (fictional)',
      country: 'DE',
    });
  });

  it('accepting a proposal made before a later edit is refused with CONFLICT: it would undo that edit', async () => {
    const proposed = ok(
      await call('editor', UPSERT_ENTITY, {
        e: { id: 'ex-modero', kind: 'vendor', name: 'Modero proposed (fictional)' },
        reason: 'proposal',
        review: true,
      }),
    ).upsertEntity.change;
    ok(
      await call('editor2', UPSERT_ENTITY, { e: { id: 'ex-modero', kind: 'vendor', country: 'DE' }, reason: 'moved' }),
    );
    const accept = await call('admin', ACCEPT, { id: proposed.id, reason: 'looks right' });
    expect(codes(accept)).toEqual(['CONFLICT']);
    expect(ok(await api.query('{ entity(id: "ex-modero") { ... on Organization { country } } }')).entity.country).toBe(
      'DE',
    );
  });
});

describe('review means a second person, out of sight until published (finding 4)', () => {
  it('an admin cannot accept their own proposal; another admin can', async () => {
    const link = {
      id: 'rt-review-own',
      type: 'SUBCONTRACTS_FOR',
      from: 'ex-nexa',
      to: 'ex-modero',
      sources: ['ex-src-scenario'],
    };
    const proposed = ok(await call('admin', UPSERT_LINK, { l: link, reason: 'my proposal', review: true })).upsertLink
      .change;
    expect(codes(await call('admin', ACCEPT, { id: proposed.id, reason: 'self' }))).toEqual(['FORBIDDEN']);
    expect(ok(await call('admin2', ACCEPT, { id: proposed.id, reason: 'checked' })).acceptChange.change.action).toBe(
      'accept',
    );
  });

  it('filing and rejecting a proposal move neither storeVersion nor the ledger readers see, and readers never see a rejected proposal', async () => {
    // The ledger's head as readers see it (Query.ledger) is stamped by published changes only, as the version is.
    const version = async () => JSON.stringify(ok(await api.query('{ storeVersion ledger { seq hash } }')));
    const v0 = await version();
    const proposed = ok(
      await call('editor', UPSERT_ENTITY, {
        e: { id: 'rt-platform', kind: 'platform', name: 'Accused of something (fictional)' },
        reason: 'an accusation',
        review: true,
      }),
    ).upsertEntity.change;
    expect(await version()).toBe(v0);
    const rejected = ok(await call('admin', REVERT, { id: proposed.id, reason: 'unfounded' })).revert.change;
    expect(await version()).toBe(v0);
    for (const who of ['nobody', 'reader'] as const) {
      const seen = JSON.stringify([ok(await call(who, HISTORY, { id: 'rt-platform' })), ok(await call(who, CHANGES))]);
      expect(seen).not.toContain('Accused of something');
      expect(seen).not.toContain('an accusation');
      expect(seen).not.toContain(`"${rejected.id}"`);
    }
    const editorSees = JSON.stringify(ok(await call('editor', HISTORY, { id: 'rt-platform' })));
    expect(editorSees).toContain('an accusation');
    expect(editorSees).toContain(rejected.id);
  });
});

describe('retracting a cited source (finding 6)', () => {
  it('is refused with how many records cite it, and changes nothing', async () => {
    const r = await call('editor', RETRACT, { id: 'ex-src-scenario', reason: 'doubt' });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0]!.message).toMatch(/cited by \d+ records?/);
    expect(ok(await call('editor', HISTORY, { id: 'ex-src-scenario' })).history).toEqual([]);
    const sources = ok(await api.query('{ entity(id: "ex-nexa") { sources { id } } }')).entity.sources.map(
      (s: { id: string }) => s.id,
    );
    expect(sources).toContain('ex-src-scenario');
  });

  it('an uncited source can still be retracted', async () => {
    ok(
      await call(
        'editor',
        'mutation { upsertSource(source: { id: "rt-lonely", title: "Lonely (fictional)", type: "other" }, reason: "test") { change { id } } }',
      ),
    );
    expect(ok(await call('editor', RETRACT, { id: 'rt-lonely', reason: 'not used' })).retract.change.action).toBe(
      'retract',
    );
  });
});

// Keeps `store` used: the file's own database, for checks that need it later.
void (() => store);
