// Curation over HTTP against a real Neo4j: tokens and roles, mutations validated as imports are, one transaction each,
// retract and revert round trips, review, and a history of every change; other views follow each change.
import { describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/index.js';
import { createToken, revokeToken } from '../../server/auth/token-store.js';
import { FIXTURES } from '../../server/fixtures.js';
import { importDataset, validateDataset } from '../../server/dataset/index.js';
import { codes, startTestServer, useSeededServer, type GraphqlResponse } from '../support/test-server.js';
import { datasetFile } from '../support/load-dataset.js';
import { runCli } from '../../server/cli/deep-labour.js';
import { cliEnv } from '../support/test-database.js';

const tokens: Record<string, string> = {};
let store: Database;
const api = useSeededServer(async (db) => {
  store = db;
  await importDataset(db, datasetFile(FIXTURES.illustrative));
  for (const role of ['reader', 'editor', 'admin'] as const)
    tokens[role] = await createToken(db, `test ${role}`, role, 'test');
  tokens.revoked = await createToken(db, 'test revoked', 'editor', 'test');
  await revokeToken(db, 'test revoked');
});

const as = (who: 'reader' | 'editor' | 'admin' | 'revoked' | 'nobody'): Record<string, string> =>
  who === 'nobody' ? {} : { authorization: `Bearer ${tokens[who]}` };
const call = (who: Parameters<typeof as>[0], query: string, variables?: Record<string, unknown>) =>
  api.query(query, variables, as(who));
const ok = (r: GraphqlResponse) => {
  expect(
    r.errors,
    JSON.stringify(r.errors) + String((api.logged.at(-1) as Error | undefined)?.cause ?? api.logged.at(-1) ?? ''),
  ).toBeUndefined();
  return r.data!;
};

const CHANGE = 'change { id author role dataset reason summary action record status before after revertOf settledBy }';
const UPSERT_LINK = `mutation($link: LinkInput!, $reason: String!, $review: Boolean) { upsertLink(link: $link, reason: $reason, needsReview: $review) { ${CHANGE} warnings { path message } } }`;
const UPSERT_ENTITY = `mutation($entity: EntityInput!, $reason: String!) { upsertEntity(entity: $entity, reason: $reason) { ${CHANGE} warnings { path message } } }`;
const RETRACT = `mutation($id: ID!, $reason: String!, $review: Boolean) { retract(id: $id, reason: $reason, needsReview: $review) { ${CHANGE} } }`;
const REVERT = `mutation($id: ID!, $reason: String!) { revert(changeId: $id, reason: $reason) { ${CHANGE} } }`;
const ACCEPT = `mutation($id: ID!, $reason: String!) { acceptChange(changeId: $id, reason: $reason) { ${CHANGE} } }`;
const HISTORY = `query($id: ID!) { history(id: $id) { id action status author reason summary } }`;
const AUDIT = `query($id: ID!) { audit(claimId: $id) { verdict } }`;
const STATS = '{ stats { links { count } } }';
const NEW_LINK = {
  id: 'cur-nexa-modero',
  type: 'SUBCONTRACTS_FOR',
  from: 'ex-nexa',
  to: 'ex-modero',
  since: '2020',
  sources: ['ex-src-scenario'],
};

const linkCount = async () =>
  (ok(await api.query(STATS)).stats.links as { count: number }[]).reduce((n, l) => n + l.count, 0);
const verdict = async (claimId: string) => String(ok(await api.query(AUDIT, { id: claimId })).audit[0].verdict);

describe('tokens and roles', () => {
  it('writes need a token: none answers UNAUTHENTICATED, a reader FORBIDDEN, a revoked or malformed one UNAUTHENTICATED', async () => {
    const vars = { link: NEW_LINK, reason: 'test' };
    expect(codes(await call('nobody', UPSERT_LINK, vars))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await call('reader', UPSERT_LINK, vars))).toEqual(['FORBIDDEN']);
    const revoked = await call('revoked', UPSERT_LINK, vars);
    expect(revoked.status).toBe(401);
    expect(codes(revoked)).toEqual(['UNAUTHENTICATED']);
    expect(revoked.errors![0]!.message).not.toContain(tokens.revoked);
    const malformed = await api.query(STATS, {}, { authorization: 'Bearer not-a-token' });
    expect(codes(malformed)).toEqual(['UNAUTHENTICATED']);
    expect(JSON.stringify(malformed)).not.toContain('not-a-token');
    expect(codes(await call('editor', ACCEPT, { id: 'change-1', reason: 'x' }))).toEqual(['FORBIDDEN']);
  });

  it('reads work without a token, and `me` names the caller', async () => {
    expect(ok(await call('nobody', '{ me { name } }')).me).toBeNull();
    expect(ok(await call('editor', '{ me { name role } }')).me).toEqual({ name: 'test editor', role: 'editor' });
  });

  it('the CLI makes a token printed once, lists tokens without their secrets, and revokes one only when confirmed', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t), isTTY: false };
    expect(await runCli(['token', 'create', '--name', 'cli editor', '--role', 'editor'], cliEnv(), io)).toBe(0);
    const secret = out.pop()!;
    expect(ok(await api.query('{ me { name role } }', {}, { authorization: `Bearer ${secret}` })).me).toEqual({
      name: 'cli editor',
      role: 'editor',
    });
    expect(await runCli(['token', 'create', '--name', 'cli editor', '--role', 'editor'], cliEnv(), io)).toBe(1);
    expect(err.pop()).toMatch(/exists already/);
    expect(await runCli(['token', 'create', '--name', 'x', '--role', 'owner'], cliEnv(), io)).toBe(1);
    expect(await runCli(['token', 'list'], cliEnv(), io)).toBe(0);
    expect(out.join('\n')).toMatch(/cli editor\teditor/);
    expect(out.join('\n')).not.toContain(secret);
    expect(await runCli(['token', 'revoke', 'cli editor'], cliEnv(), io)).toBe(1);
    expect(err.pop()).toMatch(/add --yes/);
    expect(codes(await api.query('{ me { name } }', {}, { authorization: `Bearer ${secret}` }))).toEqual([]);
    expect(await runCli(['token', 'revoke', 'cli editor', '--yes'], cliEnv(), io)).toBe(0);
    expect(codes(await api.query('{ me { name } }', {}, { authorization: `Bearer ${secret}` }))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });

  it('READ_REQUIRES_TOKEN=true refuses reads without a token, and answers them with one', async () => {
    const closed = await startTestServer(store, { READ_REQUIRES_TOKEN: 'true' });
    try {
      const anonymous = await closed.query(STATS);
      expect(anonymous.status).toBe(401);
      expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
      expect(anonymous.errors![0]!.message).toMatch(/READ_REQUIRES_TOKEN/);
      expect(codes(await closed.query(STATS, {}, as('reader')))).toEqual([]);
    } finally {
      await closed.close();
    }
  });

  it('never writes a token to the logs', () => {
    expect(JSON.stringify(api.logged)).not.toMatch(/dle_/);
  });
});

describe('mutations', () => {
  it("a link that fails validation is refused with the field path and the import's message, and changes nothing", async () => {
    const before = await linkCount();
    const r = await call('editor', UPSERT_LINK, {
      link: { ...NEW_LINK, since: '2021-02-30', to: 'ex-task-archive' },
      reason: 'test',
    });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    const problems = r.errors![0]!.extensions!.problems!;
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'link.since', message: 'bad date "2021-02-30": use YYYY-MM-DD, YYYY-MM or YYYY' },
        {
          path: 'link.to',
          message: 'SUBCONTRACTS_FOR must go to a node in "organizations", but "ex-task-archive" is in "tasks"',
        },
      ]),
    );
    expect(await linkCount()).toBe(before);
    expect(ok(await call('editor', HISTORY, { id: NEW_LINK.id })).history).toEqual([]);
  });

  it('refuses an edit without a reason, a field another kind takes, and writing into an imported dataset', async () => {
    expect(codes(await call('editor', UPSERT_LINK, { link: NEW_LINK, reason: '  ' }))).toEqual(['BAD_USER_INPUT']);
    const r = await call('editor', UPSERT_ENTITY, {
      entity: { id: 'cur-x', name: 'X (fictional)', kind: 'platform', size: 40 },
      reason: 'test',
    });
    expect(r.errors![0]!.extensions!.problems).toEqual([
      { path: 'entity.size', message: expect.stringMatching(/workerPools/) },
    ]);
    const imported = await call(
      'editor',
      `mutation { upsertSource(dataset: "illustrative-cascade", reason: "x", source: { id: "s", title: "S", type: "other" }) { change { id } } }`,
    );
    expect(codes(imported)).toEqual(['BAD_USER_INPUT']);
    expect(imported.errors![0]!.message).toMatch(/imported file/);
  });

  it('adds a sourced link that changes an audit verdict, then retracts and reverts it, each step in the history', async () => {
    const claim = 'ex-claim-modero-no-subcontracting';
    const original = await verdict(claim);
    const links = await linkCount();
    const added = ok(
      await call('editor', UPSERT_LINK, { link: NEW_LINK, reason: 'the scenario names the order' }),
    ).upsertLink;
    expect(added.change).toMatchObject({
      author: 'test editor',
      role: 'editor',
      dataset: 'curated',
      action: 'upsert',
      record: NEW_LINK.id,
      status: 'applied',
      before: null,
    });
    expect(added.change.after.item).toMatchObject({
      type: 'SUBCONTRACTS_FOR',
      from: 'ex-nexa',
      to: 'ex-modero',
      since: '2020',
    });
    expect(await linkCount()).toBe(links + 1);
    expect(await verdict(claim)).toBe('CONTRADICTED');
    expect(original).not.toBe('CONTRADICTED');
    const scorecard = ok(
      await api.query('{ scorecard(organizationId: "ex-modero") { audits { claim { id } verdict } } }'),
    ).scorecard;
    expect(scorecard.audits).toContainEqual({ claim: { id: claim }, verdict: 'CONTRADICTED' });
    // The provenance-style views read the same store: the cascade around the vendor now shows the link, with its source.
    const cascade = ok(
      await api.query(`{ cascade(rootId: "ex-modero", maxDepth: 1) { edges { id sources { id } } } }`),
    ).cascade;
    expect(cascade.edges).toContainEqual({ id: NEW_LINK.id, sources: [{ id: 'ex-src-scenario' }] });

    const retracted = ok(await call('editor', RETRACT, { id: NEW_LINK.id, reason: 'the order was cancelled' })).retract
      .change;
    expect(retracted).toMatchObject({ action: 'retract', status: 'applied', after: null });
    expect(await linkCount()).toBe(links);
    expect(await verdict(claim)).toBe(original);

    const reverted = ok(await call('editor', REVERT, { id: retracted.id, reason: 'it was not cancelled' })).revert
      .change;
    expect(reverted).toMatchObject({ action: 'revert', revertOf: retracted.id });
    expect(await linkCount()).toBe(links + 1);
    expect(await verdict(claim)).toBe('CONTRADICTED');

    const history = ok(await api.query(HISTORY, { id: NEW_LINK.id })).history;
    expect(history.map((c: { action: string; status: string }) => `${c.action}:${c.status}`)).toEqual([
      'revert:applied',
      'retract:reverted',
      'upsert:applied',
    ]);
    expect(history[2]).toMatchObject({ author: 'test editor', reason: 'the scenario names the order' });

    // Reverting the first change while a later one stands is refused; newest first works.
    expect(codes(await call('editor', REVERT, { id: added.change.id, reason: 'x' }))).toEqual(['BAD_USER_INPUT']);
    ok(await call('editor', REVERT, { id: reverted.id, reason: 'cancelled after all' }));
    expect(await verdict(claim)).toBe(original);
  });

  it('corrects an imported organisation in the curated dataset; reverting shows the imported version again', async () => {
    const name = async () => ok(await api.query('{ entity(id: "ex-nexa") { name } }')).entity.name;
    const imported = await name();
    const r = ok(
      await call('editor', UPSERT_ENTITY, {
        entity: {
          id: 'ex-nexa',
          name: 'Nexa Services (fictional)',
          kind: 'vendor',
          country: 'FR',
          sources: ['ex-src-scenario'],
        },
        reason: 'renamed in 2024',
      }),
    ).upsertEntity;
    expect(r.change.before).toBeNull();
    expect(await name()).toBe('Nexa Services (fictional)');
    ok(await call('editor', REVERT, { id: r.change.id, reason: 'wrong company' }));
    expect(await name()).toBe(imported);
  });

  it('a correction keeps the fields it leaves out (a withheld pool size included) and removes those given as null', async () => {
    const pool = async () =>
      ok(
        await api.query('{ entity(id: "ex-pool-fr-home") { name ... on WorkerPool { country size sizeSuppressed } } }'),
      ).entity;
    const before = await pool();
    const r = ok(
      await call('editor', UPSERT_ENTITY, {
        entity: {
          id: 'ex-pool-fr-home',
          kind: 'worker-pool',
          name: 'Home-based transcribers, France (fictional, renamed)',
          country: null,
        },
        reason: 'clearer name',
      }),
    ).upsertEntity;
    expect(r.change.after.item).not.toHaveProperty('country');
    const after = await pool();
    expect(after).toMatchObject({
      name: 'Home-based transcribers, France (fictional, renamed)',
      country: null,
      size: before.size,
      sizeSuppressed: before.sizeSuppressed,
    });
    ok(await call('editor', REVERT, { id: r.change.id, reason: 'back' }));
    expect(await pool()).toEqual(before);
  });

  it('provenance follows a retraction: the task loses its client, and gets it back on revert', async () => {
    const clients = async () =>
      (
        ok(await api.query('{ provenance(taskId: "ex-task-archive") { clients { id } } }')).provenance.clients as {
          id: string;
        }[]
      ).map((c) => c.id);
    const before = await clients();
    expect(before.length).toBeGreaterThan(0);
    const id = `ORDERED_BY:ex-task-archive->${before[0]}`;
    const change = ok(await call('editor', RETRACT, { id, reason: 'the order was for another archive' })).retract
      .change;
    expect(await clients()).not.toContain(before[0]);
    ok(await call('editor', REVERT, { id: change.id, reason: 'same archive after all' }));
    expect(await clients()).toEqual(before);
  });

  it('refuses to retract an entity that links still use, and changes nothing', async () => {
    const r = await call('editor', RETRACT, { id: 'ex-taskora', reason: 'x' });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0]!.message).toMatch(/used by \d+ links/);
    expect(ok(await api.query('{ entity(id: "ex-taskora") { id } }')).entity).toEqual({ id: 'ex-taskora' });
  });

  it('a re-import leaves a retracted link out and says so', async () => {
    const id = 'SUBCONTRACTS_FOR:ex-chatfix->ex-retailmax';
    const change = ok(await call('editor', RETRACT, { id, reason: 'contract ended before the period studied' })).retract
      .change;
    const summary = await importDataset(store, datasetFile(FIXTURES.illustrative));
    expect(summary.retracted).toBe(1);
    expect(summary.warnings.map((w) => w.message).join('\n')).toContain(`was retracted by an editor (${change.id}`);
    expect(
      ok(await api.query(`{ cascade(rootId: "ex-chatfix", maxDepth: 1) { edges { id } } }`)).cascade.edges.map(
        (e: { id: string }) => e.id,
      ),
    ).not.toContain(id);
    ok(await call('editor', REVERT, { id: change.id, reason: 'back' }));
    expect(
      ok(await api.query(`{ cascade(rootId: "ex-chatfix", maxDepth: 1) { edges { id } } }`)).cascade.edges.map(
        (e: { id: string }) => e.id,
      ),
    ).toContain(id);
  });

  it('importDataset imports as the CLI does and is recorded as one change with its counts', async () => {
    const dataset = {
      format: 'deep-labour/v1',
      id: 'team-notes',
      name: 'Team notes (fictional)',
      sources: [{ id: 'tn-src', title: 'Team notes (fictional)', type: 'other' }],
      organizations: [{ id: 'tn-org', name: 'Tn Org (fictional)', kind: 'vendor', sources: ['tn-src'] }],
    };
    const r = ok(
      await call(
        'editor',
        `mutation($d: JSON!) { importDataset(dataset: $d, reason: "first notes") { dataset created { records links } retracted change { id action author counts } } }`,
        { d: dataset },
      ),
    ).importDataset;
    expect(r).toMatchObject({
      dataset: 'team-notes',
      created: { records: 2, links: 0 },
      retracted: 0,
      change: { action: 'import', author: 'test editor' },
    });
    expect(r.change.counts.created).toEqual({ records: 2, links: 0 });
    const bad = await call('editor', `mutation($d: JSON!) { importDataset(dataset: $d) { dataset } }`, {
      d: { ...dataset, organizations: [{ id: 'tn-org', name: 'x', kind: 'nope' }] },
    });
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0]!.extensions!.problems![0]!.path).toBe('dataset.organizations[0].kind');
    expect(validateDataset(dataset).ok).toBe(true);
  });
});

describe('review', () => {
  it('a change marked for review is not published until an admin accepts it; readers do not see it waiting', async () => {
    const link = { ...NEW_LINK, id: 'cur-review', from: 'ex-datavolt', to: 'ex-modero' };
    const links = await linkCount();
    const proposed = ok(await call('editor', UPSERT_LINK, { link, reason: 'an interview says so', review: true }))
      .upsertLink.change;
    expect(proposed.status).toBe('pending');
    expect(await linkCount()).toBe(links);
    const queue = ok(await call('admin', '{ changes(pendingOnly: true) { edges { node { id } } } }')).changes.edges.map(
      (e: { node: { id: string } }) => e.node.id,
    );
    expect(queue).toContain(proposed.id);
    expect(ok(await api.query(HISTORY, { id: link.id })).history).toEqual([]);
    expect(codes(await api.query('{ changes(pendingOnly: true) { edges { cursor } } }'))).toEqual(['BAD_USER_INPUT']);

    const accepted = ok(await call('admin', ACCEPT, { id: proposed.id, reason: 'checked the interview notes' }))
      .acceptChange.change;
    expect(accepted).toMatchObject({ action: 'accept', author: 'test admin' });
    expect(await linkCount()).toBe(links + 1);
    expect(
      ok(await api.query(HISTORY, { id: link.id })).history.map(
        (c: { action: string; status: string }) => `${c.action}:${c.status}`,
      ),
    ).toEqual(['accept:applied', 'upsert:accepted']);

    const second = ok(await call('editor', RETRACT, { id: link.id, reason: 'doubt', review: true })).retract.change;
    expect(codes(await call('editor', REVERT, { id: second.id, reason: 'x' }))).toEqual(['FORBIDDEN']);
    const rejected = ok(await call('admin', REVERT, { id: second.id, reason: 'the notes are clear' })).revert.change;
    expect(rejected.action).toBe('reject');
    expect(await linkCount()).toBe(links + 1);
  });

  it('lists every change newest first as a connection, by dataset and page', async () => {
    const first = ok(
      await api.query(
        '{ changes(first: 2) { edges { cursor node { id at author dataset reason summary } } pageInfo { hasNextPage endCursor } } }',
      ),
    ).changes;
    expect(first.edges).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = ok(
      await api.query('query($after: String) { changes(first: 2, after: $after) { edges { node { id } } } }', {
        after: first.pageInfo.endCursor,
      }),
    ).changes;
    const num = (id: string) => Number(id.replace('change-', ''));
    expect(num(next.edges[0].node.id)).toBeLessThan(num(first.edges[1].node.id));
    const curated = ok(await api.query('{ changes(dataset: "curated", first: 200) { edges { node { dataset } } } }'))
      .changes.edges;
    expect(curated.length).toBeGreaterThan(0);
    expect(curated.every((e: { node: { dataset: string } }) => e.node.dataset === 'curated')).toBe(true);
    expect(codes(await api.query('{ changes(since: "yesterday") { edges { cursor } } }'))).toEqual(['BAD_USER_INPUT']);
  });
});
