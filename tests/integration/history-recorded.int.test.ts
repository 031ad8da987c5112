// A record's history as recorded (historyPage and history with recordedAt) against a real Neo4j: a saved view's
// history must show what the store showed at its moment — the changes made by then, each with its review status then,
// each role seeing only what it could see then — and must not show a small group's figure that was withheld then, even
// when a later change would let today's history show it. Hold-out: each answer is taken at its moment, before the
// changes after it, and compared later with what recordedAt gives.
import { describe, expect, it } from 'vitest';
import { createToken } from '../../server/auth/token-store.js';
import { importDataset } from '../../server/dataset/index.js';
import { FIXTURES } from '../../server/fixtures.js';
import { datasetFile } from '../support/load-dataset.js';
import { codes, useSeededServer, type GraphqlResponse } from '../support/test-server.js';

const tokens: Record<string, string> = {};
let seededAt = '';
const api = useSeededServer(async (db) => {
  seededAt = (await importDataset(db, datasetFile(FIXTURES.illustrative))).change!.at;
  for (const role of ['reader', 'editor', 'admin'] as const)
    tokens[role] = await createToken(db, `history-recorded ${role}`, role, 'test');
});

type Who = 'reader' | 'editor' | 'admin' | 'nobody';
const as = (who: Who): Record<string, string> => (who === 'nobody' ? {} : { authorization: `Bearer ${tokens[who]}` });
const ok = (r: GraphqlResponse) => {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!;
};

const CHANGE = 'id action status author summary revertOf reviewedBy reviewedAt settledBy before after';
const PAGE = `query($id: ID!, $at: DateTime, $first: Int, $after: String) {
  historyPage(id: $id, recordedAt: $at, first: $first, after: $after) {
    edges { cursor node { ${CHANGE} } } pageInfo { hasNextPage endCursor } } }`;
const OLD = `query($id: ID!, $at: DateTime) { history(id: $id, recordedAt: $at) { ${CHANGE} } }`;
const UPSERT_ENTITY = `mutation($e: EntityInput!, $review: Boolean) {
  upsertEntity(entity: $e, reason: "history-recorded test", needsReview: $review) { change { id at } } }`;
const UPSERT_LINK = `mutation($l: LinkInput!) { upsertLink(link: $l, reason: "history-recorded test") { change { id at } } }`;
const REVERT = `mutation($id: ID!) { revert(changeId: $id, reason: "history-recorded test") { change { id at } } }`;
const ACCEPT = `mutation($id: ID!) { acceptChange(changeId: $id, reason: "history-recorded test") { change { id at } } }`;

/** A mutation's change (id and moment). */
const mutate = async (who: Who, query: string, variables: Record<string, unknown>) =>
  Object.values(ok(await api.query(query, variables, as(who))))[0].change as { id: string; at: string };
const historyOf = async (who: Who, id: string, at: string | null = null) =>
  ok(await api.query(PAGE, { id, at, first: 200 }, as(who))).historyPage.edges.map(
    (e: { node: Record<string, unknown> }) => e.node,
  ) as Record<string, unknown>[];

const ORG = 'ex-datavolt';

describe('a record history as recorded (recordedAt)', () => {
  it('shows the changes made by each moment with their review status then, to each role as it could see them then', async () => {
    const roles: Who[] = ['nobody', 'reader', 'admin'];
    const taken: { at: string; who: Who; answer: Record<string, unknown>[] }[] = [];
    const take = async (at: string) => {
      for (const who of roles) taken.push({ at, who, answer: await historyOf(who, ORG) });
    };
    await take(seededAt);
    // A proposal, waiting; then accepted by an admin.
    const proposed = await mutate('editor', UPSERT_ENTITY, {
      e: { id: ORG, kind: 'vendor', name: 'DataVolt (proposed in test)' },
      review: true,
    });
    await take(proposed.at);
    const accepted = await mutate('admin', ACCEPT, { id: proposed.id });
    await take(accepted.at);
    // A second proposal, waiting; then rejected.
    const second = await mutate('editor', UPSERT_ENTITY, {
      e: { id: ORG, kind: 'vendor', name: 'DataVolt (second proposal)' },
      review: true,
    });
    await take(second.at);
    const rejected = await mutate('admin', REVERT, { id: second.id });
    await take(rejected.at);
    // An edit applied at once; then reverted.
    const edited = await mutate('editor', UPSERT_ENTITY, { e: { id: ORG, kind: 'vendor', name: 'DataVolt (edited)' } });
    await take(edited.at);
    const reverted = await mutate('editor', REVERT, { id: edited.id });
    await take(reverted.at);

    // Today's history has moved on: the proposals settled, the edit reverted.
    const now = await historyOf('admin', ORG);
    const status = (list: Record<string, unknown>[], id: string) => list.find((c) => c.id === id)?.status;
    expect(status(now, proposed.id)).toBe('accepted');
    expect(status(now, second.id)).toBe('rejected');
    expect(status(now, edited.id)).toBe('reverted');
    expect(now.find((c) => c.id === edited.id)?.settledBy).toBe(reverted.id);

    // Each answer taken at its moment is what recordedAt gives now, whole, for each role.
    for (const { at, who, answer } of taken) expect(await historyOf(who, ORG, at), `${who} at ${at}`).toEqual(answer);

    // Spelled out: at the proposal, an admin sees it waiting, unreviewed; a reader does not see it at all.
    const atProposal = await historyOf('admin', ORG, proposed.at);
    expect(atProposal[0]).toMatchObject({ id: proposed.id, status: 'pending', reviewedBy: null, settledBy: null });
    expect((await historyOf('reader', ORG, proposed.at)).map((c) => c.id)).not.toContain(proposed.id);
    expect((await historyOf('reader', ORG, accepted.at)).map((c) => [c.id, c.status])).toEqual([
      [accepted.id, 'applied'],
      [proposed.id, 'accepted'],
    ]);
    // Before its revert the edit was applied, and settled by nothing.
    expect((await historyOf('reader', ORG, edited.at))[0]).toMatchObject({
      id: edited.id,
      status: 'applied',
      settledBy: null,
      reviewedBy: null,
    });
    // Nothing was changed on the record before the first proposal.
    expect(await historyOf('admin', ORG, seededAt)).toEqual([]);

    // Pages as recorded: one change at a time, the cursor going back in time.
    const pageAt = async (after: string | null) =>
      ok(await api.query(PAGE, { id: ORG, at: edited.at, first: 1, after }, as('admin'))).historyPage;
    const ids: string[] = [];
    let after: string | null = null;
    do {
      const page = await pageAt(after);
      ids.push(...page.edges.map((e: { node: { id: string } }) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(ids).toEqual((await historyOf('admin', ORG, edited.at)).map((c) => c.id));
    expect(ids).toEqual([edited.id, rejected.id, second.id, accepted.id, proposed.id]);

    // The deprecated history answers the same.
    expect(ok(await api.query(OLD, { id: ORG, at: accepted.at }, as('admin'))).history).toEqual(
      await historyOf('admin', ORG, accepted.at),
    );
  });

  it("withholds a task's pay as recorded when only small pools performed it then, though a large one does now", async () => {
    const TASK = 'ex-task-chat-imitation';
    const POOL = 'ex-pool-mg-operators';
    // Its one performer made small (5 workers, below the default MIN_POOL_SIZE of 10), then its pay corrected.
    await mutate('editor', UPSERT_ENTITY, { e: { id: POOL, kind: 'worker-pool', size: 5 } });
    const paid = await mutate('editor', UPSERT_ENTITY, {
      e: { id: TASK, kind: 'task', unitPayEur: 0.25 },
    });
    const thenAnswer = await historyOf('reader', TASK);
    const payChange = (list: Record<string, unknown>[]) => list.find((c) => c.id === paid.id)!;
    expect(payChange(thenAnswer).after).toMatchObject({ withheld: ['unitPayEur'] });
    expect(JSON.stringify(payChange(thenAnswer).after)).not.toContain('0.25');

    // Later a large pool performs it too: today's history may show the pay, as the task itself does now.
    await mutate('editor', UPSERT_LINK, {
      l: { type: 'PERFORMED_BY', from: TASK, to: 'ex-pool-fr-home', sources: ['ex-src-scenario'] },
    });
    expect(JSON.stringify(payChange(await historyOf('reader', TASK)).after)).toContain('0.25');
    // As recorded at the pay's change, only the small pool performed it: withheld still, as it was answered then.
    const asRecorded = await historyOf('reader', TASK, paid.at);
    expect(payChange(asRecorded)).toEqual(payChange(thenAnswer));
    expect(payChange(asRecorded).after).toMatchObject({ withheld: ['unitPayEur'] });
  });

  it('refuses a moment before the store kept changes, and a malformed one, changing nothing', async () => {
    const before = await historyOf('admin', ORG);
    const early = await api.query(PAGE, { id: ORG, at: '2001-01-01T00:00:00Z', first: 5 });
    expect(codes(early)).toEqual(['BAD_USER_INPUT']);
    expect(early.errors![0]!.message).toMatch(/before the store's first recorded change/);
    expect(codes(await api.query(PAGE, { id: ORG, at: 'yesterday', first: 5 }))).toEqual(['BAD_USER_INPUT']);
    expect(await historyOf('admin', ORG)).toEqual(before);
  });
});
