// Reads and writes while an import is being written in batches (#30.3, docs/versioning.md, "Imports in bounded
// memory"), against a real Neo4j and the API over HTTP: while the change counter says a change is being staged, every
// answer is the one the store gave at the last visible change, whatever the staged change has written; a read that
// cannot be answered as of that change is refused with a code and a message saying to try again, and so is every
// write; once the stage is closed, the answers are the store's as it is. The staged change here is ordinary imports of
// a changed version of the fictional fixture (renames, a dropped and an added subcontracting link, a new organisation
// and pool, a pay report's figure) and of the reference wages (one removed), made first and then marked as being
// staged, so that everything they wrote is in the store: the hold-out answers, taken before them, must come back.
import { isDeepStrictEqual } from 'node:util';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createToken } from '../../server/auth/token-store.js';
import { importDataset, validateDataset, type Dataset } from '../../server/dataset/index.js';
import type { Database } from '../../server/db/index.js';
import { FIXTURES } from '../../server/fixtures.js';
import { datasetFile } from '../support/load-dataset.js';
import { testDatabase } from '../support/test-database.js';
import { useSeededServer, type GraphqlResponse } from '../support/test-server.js';
import { WAGE_CLAIM, WAGE_CLAIM_PLATFORM, withWageFloorClaim } from '../fixtures/wage-floor-claim.js';

let token = '';
let seededAt = '';
const api = useSeededServer(
  async (db) => {
    await importDataset(db, withReply(withWageFloorClaim(datasetFile(FIXTURES.illustrative))));
    seededAt = (await importDataset(db, datasetFile(FIXTURES.wageReferences))).change!.at;
    token = await createToken(db, 'staged reads editor', 'editor', 'test');
  },
  { RESPONSE_CACHE_MB: '0' },
);
let db: Database;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => {
  await setStage(null);
  await db.close();
});

/** Marks the change counter as the opening of a stage would (staging: the change written, visible: the one before), or clears it. */
async function setStage(stage: { staging: number; visible: number } | null): Promise<void> {
  const n = inject('neo4j');
  const driver = neo4j.driver(n.uri, n.user ? neo4j.auth.basic(n.user, n.password ?? '') : undefined);
  try {
    await driver.executeQuery(
      stage
        ? 'MATCH (k:ChangeCounter {singleton: true}) SET k.staging = $staging, k.visible = $visible'
        : 'MATCH (k:ChangeCounter {singleton: true}) REMOVE k.staging, k.visible',
      stage ? { staging: neo4j.int(stage.staging), visible: neo4j.int(stage.visible) } : {},
    );
  } finally {
    await driver.close();
  }
}

const PLATFORM = WAGE_CLAIM_PLATFORM;
/** A scorecard's pay indicator whole: the pay reports, reference wages and sources it compares, as the card read them. */
const PAY_INDICATOR = `
  fragment Pay on ScorecardPay {
    pools withheld withPay withSourcedPay withHourly value
    legalMinimum { kind compared below spanning atOrAbove }
    livingWage { kind compared below spanning atOrAbove }
    workerPools { id name sources { id title } pay { id min max currency sources { id title }
      wageGap(kind: LEGAL_MINIMUM) { reference { id amount year } ratioMin ratioMax reason } } }
  }`;
const QUESTIONS: Record<string, [string, Record<string, unknown>?]> = {
  entity: ['query($id: ID!) { entity(id: $id) { id name kind sources { id title } } }', { id: 'ex-taskora' }],
  entities: [
    'query($ids: [ID!]!) { entities(ids: $ids) { id name } }',
    { ids: ['ex-taskora', 'ex-datavolt', 'ex-staged-vendor', 'ex-pool-staged'] },
  ],
  search: ['{ search(text: "Taskora", limit: 20) { id name } }'],
  searchNew: ['{ search(text: "Stagewell", limit: 20) { id name } }'],
  organizations: ['{ organizations(first: 100) { totalCount edges { node { id name } } } }'],
  stats: ['{ stats { nodes { name count } links { name count } claims sources } }'],
  whoWorksFor: [
    'query($id: ID!) { whoWorksFor(workerPoolId: $id, asOf: "2024-01-01") { organization { id name } depth path { id } } }',
    { id: 'ex-pool-fr-home' },
  ],
  provenance: [
    'query($id: ID!) { provenance(taskId: $id, asOf: "2024-01-01") { depth undisclosedHops subgraph { nodes { id } edges { id sources { id } } } } }',
    { id: 'ex-task-voice-transcription' },
  ],
  cascade: [
    'query($id: ID!) { cascade(rootId: $id, maxDepth: 4, asOf: "2024-01-01") { nodes { id name kind } edges { id type from to sources { id } } truncated } }',
    { id: PLATFORM },
  ],
  cascadeGroups: [
    'query($id: ID!) { cascadeGroups(rootId: $id, maxDepth: 6, asOf: "2024-01-01", limit: 5000) { groups { id label members withheldPools workersKnown } links { from to type links } truncated totalNodes } }',
    { id: PLATFORM },
  ],
  workforceBehind: [
    'query($id: ID!) { workforceBehind(organizationId: $id, asOf: "2024-01-01") { totalWorkersMin totalWorkersMax countries workerPools { id } } }',
    { id: 'ex-megacorp' },
  ],
  connections: [
    'query($a: ID!, $b: ID!) { connections(fromId: $a, toId: $b, asOf: "2024-01-01", maxDepth: 8) { paths { length steps { link { id } } } truncated } }',
    { a: 'ex-pool-fr-home', b: 'ex-megacorp' },
  ],
  pay: [
    'query($id: ID!, $at: DateTime) { entity(id: $id, recordedAt: $at) { id ... on WorkerPool { size pay { id min max currency unit wageGap(kind: LEGAL_MINIMUM) { reference { id amount } ratioMin ratioMax reason } } } } }',
    { id: 'ex-pool-mg-annotators' },
  ],
  changes: [
    '{ changes(first: 10) { edges { cursor node { id action summary status dataset before after counts } } pageInfo { hasNextPage } } }',
  ],
  replies: [
    '{ replies(organizationId: "ex-taskora") { totalCount edges { cursor node { id status answer answeredOn organizationName } } pageInfo { hasNextPage } } }',
  ],
  verdictChanges: [
    '{ verdictChanges(first: 20) { totalCount edges { cursor node { claimId claimText subjectName old new changeSeq changeSummary } } } }',
  ],
  scorecard: [
    'query($id: ID!) { scorecard(organizationId: $id, asOf: "2024-01-01") { indicators { id value } audits { claim { id } verdict explanation } pay { ...Pay } } }' +
      PAY_INDICATOR,
    { id: PLATFORM },
  ],
  scorecardTaskora: [
    'query($id: ID!) { scorecard(organizationId: $id, asOf: "2024-01-01") { indicators { id value } audits { claim { id } verdict explanation } pay { ...Pay } } }' +
      PAY_INDICATOR,
    { id: 'ex-taskora' },
  ],
};

const ok = (name: string, r: GraphqlResponse) => {
  expect(r.errors, `${name}: ${JSON.stringify(r.errors)}`).toBeUndefined();
  return r.data!;
};
async function answers(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [name, [query, variables]] of Object.entries(QUESTIONS))
    out[name] = ok(name, await api.query(query, variables));
  return out;
}

/**
 * Fictional requests for reply to a platform the changed version renames (the right of reply's page reads them): one
 * it answers, one it withdraws and one it puts to another organisation (found, as recorded, among the retired records
 * and the kept versions).
 */
function withReply(base: Dataset): Dataset {
  const d = structuredClone(base);
  const asked = (id: string, askedOn: string) => ({
    id,
    organization: 'ex-taskora',
    askedOn,
    askedBy: 'staged reads test',
    claims: ['ex-claim-taskora-intermediary'],
    deadline: '2026-11-16',
  });
  d.replies = [
    ...(d.replies ?? []),
    asked('ex-reply-taskora-staged', '2026-11-02'),
    asked('ex-reply-taskora-withdrawn', '2026-11-03'),
    asked('ex-reply-taskora-moved', '2026-11-04'),
  ];
  return d;
}

/** The fixture changed as a new version would change it; every name fictional, as the fixture's. */
function changedVersion(base: Dataset): Dataset {
  const d = structuredClone(base);
  for (const o of d.organizations) if (o.id === 'ex-taskora' || o.id === 'ex-datavolt') o.name = `${o.name} (renamed)`;
  d.organizations.push({
    id: 'ex-staged-vendor',
    name: 'Stagewell Annotation',
    kind: 'vendor',
    country: 'FR',
    sources: ['ex-src-scenario'],
  } as (typeof d.organizations)[number]);
  d.workerPools.push({
    id: 'ex-pool-staged',
    name: 'Staged annotators in France',
    country: 'FR',
    sources: ['ex-src-scenario'],
  } as (typeof d.workerPools)[number]);
  for (const p of d.payReports ?? []) if (p.id === 'ex-pay-mg-annotators-boxes') p.max = 0.15;
  // The request for reply answered, one withdrawn, one put to another organisation, and a second one asked.
  d.replies = d.replies!.filter((r) => r.id !== 'ex-reply-taskora-withdrawn');
  for (const r of d.replies)
    if (r.id === 'ex-reply-taskora-staged')
      Object.assign(r, { answeredOn: '2026-11-10', answer: 'A fictional answer.' });
    else if (r.id === 'ex-reply-taskora-moved') r.organization = 'ex-datavolt';
  d.replies!.push({
    id: 'ex-reply-taskora-second',
    organization: 'ex-taskora',
    askedOn: '2026-11-20',
    askedBy: 'staged reads test',
    claims: ['ex-claim-taskora-intermediary'],
    deadline: '2026-12-04',
  });
  d.links = d.links.filter((l) => !(l.type === 'SUBCONTRACTS_FOR' && l.from === 'ex-broker' && l.to === 'ex-vocalis'));
  d.links.push(
    {
      id: 'ex-link-staged-vendor',
      type: 'SUBCONTRACTS_FOR',
      from: 'ex-staged-vendor',
      to: PLATFORM,
      since: '2022',
      sources: ['ex-src-scenario'],
    },
    {
      id: 'ex-link-staged-pool',
      type: 'WORKS_ON',
      from: 'ex-pool-staged',
      to: PLATFORM,
      since: '2022',
      sources: ['ex-src-scenario'],
    },
  );
  const checked = validateDataset(d);
  if (!checked.ok) throw new Error(`test: the changed version is invalid: ${JSON.stringify(checked.problems)}`);
  return checked.dataset;
}

describe('reads while an import is being staged', () => {
  it('answer as of the last visible change while the stage is open, and as the store is once it is closed', async () => {
    const before = await answers();
    // The requests the changed version withdraws and moves are Taskora's before it (read while staged, they are found
    // among the retired records and the kept versions).
    const replyIds = (a: Record<string, unknown>) =>
      (a.replies as { replies: { edges: { node: { id: string } }[] } }).replies.edges.map((e) => e.node.id);
    expect(replyIds(before)).toEqual([
      'ex-reply-taskora-moved',
      'ex-reply-taskora-withdrawn',
      'ex-reply-taskora-staged',
    ]);
    const [head] = await db.read('ledger-head');
    const visible = Number(head!.seq);
    await importDataset(db, changedVersion(withReply(withWageFloorClaim(datasetFile(FIXTURES.illustrative)))));
    // And the reference wages without Madagascar's of 2021, the year of the annotators' pay report.
    const wages = structuredClone(datasetFile(FIXTURES.wageReferences));
    wages.wageReferences = wages.wageReferences!.filter((w) => w.id !== 'wage-mg-2021-legal-minimum');
    const change = (await importDataset(db, wages)).change!;
    expect(change.seq).toBeGreaterThan(visible);
    const after = await answers();
    // The staged change shows in most answers, so that a read that saw it could not pass for one that did not.
    const moved = Object.keys(QUESTIONS).filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]));
    expect(moved).toEqual(Object.keys(QUESTIONS).filter((k) => k !== 'connections'));
    // The reference wage the annotators' pay is compared with too (named in the gap's reason): read as of the change asked.
    const gapOf = (a: Record<string, unknown>) =>
      (a.pay as { entity: { pay: { wageGap: { reason: string | null } }[] } }).entity.pay[0]!.wageGap.reason;
    expect(gapOf(before)).toMatch(/wage-mg-2021-legal-minimum/);
    expect(gapOf(after)).not.toMatch(/wage-mg-2021-legal-minimum/);
    // And a scorecard's own pay indicator (the pay reports and reference wages it compares, read by its own query).
    const cardPay = (a: Record<string, unknown>) =>
      JSON.stringify((a.scorecard as { scorecard: { pay: unknown } }).scorecard.pay);
    expect(cardPay(after)).not.toBe(cardPay(before));
    expect(cardPay(before)).toMatch(/wage-mg-2021-legal-minimum/);
    // And the audit of a claim judged on pay (the pay reports and reference wages its rule reads).
    const wageAudit = (a: Record<string, unknown>) =>
      JSON.stringify(
        (a.scorecard as { scorecard: { audits: { claim: { id: string } }[] } }).scorecard.audits.find(
          (x) => x.claim.id === WAGE_CLAIM,
        ),
      );
    expect(wageAudit(before)).toMatch(/wage-mg-2021-legal-minimum/);
    expect(wageAudit(after)).not.toBe(wageAudit(before));

    await setStage({ staging: change.seq, visible });
    const during = await answers();
    const differ = Object.keys(QUESTIONS).filter((k) => !isDeepStrictEqual(during[k], before[k]));
    expect(differ, 'answers that saw the staged change').toEqual([]);
    // A read with no answer as of a change (a record's version for an edit) is refused, saying why and what to do.
    const refused = await api.query('{ recordVersion(id: "ex-taskora") }');
    expect(refused.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
    expect(refused.errors?.[0]?.message).toMatch(/import is being written.*try again when the import has finished/);
    // Writers wait for the switch: an edit over the API and an import are refused, saying why, and change nothing.
    const edit = await api.query(
      'mutation($e: EntityInput!) { upsertEntity(entity: $e, reason: "staged test") { change { id } } }',
      { e: { id: 'ex-taskora', kind: 'platform', name: 'Written while staged', country: 'FR' } },
      { authorization: `Bearer ${token}` },
    );
    expect(edit.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
    expect(edit.errors?.[0]?.message).toMatch(/import is being written.*nothing was changed.*Try again/);
    await expect(importDataset(db, datasetFile(FIXTURES.illustrative))).rejects.toThrow(/import is being written/);
    expect((await db.read('ledger-head'))[0]!.seq).toBe(change.seq);
    expect(await answers()).toEqual(during);

    await setStage(null);
    expect(await answers()).toEqual(after);
    // Asked with recordedAt for the moment before the imports, the pool's pay and wage gap are the ones taken then.
    const [payQuery, payVars] = QUESTIONS.pay!;
    expect(ok('pay recorded', await api.query(payQuery, { ...payVars, at: seededAt }))).toEqual(before.pay);
    // So are both scorecards, their pay indicator whole.
    for (const name of ['scorecard', 'scorecardTaskora']) {
      const [query, variables] = QUESTIONS[name]!;
      const recorded = query
        .replace('asOf: "2024-01-01")', 'asOf: "2024-01-01", recordedAt: $at)')
        .replace('($id: ID!)', '($id: ID!, $at: DateTime)');
      expect(ok(`${name} recorded`, await api.query(recorded, { ...variables, at: seededAt })), name).toEqual(
        before[name],
      );
    }
    expect(ok('recordVersion', await api.query('{ recordVersion(id: "ex-taskora") }')).recordVersion).not.toBe(
      'absent',
    );
  }, 240_000); // Eighteen questions asked four times over HTTP, around two imports: about a minute on this machine.
});
