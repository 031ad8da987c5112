// "As recorded on" (#29.1) on the workforce, connections, a claim's audit and the scorecard, against a real Neo4j: an
// import, an edit and a dataset removal made after moment T are invisible with `recordedAt: T` and visible without it,
// and the answer at each moment equals the answer the store gave at that moment (a hold-out taken then, compared
// later). This file checks the links; the records' versions (names, kinds, claims) have tests of their own
// (entity-recorded, lists-recorded, claims-recorded).
import { describe, expect, it } from 'vitest';
import { createToken } from '../../server/auth/token-store.js';
import { importDataset, removeDataset } from '../../server/dataset/index.js';
import type { Database } from '../../server/db/index.js';
import { FIXTURES } from '../../server/fixtures.js';
import { datasetFile, validDataset } from '../support/load-dataset.js';
import { useSeededServer, type GraphqlResponse } from '../support/test-server.js';

let store: Database;
let token = '';
let seededAt = '';
const api = useSeededServer(async (db) => {
  store = db;
  seededAt = (await importDataset(db, datasetFile(FIXTURES.illustrative))).change!.at;
  token = await createToken(db, 'recorded views editor', 'editor', 'test');
});

const ok = (r: GraphqlResponse) => {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!;
};

// Modero claims that no one works for it as a subcontractor; the writes after T make Nexa (an import) and MadaTalent
// (an edit) subcontract for it. Both axes together: the world is read on 2024-06-01, when Taskora's work goes to Nexa.
const AS_OF = '2024-06-01';
const CLAIM = 'ex-claim-modero-no-subcontracting';
const ORGS = ['ex-modero'];
const PAIRS: [string, string][] = [
  ['ex-nexa', 'ex-modero'],
  ['ex-madatalent', 'ex-modero'],
];
const LINK = 'id type from to since until';
const WF = `query($id: ID!, $at: DateTime) { workforceBehind(organizationId: $id, asOf: "${AS_OF}", recordedAt: $at) {
  workerPools { id name size } totalWorkersMin totalWorkersMax unknownSizes suppressedPools countries } }`;
const CONN = `query($from: ID!, $to: ID!, $at: DateTime) { connections(fromId: $from, toId: $to, asOf: "${AS_OF}", maxDepth: 4, recordedAt: $at) {
  truncated nodes { id } paths { length steps { along link { ${LINK} } } } } }`;
const AUDIT = `query($id: ID!, $at: DateTime) { audit(claimId: $id, asOf: "${AS_OF}", recordedAt: $at) {
  claim { id } verdict explanation unsourcedEvidence evidence { nodes { id } edges { ${LINK} } } } }`;
// Not the indicators' evidence links: a pool's labour chain is one ANY SHORTEST path, and where two are equally short
// (recruited via and contracted by the same vendor) two runs may name different links (docs/versioning.md, #30.4).
const CARD = `query($id: ID!, $at: DateTime) { scorecard(organizationId: $id, asOf: "${AS_OF}", recordedAt: $at) {
  organization { id } indicators { id value evidenceLinks } audits { claim { id } verdict }
  pay { pools withheld withPay withSourcedPay withHourly value workerPools { id } } } }`;

/** The four fields' answers, as plain data to compare: now (no moment) or as recorded at `at`. */
async function answers(at?: string) {
  const v = { at: at ?? null };
  const out = {
    workforce: [] as unknown[],
    connections: [] as unknown[],
    audit: ok(await api.query(AUDIT, { ...v, id: CLAIM })).audit as {
      verdict: string;
      evidence: { edges: { id: string }[] };
    }[],
    scorecard: [] as unknown[],
  };
  for (const id of ORGS) {
    out.workforce.push(ok(await api.query(WF, { ...v, id })).workforceBehind);
    out.scorecard.push(ok(await api.query(CARD, { ...v, id })).scorecard);
  }
  for (const [from, to] of PAIRS) out.connections.push(ok(await api.query(CONN, { ...v, from, to })).connections);
  return out;
}
type Answers = Awaited<ReturnType<typeof answers>>;
const poolsBehind = (a: Answers, i: number) =>
  (a.workforce[i] as { workerPools: { id: string }[] }).workerPools.map((p) => p.id).sort();
const pathLinks = (a: Answers, i: number) =>
  (a.connections[i] as { paths: { steps: { link: { id: string } }[] }[] }).paths.map((p) =>
    p.steps.map((s) => s.link.id),
  );
const auditLinks = (a: Answers) => a.audit[0]!.evidence.edges.map((e) => e.id).sort();
const cardCountries = (a: Answers, i: number) =>
  (a.scorecard[i] as { indicators: { id: string; value: string }[] }).indicators.find(
    (x) => x.id === 'workforce-countries',
  )?.value;

/**
 * Dataset C (fictional): Nexa subcontracting for Modero. Its ends and the sources they all cite are the fixture's
 * own records, copied as they are, so that importing C changes no record and removing it releases only the link (a
 * source C alone held would be deleted with it, and a link recorded before then would read as unsourced: records are
 * read as they are now).
 */
function datasetC() {
  const fixture = datasetFile(FIXTURES.illustrative) as unknown as {
    sources: { id: string }[];
    organizations: { id: string; sources: string[] }[];
  };
  const organizations = fixture.organizations.filter((o) => o.id === 'ex-nexa' || o.id === 'ex-modero');
  const cited = new Set([...organizations.flatMap((o) => o.sources), 'ex-src-scenario']);
  return validDataset(
    {
      format: 'deep-labour/v1',
      id: 'recorded-c',
      name: 'Recorded-at views test: an order (fictional)',
      sources: fixture.sources.filter((x) => cited.has(x.id)),
      organizations,
      links: [
        {
          id: 'rec-c-up',
          type: 'SUBCONTRACTS_FOR',
          from: 'ex-nexa',
          to: 'ex-modero',
          sources: ['ex-src-scenario'],
        },
      ],
    },
    'dataset C',
  );
}

const UPSERT_LINK = `mutation($link: LinkInput!, $reason: String!) { upsertLink(link: $link, reason: $reason) { change { id at } } }`;

describe('recordedAt on the workforce, connections, audits and scorecards', () => {
  it('hides an import, an edit and a removal made after T, shows each without recordedAt, and answers as the store did at T', async () => {
    // Hold-outs: each moment's answers, taken then, without recordedAt.
    const held: { at: string; answers: Answers }[] = [];
    const holdOut = async (at: string) => {
      const now = await answers();
      for (const h of held) expect(await answers(h.at), `as recorded at ${h.at}`).toEqual(h.answers);
      expect(await answers(at), `as recorded at ${at}, the moment just taken`).toEqual(now);
      held.push({ at, answers: now });
      return now;
    };

    // T: the seed. Modero's own moderators are its whole workforce, and no one works for it.
    const atT = await holdOut(seededAt);
    expect(atT.audit[0]!.verdict).toBe('SUPPORTED');
    expect(poolsBehind(atT, 0)).toEqual(['ex-pool-mg-moderators']);
    expect(pathLinks(atT, 0)).not.toContainEqual(['rec-c-up']);

    // An import after T: Nexa subcontracts for Modero, and Taskora's French pools reach it through Nexa.
    const imported = await importDataset(store, datasetC());
    const afterImport = await answers();
    expect(afterImport.audit[0]!.verdict).toBe('CONTRADICTED');
    expect(auditLinks(afterImport)).toContain('rec-c-up');
    expect(poolsBehind(afterImport, 0)).toContain('ex-pool-fr-home');
    expect(cardCountries(afterImport, 0)).not.toEqual(cardCountries(atT, 0));
    expect(pathLinks(afterImport, 0)).toContainEqual(['rec-c-up']);
    expect(await holdOut(imported.change!.at)).toEqual(afterImport);

    // An edit after it: MadaTalent subcontracts for Modero (a new link), then a change of that link (a start date).
    const edit = (link: Record<string, unknown>, reason: string) =>
      api.query(UPSERT_LINK, { link, reason }, { authorization: `Bearer ${token}` });
    const link = { id: 'rec-views-edit', type: 'SUBCONTRACTS_FOR', from: 'ex-madatalent', to: 'ex-modero' };
    const made = ok(await edit({ ...link, sources: ['ex-src-scenario'] }, 'the scenario names the order')).upsertLink
      .change;
    const afterMade = await answers();
    expect(poolsBehind(afterMade, 0)).toContain('ex-pool-mg-annotators');
    expect(auditLinks(afterMade)).toContain('rec-views-edit');
    expect(pathLinks(afterMade, 1)).toContainEqual(['rec-views-edit']);
    expect(pathLinks(afterImport, 1)).not.toContainEqual(['rec-views-edit']);
    expect(afterMade.scorecard[0]).not.toEqual(afterImport.scorecard[0]);
    await holdOut(made.at as string);
    const changed = ok(await edit({ ...link, since: '2021', sources: ['ex-src-scenario'] }, 'the order began in 2021'))
      .upsertLink.change;
    const afterChange = await answers();
    expect(afterChange).not.toEqual(afterMade);
    await holdOut(changed.at as string);

    // A removal after it: C's link leaves the current answers, not the recorded ones.
    await removeDataset(store, 'recorded-c');
    const afterRemoval = await answers();
    expect(auditLinks(afterRemoval)).not.toContain('rec-c-up');
    expect(poolsBehind(afterRemoval, 0)).not.toContain('ex-pool-fr-home');
    expect(poolsBehind(afterRemoval, 0)).toContain('ex-pool-mg-annotators');
    expect(cardCountries(afterRemoval, 0)).toEqual(cardCountries(atT, 0));
    expect(pathLinks(afterRemoval, 0)).not.toContainEqual(['rec-c-up']);
    // Every earlier moment still answers as the store did then (the removal's own moment is the answer of now).
    for (const h of held) expect(await answers(h.at), `as recorded at ${h.at}`).toEqual(h.answers);
    expect(await answers(new Date().toISOString())).toEqual(afterRemoval);
    // Five writes and a few dozen rounds of seven heavy reads: minutes on a busy machine.
  }, 900_000);

  it('refuses a moment before the first change on each new field, changing nothing', async () => {
    for (const [query, vars] of [
      [WF, { id: ORGS[0] }],
      [CONN, { from: PAIRS[0]![0], to: PAIRS[0]![1] }],
      [AUDIT, { id: CLAIM }],
      [CARD, { id: ORGS[0] }],
    ] as const) {
      const early = await api.query(query, { ...vars, at: '2001-01-01T00:00:00Z' });
      expect(early.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(early.errors?.[0]?.message).toMatch(/before the store's first recorded change/);
    }
  });
});
