// Every example query in docs/queries runs on the fixtures and answers what its comment promises.
import { readdirSync, readFileSync } from 'node:fs';
import { buildSchema, Kind, parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../server/auth/token-store.js';
import { FIXTURES, importFixtures } from '../../server/fixtures.js';
import type { Dataset } from '../../server/dataset/index.js';
import { datasetFile } from '../support/load-dataset.js';
import { typeDefs } from '../../server/schema/index.js';
import { useSeededServer } from '../support/test-server.js';

const DIR = new URL('../../docs/queries/', import.meta.url);
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.graphql'))
  .sort();

const tokens: Record<'reader' | 'editor', string> = { reader: '', editor: '' };
const api = useSeededServer(async (db) => {
  await importFixtures(db);
  tokens.reader = await createToken(db, 'Example reader', 'reader', 'test');
  tokens.editor = await createToken(db, 'Example editor', 'editor', 'test');
});

/** Variables for the examples that take some, found once the server runs (an investigation's id is only known once saved). */
const VARIABLES: Record<string, Record<string, unknown>> = {};

beforeAll(async () => {
  // What the history and saved-investigation examples read: one edit and one saved investigation, made as a script would.
  const edit = await api.query(
    'mutation($e: EntityInput!) { upsertEntity(entity: $e, reason: "The 2020 registry extract gives its trading name") { change { id } } }',
    { e: { id: 'ex-datavolt', name: 'DataVolt', kind: 'vendor', aliases: ['DataVolt SAS'] } },
    { authorization: `Bearer ${tokens.editor}` },
  );
  expect(edit.errors).toBeUndefined();
  const saved = await api.query(
    'mutation($i: InvestigationInput!) { saveInvestigation(investigation: $i) { id } }',
    {
      i: {
        name: 'Who orders the Madagascar annotation?',
        view: '?root=ex-pool-mg-annotators&depth=2',
        notes: 'Start from the pool.',
        itemNotes: [{ id: 'ex-datavolt', text: 'Check the 2019 registry extract.' }],
      },
    },
    { authorization: `Bearer ${tokens.reader}` },
  );
  expect(saved.errors).toBeUndefined();
  VARIABLES['open-a-saved-investigation.graphql'] = { id: saved.data!.saveInvestigation.id };
  // What the right-of-reply example reads: one request for reply, answered.
  const asked = await api.query(
    'mutation($r: ReplyInput!) { upsertReply(reply: $r, reason: "Findings sent by e-mail") { change { id } } }',
    {
      r: {
        id: 'reply-taskora-2026-03',
        organization: 'ex-taskora',
        askedOn: '2026-03-03',
        claims: ['ex-claim-taskora-intermediary'],
        deadline: '2026-03-17',
        answeredOn: '2026-03-17',
        answer: 'Taskora says it only hosts the work.',
      },
    },
    { authorization: `Bearer ${tokens.editor}` },
  );
  expect(asked.errors).toBeUndefined();
});

/** An example whose comment says to send a token is sent with a reader's. */
const headersFor = (text: string): Record<string, string> =>
  /^#.*Authorization: Bearer/m.test(text) ? { authorization: `Bearer ${tokens.reader}` } : {};

const ids = (xs: { id?: string; organization?: { id: string } }[]) => xs.map((x) => x.organization?.id ?? x.id);

/** What each example must show; a new example without a check here fails, so none goes untested. */
const CHECKS: Record<string, (data: Record<string, any>) => void> = {
  'changes-of-verdict.graphql': (d) => {
    // The fixtures' import gave Modero's claim its first verdict; nothing has changed it since.
    const nodes = d.verdictChanges.edges.map((e: any) => e.node);
    expect(d.verdictChanges.totalCount).toBe(nodes.length);
    expect(nodes.map((n: any) => n.claimId)).toContain('ex-claim-modero-no-subcontracting');
    for (const n of nodes)
      expect(n).toMatchObject({ subjectName: 'Modero', old: null, changeSummary: expect.stringMatching(/^imported /) });
  },
  'right-of-reply.graphql': (d) => {
    expect(d.replies.totalCount).toBe(1);
    expect(d.replies.edges[0].node).toMatchObject({
      id: 'reply-taskora-2026-03',
      askedBy: 'Example editor',
      status: 'ANSWERED',
      summary: 'Taskora was asked on 3 March 2026 and answered on 17 March 2026: Taskora says it only hosts the work.',
    });
  },
  'history-of-a-verdict.graphql': (d) => {
    expect(d.verdictHistory.totalCount).toBe(1);
    expect(d.verdictHistory.edges[0].node).toMatchObject({
      old: null,
      new: expect.stringMatching(/^(SUPPORTED|UNVERIFIABLE|CONTRADICTED)$/),
    });
  },
  'end-customers-of-a-worker-pool.graphql': (d) => {
    const ultimate = d.whoWorksFor.filter((b: any) => b.ultimate && b.organization.kind === 'end-customer');
    expect(ids(ultimate).sort()).toEqual(['ex-autogroupe', 'ex-retailmax']);
  },
  'pay-and-the-minimum-wage.graphql': (d) => {
    // €0.12 a box × 20–30 boxes an hour (fictional interviews): €2.40–3.60 an hour, never a typical value.
    const [report] = d.entity.pay;
    expect(report).toMatchObject({
      id: 'ex-pay-mg-annotators-boxes',
      reported: '€0.12 a task',
      hourly: { min: 2.4, max: 3.6, currency: 'EUR' },
      hourlyNote: null,
    });
    expect(report.hourlySteps).toEqual(['€0.12 a task × 20–30 tasks an hour = €2.40–3.60 an hour']);
    // The comparison either names its reference and ratios, or says why there is none (no reference table loaded).
    for (const gap of [report.legalMinimum, report.livingWage]) {
      if (gap.reference) expect(gap.ratioMin).toBeGreaterThan(0);
      // Madagascar's sourced monthly minimums state no hours basis: a per-task rate cannot be set against them.
      else
        expect(gap.reason).toMatch(
          /^the reference table has no (legal minimum|living) wage for MG$|^the reference wage-mg-\S+ is .* its source states no hours basis/,
        );
    }
  },
  'workforce-behind-a-company.graphql': (d) => {
    // Since Taskora changed buyer in mid-2021, only Mada Talent's teams (300 + 40) work behind DataVolt.
    expect(d.workforceBehind.countries).toEqual(['MG']);
    expect(d.workforceBehind).toMatchObject({ totalWorkersMin: 340, totalWorkersMax: 340 });
  },
  'worker-share-of-the-client-price.graphql': (d) => {
    expect(d.valueChain).toHaveLength(1);
    expect(d.valueChain[0]).toMatchObject({
      workerPayPerUnitEur: 0.03,
      clientPricePerUnitEur: 0.25,
      workerShare: 0.12,
    });
  },
  'pay-along-the-value-chain.graphql': (d) => {
    // Fictional: €0.02 a box as contracted and €0.12 a box as the annotators report it, against the client's €0.30.
    const [row] = d.valueChain;
    expect(row).toMatchObject({
      workerPool: { country: 'MG', paySuppressed: false },
      workerPayPerUnitEur: 0.02,
      workerPayBasis: 'contract price',
      clientPricePerUnitEur: 0.3,
    });
    expect(row.reportedPay).toEqual([
      expect.objectContaining({
        report: expect.objectContaining({ id: 'ex-pay-mg-annotators-boxes', reported: '€0.12 a task' }),
        workerPayPerUnitEur: { min: 0.12, max: 0.12 },
        clientPricePerUnitEur: 0.3,
        workerShare: { min: 0.4, max: 0.4 },
        note: null,
      }),
    ]);
    const gap = row.workerPool.pay[0].legalMinimum;
    expect(gap.reference ? gap.ratioMin : gap.reason).not.toBeNull();
  },
  'task-provenance.graphql': (d) => {
    expect(d.provenance).toMatchObject({ depth: 5, roleSplit: true, undisclosedHops: 4 });
    expect(d.provenance.endCustomers).toEqual([{ name: 'MegaCorp Assist', country: 'US' }]);
  },
  'documented-deep-labour.graphql': (d) => {
    // The text makes the claim for the platforms in general, which contract their workers themselves (question 5, point 2):
    // the rules find no split there. Its counter-example, deep labour, is the cascade its own task traces.
    expect(d.audit[0]).toMatchObject({ verdict: 'SUPPORTED', unsourcedEvidence: 0 });
    expect(d.audit[0].evidence.edges.map((e: any) => `${e.type}:${e.from}`).sort()).toEqual([
      'CONTRACTED_BY:pool-fr-occasional',
      'CONTRACTED_BY:pool-fr-regular',
      'CONTRACTED_BY:pool-fr-very-active',
    ]);
    for (const e of d.audit[0].evidence.edges)
      expect(e.sources[0]).toMatchObject({ date: '2019-10-16', locator: expect.stringMatching(/^question 5/) });
    expect(d.provenance).toMatchObject({
      roleSplit: true,
      workerPools: [{ id: 'pool-deep-labour' }],
      executionPlatforms: [{ id: 'undisclosed-deep-labour-platforms' }],
      clients: [{ id: 'undisclosed-gafam' }],
    });
    // 260,000 occasional, 50,000 regular and 15,000 very active: nested, so never added up.
    expect(d.workforceBehind.workerPools.map((p: any) => p.size).sort()).toEqual([15000, 260000, 50000]);
    expect(d.workforceBehind).toMatchObject({ totalWorkersMin: 260000, totalWorkersMax: 260000 });
  },
  'how-are-these-connected.graphql': (d) => {
    // Two chains of three links: through the AI product the task feeds, and through the client that ordered it.
    expect(d.connections.truncated).toBe(false);
    expect(d.connections.paths.map((p: any) => p.steps.map((s: any) => `${s.along ? '' : '~'}${s.link.type}`))).toEqual(
      [
        ['~PERFORMED_BY', 'FEEDS', 'OWNED_BY'],
        ['~PERFORMED_BY', 'ORDERED_BY', 'SUBCONTRACTS_FOR'],
      ],
    );
  },
  'documented-facts.graphql': (d) => {
    expect(d.provenance.aiProducts[0].owner.name).toBe('Microsoft');
    expect(d.provenance.executionPlatforms[0].kind).toBe('undisclosed');
    expect(ids(d.search)).toContain('ai-cortana');
  },
  'one-organisation-by-id.graphql': (d) => {
    expect(d.entity).toMatchObject({ id: 'ex-datavolt', kind: 'vendor', country: 'FR', aliases: ['DataVolt SAS'] });
    expect(d.entity.sources.length).toBeGreaterThan(0);
  },
  'several-entities-at-once.graphql': (d) => {
    expect(d.entities.map((p: any) => [p.id, p.size])).toEqual([
      ['pool-fr-occasional', 260000],
      ['pool-fr-regular', 50000],
      ['pool-fr-very-active', 15000],
    ]);
  },
  'french-platforms-page-by-page.graphql': (d) => {
    // Six French platforms across both fixtures: the first page holds three, in id order, and says more follow.
    expect(d.organizations.totalCount).toBe(6);
    expect(d.organizations.edges.map((e: any) => e.node.id)).toEqual(['ex-clicklink', 'ex-deskrelay', 'ex-pixelwork']);
    expect(d.organizations.pageInfo).toMatchObject({ hasNextPage: true, endCursor: expect.any(String) });
  },
  'what-the-store-holds.graphql': (d) => {
    // What the fixtures hold, counted from their files (an id two datasets share is one record).
    const datasets = Object.values(FIXTURES).map((path) => datasetFile(path));
    const distinct = (pick: (d: Dataset) => { id: string }[]) =>
      new Set(datasets.flatMap((d) => pick(d).map((x) => x.id))).size;
    expect(d.stats).toMatchObject({ claims: distinct((x) => x.claims), sources: distinct((x) => x.sources) });
    expect(d.stats.nodes.find((n: any) => n.name === 'WorkerPool').count).toBe(distinct((x) => x.workerPools));
  },
  'record-version-before-an-edit.graphql': (d) => {
    expect(d.recordVersion).toMatch(/\S/);
    expect(d.recordVersion).not.toBe('absent');
  },
  'saved-investigations-page-by-page.graphql': (d) => {
    expect(d.investigationPage.edges.length).toBeGreaterThan(0);
    expect(d.investigationPage.pageInfo).toHaveProperty('hasNextPage');
  },
  'claims-of-an-organisation.graphql': (d) => {
    // Two of Pixelwork's three claims on the first page; the third follows after its endCursor.
    expect(d.claimPage.totalCount).toBe(3);
    expect(d.claimPage.edges.map((e: any) => e.node.id)).toEqual([
      'ex-claim-pixelwork-client-known',
      'ex-claim-pixelwork-fair-pay',
    ]);
    expect(d.claimPage.pageInfo.hasNextPage).toBe(true);
  },
  'pay-in-a-scorecard.graphql': (d) => {
    const pay = d.scorecard.pay;
    // Sama's pools with pay in the public-reporting file; the press reports their pay per hour in US dollars.
    expect(pay.workerPools.map((p: any) => p.id)).toEqual(
      expect.arrayContaining([
        'pool-sama-ke-data-labellers',
        'pool-sama-ke-facebook-moderators',
        'pool-sama-ke-openai-text-labellers',
      ]),
    );
    expect(pay.withSourcedPay).toBeGreaterThanOrEqual(3);
    expect(pay.withHourly).toBeGreaterThanOrEqual(3);
    for (const a of [pay.legalMinimum, pay.livingWage]) {
      expect(a.compared).toBe(a.below + a.spanning + a.atOrAbove);
      expect(a.compared + a.notComparable).toBe(pay.withSourcedPay);
      for (const r of a.references) expect(r.country).toBe('KE');
    }
    const labellers = pay.workerPools.find((p: any) => p.id === 'pool-sama-ke-openai-text-labellers');
    expect(labellers.pay.map((r: any) => r.reported)).toContain('$1.32–2.00 an hour');
    // Every ratio that is given comes with its reference; every one that is not says why.
    for (const r of pay.workerPools.flatMap((p: any) => p.pay)) {
      for (const gap of [r.legalMinimum, r.livingWage])
        expect(gap.reference ? gap.ratioMin !== null : gap.reason !== null).toBe(true);
    }
  },
  'transparency-scorecard.graphql': (d) => {
    expect(d.scorecard.indicators.map((i: any) => i.id)).toContain('deepest-chain');
    expect(d.scorecard.audits.map((a: any) => a.claim.id).sort()).toEqual([
      'ex-claim-taskora-fair-pay',
      'ex-claim-taskora-intermediary',
    ]);
  },
  'who-am-i.graphql': (d) => {
    expect(d.me).toEqual({ name: 'Example reader', role: 'reader' });
  },
  'store-version.graphql': (d) => {
    expect(d.storeVersion).toEqual(expect.any(String));
  },
  'ledger-head.graphql': (d) => {
    expect(d.ledger).toEqual({
      seq: expect.any(Number),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      digest: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  },
  'open-a-saved-investigation.graphql': (d) => {
    expect(d.investigation).toMatchObject({
      owner: 'Example reader',
      itemNotes: [{ id: 'ex-datavolt', text: 'Check the 2019 registry extract.' }],
    });
  },
  'history-of-a-record.graphql': (d) => {
    expect(d.historyPage.edges.map((e: any) => e.node)).toEqual([
      expect.objectContaining({
        author: 'Example editor',
        action: 'upsert',
        status: 'applied',
        reason: 'The 2020 registry extract gives its trading name',
      }),
    ]);
    expect(d.historyPage.pageInfo.hasNextPage).toBe(false);
  },
  'latest-changes-page-by-page.graphql': (d) => {
    // The request for reply and the edit (newest first); the fixtures' imports are on the next pages.
    expect(d.changes.edges.map((e: any) => e.node.action)).toEqual(['upsert', 'upsert']);
    expect(d.changes.pageInfo.hasNextPage).toBe(true);
  },
  'grouped-neighbourhood.graphql': (d) => {
    const groups = d.cascadeGroups.groups;
    expect(groups[0]).toMatchObject({ id: 'root', label: 'Taskora', members: 1 });
    // Every member of the French pools' group is listed, and the group counts them all.
    const fr = groups.find((g: any) => g.id === 'worker-pool/FR');
    expect(d.frenchPools.totalCount).toBe(fr.members);
    expect(d.frenchPools.nodes.length).toBe(fr.members);
    const members = groups.reduce((n: number, g: any) => n + g.members, 0);
    expect(members).toBe(d.cascadeGroups.totalNodes);
  },
  'cascade-in-2020.graphql': (d) => {
    const nodes = ids(d.cascade.nodes);
    expect(nodes).toContain('ex-datavolt');
    expect(nodes).not.toContain('ex-nexa');
  },
};

describe('connections on the illustrative fixture', () => {
  it('says when it cut the list at limit, keeping the first paths', async () => {
    const q =
      'query($limit: Int) { connections(fromId: "ex-pool-fr-home", toId: "ex-megacorp", limit: $limit) { truncated paths { steps { link { id } } } } }';
    const all = (await api.query(q, { limit: 20 })).data!.connections;
    expect(all.paths).toHaveLength(2);
    expect((await api.query(q, { limit: 1 })).data!.connections).toEqual({ truncated: true, paths: [all.paths[0]] });
  });
});

describe('docs/queries', () => {
  it('has a check for every example', () => {
    expect(files.sort()).toEqual(Object.keys(CHECKS).sort());
  });

  it("shows every root Query field in at least one example (a deprecated one only in its replacement's)", () => {
    const shown = new Set(
      files.flatMap((f) =>
        parse(readFileSync(new URL(f, DIR), 'utf8')).definitions.flatMap((d) =>
          d.kind === Kind.OPERATION_DEFINITION
            ? d.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []))
            : [],
        ),
      ),
    );
    const fields = Object.values(buildSchema(typeDefs).getQueryType()!.getFields())
      .filter((f) => !f.deprecationReason)
      .map((f) => f.name);
    expect(fields.filter((f) => !shown.has(f))).toEqual([]);
  });

  it.each(files)('%s answers without error', async (file) => {
    const text = readFileSync(new URL(file, DIR), 'utf8');
    const r = await api.query(text, VARIABLES[file], headersFor(text));
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    CHECKS[file]!(r.data!);
  });
});
