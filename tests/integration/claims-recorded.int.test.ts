// Claims as recorded (recordedAt) in `audit`, `scorecard` and `claimPage`, against a real Neo4j: a saved audit must judge the claims
// as the store held them at its moment, not as they read now. A claim rewritten (another text and kind), a claim
// added and a claim retracted after moment T are each invisible at T and visible from their own moment; the answers at
// T, taken before anything changed, are compared later with what recordedAt T gives (hold-out).
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
  token = await createToken(db, 'recorded claims editor', 'editor', 'test');
});

const ok = (r: GraphqlResponse) => {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!;
};
const edit = async (query: string, variables: Record<string, unknown>): Promise<string> =>
  Object.values(ok(await api.query(query, variables, { authorization: `Bearer ${token}` })))[0].change.at as string;

const UPSERT_CLAIM = `mutation($c: ClaimInput!) { upsertClaim(claim: $c, reason: "recorded claims test") { change { at } } }`;
const RETRACT = `mutation($id: ID!) { retract(id: $id, reason: "recorded claims test") { change { at } } }`;
const AUDITED = `claim { id kind text date by { id name } subject { id name } sources { id title } }
  verdict explanation unsourcedEvidence evidence { nodes { id } edges { id } }`;
const AUDIT = `query($org: ID, $claim: ID, $at: DateTime) { audit(organizationId: $org, claimId: $claim, asOf: "2024-06-01", recordedAt: $at) { ${AUDITED} } }`;
const SCORECARD = `query($org: ID!, $at: DateTime) { scorecard(organizationId: $org, asOf: "2024-06-01", recordedAt: $at) { audits { ${AUDITED} } } }`;

const PAGE = `query($org: ID, $first: Int, $after: String, $at: DateTime) {
  claimPage(organizationId: $org, first: $first, after: $after, recordedAt: $at) {
    totalCount edges { cursor node { id kind text by { id name } subject { id name } sources { id title } } }
    pageInfo { hasNextPage endCursor } } }`;

type Audit = { claim: { id: string; kind: string; text: string }; verdict: string };
const auditAt = async (vars: { org?: string; claim?: string }, at: string | null = null) =>
  ok(await api.query(AUDIT, { ...vars, at })).audit as Audit[];
const auditCode = async (vars: { org?: string; claim?: string }, at: string | null = null) =>
  (await api.query(AUDIT, { ...vars, at })).errors?.[0]?.extensions?.code;
const scorecardAt = async (org: string, at: string | null = null) =>
  ok(await api.query(SCORECARD, { org, at })).scorecard.audits as Audit[];
const ids = (audits: Audit[]) => audits.map((a) => a.claim.id);
const pageAt = async (vars: { org?: string; first?: number; after?: string | null }, at: string | null = null) =>
  ok(await api.query(PAGE, { first: 500, ...vars, at })).claimPage;
/** Every claim's id, turning pages of two: paging as recorded must give the list one page gives. */
const allPagesAt = async (at: string | null) => {
  const found: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 100; i++) {
    const page = await pageAt({ first: 2, after }, at);
    found.push(...page.edges.map((e: { node: { id: string } }) => e.node.id));
    if (!page.pageInfo.hasNextPage) return found;
    after = page.pageInfo.endCursor;
  }
  throw new Error('claimPage: more than 100 pages of 2');
};
const pageIds = (page: { edges: { node: { id: string } }[] }) => page.edges.map((e) => e.node.id);

const ORG = 'ex-taskora';
const REWRITTEN = 'ex-claim-taskora-intermediary';
const RETRACTED = 'ex-claim-pixelwork-intermediary';
const ADDED = 'rec-claims-new-claim';

describe('claims as recorded in audit, scorecard and claimPage (recordedAt)', () => {
  it('judges each moment on the claims held then: a claim rewritten, one added and one retracted after T', async () => {
    // Hold-out: the answers at T, taken before anything changes.
    const orgT = await auditAt({ org: ORG });
    const rewrittenT = await auditAt({ claim: REWRITTEN });
    const retractedT = await auditAt({ claim: RETRACTED });
    const cardT = await scorecardAt(ORG);
    const pageT = await pageAt({});
    const orgPageT = await pageAt({ org: ORG });
    expect(ids(orgT)).toContain(REWRITTEN);
    expect(rewrittenT[0]!.claim.kind).toBe('MERE_INTERMEDIARY');
    expect(await auditAt({ org: ORG }, seededAt)).toEqual(orgT);

    // After T: Taskora's claim rewritten as another kind; a new claim by Taskora; PixelWork's claim retracted.
    const rewrittenAt = await edit(UPSERT_CLAIM, {
      c: {
        id: REWRITTEN,
        by: ORG,
        subject: ORG,
        kind: 'NO_SUBCONTRACTING',
        text: 'Taskora never subcontracts (rewritten in test).',
        date: '2024-05-01',
        sources: ['ex-src-taskora-terms'],
      },
    });
    const addedAt = await edit(UPSERT_CLAIM, {
      c: {
        id: ADDED,
        by: ORG,
        subject: ORG,
        kind: 'CLIENT_DISCLOSED',
        text: 'Our workers always know the client (fictional, test).',
        date: '2024-05-02',
        sources: ['ex-src-taskora-terms'],
      },
    });
    const retractedAt = await edit(RETRACT, { id: RETRACTED });

    // Now: the rewrite and the addition show; the retracted claim is gone.
    const now = await auditAt({ org: ORG });
    expect(now.find((a) => a.claim.id === REWRITTEN)!.claim).toMatchObject({
      kind: 'NO_SUBCONTRACTING',
      text: 'Taskora never subcontracts (rewritten in test).',
    });
    expect(ids(now)).toContain(ADDED);
    expect(await auditCode({ claim: RETRACTED })).toBe('NOT_FOUND');

    // At T: every answer as taken then, whole (text, kind, verdict, explanation and evidence).
    expect(await auditAt({ org: ORG }, seededAt)).toEqual(orgT);
    expect(await auditAt({ claim: REWRITTEN }, seededAt)).toEqual(rewrittenT);
    expect(await auditAt({ claim: RETRACTED }, seededAt)).toEqual(retractedT);
    expect(await scorecardAt(ORG, seededAt)).toEqual(cardT);
    expect(await auditCode({ claim: ADDED }, seededAt)).toBe('NOT_FOUND');
    expect(await pageAt({}, seededAt)).toEqual(pageT);
    expect(await pageAt({ org: ORG }, seededAt)).toEqual(orgPageT);
    expect(await allPagesAt(seededAt)).toEqual(pageIds(pageT));
    expect(pageIds(await pageAt({}))).not.toContain(RETRACTED);

    // At each change: that change and those before it, none after.
    const atRewrite = await auditAt({ org: ORG }, rewrittenAt);
    expect(atRewrite.find((a) => a.claim.id === REWRITTEN)!.claim.kind).toBe('NO_SUBCONTRACTING');
    expect(ids(atRewrite)).not.toContain(ADDED);
    expect(ids(await auditAt({ org: ORG }, addedAt))).toContain(ADDED);
    expect(ids(await scorecardAt(ORG, addedAt))).toContain(ADDED);
    expect((await auditAt({ claim: RETRACTED }, addedAt)).map((a) => a.verdict)).toEqual(
      retractedT.map((a) => a.verdict),
    );
    expect(await auditCode({ claim: RETRACTED }, retractedAt)).toBe('NOT_FOUND');
    const pageAdded = await pageAt({}, addedAt);
    expect(pageAdded.totalCount).toBe(pageT.totalCount + 1);
    expect(pageIds(pageAdded)).toEqual(expect.arrayContaining([ADDED, RETRACTED]));
    expect(pageAdded.edges.find((e: { node: { id: string } }) => e.node.id === REWRITTEN).node.kind).toBe(
      'NO_SUBCONTRACTING',
    );
    expect(await allPagesAt(addedAt)).toEqual(pageIds(pageAdded));
    expect((await pageAt({}, retractedAt)).totalCount).toBe(pageT.totalCount);
    expect(pageIds(await pageAt({ org: ORG }, rewrittenAt))).not.toContain(ADDED);
    expect((await api.query(PAGE, { first: 5, at: '2000-01-01T00:00:00Z' })).errors?.[0]?.extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
  });
});
