// `search`, `organizations` and `stats` as recorded (recordedAt) against a real Neo4j: the lists a saved view leads to
// must be those of the view's moment. A rename, a move to another country, an added organisation with a link, and its
// retraction after moment T are each invisible at T and visible at their own moment; the answers taken at T, before
// anything changed, are compared later with what recordedAt T gives (hold-out).
import { describe, expect, it } from 'vitest';
import { createToken } from '../../server/auth/token-store.js';
import { importDataset } from '../../server/dataset/index.js';
import { FIXTURES } from '../../server/fixtures.js';
import { datasetFile } from '../support/load-dataset.js';
import { useSeededServer, type GraphqlResponse } from '../support/test-server.js';

let token = '';
let seededAt = '';
const api = useSeededServer(async (db) => {
  seededAt = (await importDataset(db, datasetFile(FIXTURES.illustrative))).change!.at;
  token = await createToken(db, 'recorded lists editor', 'editor', 'test');
});

const ok = (r: GraphqlResponse) => {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!;
};
const codeOf = (r: GraphqlResponse) => r.errors?.[0]?.extensions?.code;
const edit = async (query: string, variables: Record<string, unknown>): Promise<string> =>
  Object.values(ok(await api.query(query, variables, { authorization: `Bearer ${token}` })))[0].change.at as string;

const UPSERT_ENTITY = `mutation($e: EntityInput!) { upsertEntity(entity: $e, reason: "recorded lists test") { change { at } } }`;
const UPSERT_LINK = `mutation($l: LinkInput!) { upsertLink(link: $l, reason: "recorded lists test") { change { at } } }`;
const RETRACT = `mutation($id: ID!) { retract(id: $id, reason: "recorded lists test") { change { at } } }`;
const SEARCH = `query($text: String!, $at: DateTime) { search(text: $text, limit: 100, recordedAt: $at) {
  __typename id name kind sources { id title } ... on Organization { country aliases } } }`;
const ORGS = `query($kind: String, $country: String, $first: Int, $after: String, $at: DateTime) {
  organizations(kind: $kind, country: $country, first: $first, after: $after, recordedAt: $at) {
    totalCount edges { cursor node { id name kind sources { id } ... on Organization { country } } } pageInfo { hasNextPage endCursor } } }`;
const STATS =
  'query($at: DateTime) { stats(recordedAt: $at) { nodes { name count } links { name count } claims sources } }';

type Named = { id: string; name: string; country?: string };
const searchAt = async (text: string, at: string | null = null) =>
  ok(await api.query(SEARCH, { text, at })).search as Named[];
const orgsAt = async (vars: Record<string, unknown>, at: string | null = null) =>
  ok(await api.query(ORGS, { first: 200, ...vars, at })).organizations;
const statsAt = async (at: string | null = null) => ok(await api.query(STATS, { at })).stats;
/** Every organisation, turning pages of three: pagination as recorded must give the same list as one page. */
const allPagesAt = async (at: string | null) => {
  const ids: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 100; i++) {
    const page = await orgsAt({ first: 3, after }, at);
    ids.push(...page.edges.map((e: { node: Named }) => e.node.id));
    if (!page.pageInfo.hasNextPage) return ids;
    after = page.pageInfo.endCursor;
  }
  throw new Error('organizations: more than 100 pages of 3');
};
const count = (list: { name: string; count: number }[], name: string) => list.find((x) => x.name === name)!.count;

const ORG = 'ex-taskora';
const NEW = 'rec-lists-new-vendor';
const NEW_LINK = { id: 'rec-lists-new-link', type: 'SUBCONTRACTS_FOR', from: NEW, to: ORG, since: '2024' };

describe('search, organizations and stats as recorded (recordedAt)', () => {
  it('list each moment as it was: a rename, a move, an organisation added with a link and its retraction after T', async () => {
    // Hold-out: the answers at T, taken before anything changes.
    const searchT = await searchAt('Taskora');
    const allT = await orgsAt({});
    const frT = await orgsAt({ country: 'FR' });
    const platformsT = await orgsAt({ kind: 'platform' });
    const statsT = await statsAt();
    expect(searchT.map((e) => e.id)).toContain(ORG);
    expect(frT.edges.map((e: { node: Named }) => e.node.id)).toContain(ORG);
    expect(allT.totalCount).toBe(allT.edges.length);
    // At T, right away: the same answers.
    expect(await searchAt('Taskora', seededAt)).toEqual(searchT);
    expect(await orgsAt({}, seededAt)).toEqual(allT);
    expect(await statsAt(seededAt)).toEqual(statsT);

    // After T: Taskora renamed (its alias dropped) and moved to Belgium; a new vendor with a link to it; then the vendor retracted.
    const renamedAt = await edit(UPSERT_ENTITY, {
      e: { id: ORG, kind: 'platform', name: 'Zyxwarden Tasks (renamed in test)', country: 'BE', aliases: null },
    });
    const addedAt = await edit(UPSERT_ENTITY, {
      e: { id: NEW, kind: 'vendor', name: 'Quillory Recorded Vendor (fictional)', country: 'FR' },
    });
    const linkedAt = await edit(UPSERT_LINK, { l: NEW_LINK });
    const unlinkedAt = await edit(RETRACT, { id: NEW_LINK.id });
    const retractedAt = await edit(RETRACT, { id: NEW });

    // Now: the rename shows, the retracted vendor does not.
    expect((await searchAt('Zyxwarden')).map((e) => e.id)).toEqual([ORG]);
    expect((await searchAt('Taskora')).map((e) => e.id)).not.toContain(ORG);
    expect(await searchAt('Quillory')).toEqual([]);
    expect((await orgsAt({ country: 'FR' })).edges.map((e: { node: Named }) => e.node.id)).not.toContain(ORG);

    // At T: every answer as taken then, whole.
    expect(await searchAt('Taskora', seededAt)).toEqual(searchT);
    expect(await searchAt('Zyxwarden', seededAt)).toEqual([]);
    expect(await searchAt('Quillory', seededAt)).toEqual([]);
    expect(await orgsAt({}, seededAt)).toEqual(allT);
    expect(await orgsAt({ country: 'FR' }, seededAt)).toEqual(frT);
    expect(await orgsAt({ kind: 'platform' }, seededAt)).toEqual(platformsT);
    expect(await statsAt(seededAt)).toEqual(statsT);
    expect(await allPagesAt(seededAt)).toEqual(allT.edges.map((e: { node: Named }) => e.node.id));

    // At the rename: found by the new name only, in Belgium.
    const renamed = await searchAt('Zyxwarden', renamedAt);
    expect(renamed).toEqual([expect.objectContaining({ id: ORG, country: 'BE' })]);
    expect((await searchAt('Taskora', renamedAt)).map((e) => e.id)).not.toContain(ORG);
    expect((await orgsAt({ country: 'BE' }, renamedAt)).edges.map((e: { node: Named }) => e.node.id)).toContain(ORG);

    // At the addition and the link: the vendor is found, listed and counted, with its link.
    expect((await searchAt('Quillory', addedAt)).map((e) => [e.id, e.name])).toEqual([
      [NEW, 'Quillory Recorded Vendor (fictional)'],
    ]);
    const allAdded = await orgsAt({}, linkedAt);
    expect(allAdded.totalCount).toBe(allT.totalCount + 1);
    expect(allAdded.edges.map((e: { node: Named }) => e.node.id)).toContain(NEW);
    expect(await allPagesAt(linkedAt)).toEqual(allAdded.edges.map((e: { node: Named }) => e.node.id));
    expect((await orgsAt({ kind: 'vendor', country: 'FR' }, linkedAt)).totalCount).toBe(
      (await orgsAt({ kind: 'vendor', country: 'FR' }, seededAt)).totalCount + 1,
    );
    const statsAdded = await statsAt(addedAt);
    const statsLinked = await statsAt(linkedAt);
    expect(count(statsAdded.nodes, 'Organization')).toBe(count(statsT.nodes, 'Organization') + 1);
    expect(count(statsAdded.links, 'SUBCONTRACTS_FOR')).toBe(count(statsT.links, 'SUBCONTRACTS_FOR'));
    expect(count(statsLinked.links, 'SUBCONTRACTS_FOR')).toBe(count(statsT.links, 'SUBCONTRACTS_FOR') + 1);

    // At the link's retraction: the link no longer counted, the vendor still.
    const statsUnlinked = await statsAt(unlinkedAt);
    expect(count(statsUnlinked.links, 'SUBCONTRACTS_FOR')).toBe(count(statsT.links, 'SUBCONTRACTS_FOR'));
    expect(count(statsUnlinked.nodes, 'Organization')).toBe(count(statsT.nodes, 'Organization') + 1);

    // At the retraction (and now): gone from every list, its link too; the counts are T's again.
    expect(await searchAt('Quillory', retractedAt)).toEqual([]);
    expect((await orgsAt({}, retractedAt)).totalCount).toBe(allT.totalCount);
    expect(await statsAt(retractedAt)).toEqual(statsT);
    expect(await statsAt()).toEqual(statsT);
    // Today's answer and the latest moment's are the same list.
    expect(await orgsAt({}, retractedAt)).toEqual(await orgsAt({}));
  });

  it('refuses a moment before the first change as BAD_USER_INPUT', async () => {
    const before = '2000-01-01T00:00:00Z';
    for (const r of [
      await api.query(SEARCH, { text: 'Taskora', at: before }),
      await api.query(ORGS, { at: before }),
      await api.query(STATS, { at: before }),
    ]) {
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0]?.message).toMatch(/before the store's first recorded change/);
    }
  });
});
