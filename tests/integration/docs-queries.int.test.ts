// Every example query in docs/queries runs on the fixtures and answers what its comment promises.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFixtures } from '../../server/fixtures.js';
import { useSeededServer } from '../support/test-server.js';

const DIR = new URL('../../docs/queries/', import.meta.url);
const files = readdirSync(DIR).filter((f) => f.endsWith('.graphql')).sort();

const api = useSeededServer(importFixtures);

const ids = (xs: { id?: string; organization?: { id: string } }[]) => xs.map((x) => x.organization?.id ?? x.id);

/** What each example must show; a new example without a check here fails, so none goes untested. */
const CHECKS: Record<string, (data: Record<string, any>) => void> = {
  'end-customers-of-a-worker-pool.graphql': (d) => {
    const ultimate = d.whoWorksFor.filter((b: any) => b.ultimate && b.organization.kind === 'end-customer');
    expect(ids(ultimate).sort()).toEqual(['ex-autogroupe', 'ex-retailmax']);
  },
  'pay-and-the-minimum-wage.graphql': (d) => {
    // €0.12 a box × 20–30 boxes an hour (fictional interviews): €2.40–3.60 an hour, never a typical value.
    const [report] = d.entity.pay;
    expect(report).toMatchObject({ id: 'ex-pay-mg-annotators-boxes', reported: '€0.12 a task', hourly: { min: 2.4, max: 3.6, currency: 'EUR' }, hourlyNote: null });
    expect(report.hourlySteps).toEqual(['€0.12 a task × 20–30 tasks an hour = €2.40–3.60 an hour']);
    // The comparison either names its reference and ratios, or says why there is none (no reference table loaded).
    for (const gap of [report.legalMinimum, report.livingWage]) {
      if (gap.reference) expect(gap.ratioMin).toBeGreaterThan(0);
      else expect(gap.reason).toMatch(/^the reference table has no (legal minimum|living) wage for MG$/);
    }
  },
  'workforce-behind-a-company.graphql': (d) => {
    // Since Taskora changed buyer in mid-2021, only Mada Talent's teams (300 + 40) work behind DataVolt.
    expect(d.workforceBehind.countries).toEqual(['MG']);
    expect(d.workforceBehind).toMatchObject({ totalWorkersMin: 340, totalWorkersMax: 340 });
  },
  'worker-share-of-the-client-price.graphql': (d) => {
    expect(d.valueChain).toHaveLength(1);
    expect(d.valueChain[0]).toMatchObject({ workerPayPerUnitEur: 0.03, clientPricePerUnitEur: 0.25, workerShare: 0.12 });
  },
  'task-provenance.graphql': (d) => {
    expect(d.provenance).toMatchObject({ depth: 5, roleSplit: true, undisclosedHops: 4 });
    expect(d.provenance.endCustomers).toEqual([{ name: 'MegaCorp Assist', country: 'US' }]);
  },
  'documented-deep-labour.graphql': (d) => {
    // The claim is judged on sourced evidence: the recruiting, contracting and execution split the hearing describes.
    expect(d.audit[0]).toMatchObject({ verdict: 'CONTRADICTED', unsourcedEvidence: 0 });
    expect(d.audit[0].evidence.edges.map((e: any) => e.type).sort()).toEqual(['CONTRACTED_BY', 'WORKS_ON']);
    for (const e of d.audit[0].evidence.edges) expect(e.sources[0].date).toBe('2019-10-16');
    // 260,000 occasional, 50,000 regular and 15,000 very active: nested, so never added up.
    expect(d.workforceBehind.workerPools.map((p: any) => p.size).sort()).toEqual([15000, 260000, 50000]);
    expect(d.workforceBehind).toMatchObject({ totalWorkersMin: 260000, totalWorkersMax: 260000 });
  },
  'how-are-these-connected.graphql': (d) => {
    // Two chains of three links: through the AI product the task feeds, and through the client that ordered it.
    expect(d.connections.truncated).toBe(false);
    expect(d.connections.paths.map((p: any) => p.steps.map((s: any) => `${s.along ? '' : '~'}${s.link.type}`))).toEqual([
      ['~PERFORMED_BY', 'FEEDS', 'OWNED_BY'], ['~PERFORMED_BY', 'ORDERED_BY', 'SUBCONTRACTS_FOR'],
    ]);
  },
  'documented-facts.graphql': (d) => {
    expect(d.provenance.aiProducts[0].owner.name).toBe('Microsoft');
    expect(d.provenance.executionPlatforms[0].kind).toBe('undisclosed');
    expect(ids(d.search)).toContain('ai-cortana');
  },
  'cascade-in-2020.graphql': (d) => {
    const nodes = ids(d.cascade.nodes);
    expect(nodes).toContain('ex-datavolt');
    expect(nodes).not.toContain('ex-nexa');
  },
};

describe('connections on the illustrative fixture', () => {
  it('says when it cut the list at limit, keeping the first paths', async () => {
    const q = 'query($limit: Int) { connections(fromId: "ex-pool-fr-home", toId: "ex-megacorp", limit: $limit) { truncated paths { steps { link { id } } } } }';
    const all = (await api.query(q, { limit: 20 })).data!.connections;
    expect(all.paths).toHaveLength(2);
    expect((await api.query(q, { limit: 1 })).data!.connections).toEqual({ truncated: true, paths: [all.paths[0]] });
  });
});

describe('docs/queries', () => {
  it('has a check for every example', () => {
    expect(files.sort()).toEqual(Object.keys(CHECKS).sort());
  });

  it.each(files)('%s answers without error', async (file) => {
    const r = await api.query(readFileSync(new URL(file, DIR), 'utf8'));
    expect(r.errors).toBeUndefined();
    CHECKS[file]!(r.data!);
  });
});
