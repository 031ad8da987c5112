// The ledger (#29.3) against a real Neo4j: every change is sealed with a hash chained to the previous one, and
// `deep-labour verify` passes after imports, edits, retractions, reverts and removals, and names the first change
// rewritten directly through Cypher.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { describe, expect, inject, it } from 'vitest';
import { createToken } from '../../server/auth/token-store.js';
import { runCli } from '../../server/cli/deep-labour.js';
import { importDataset, removeDataset, validateDataset } from '../../server/dataset/index.js';
import type { Database } from '../../server/db/index.js';
import { FIXTURES } from '../../server/fixtures.js';
import { datasetFile } from '../support/load-dataset.js';
import { cliEnv } from '../support/test-database.js';
import { useSeededServer, type GraphqlResponse } from '../support/test-server.js';
import { minimalDataset } from '../fixtures/minimal-dataset.js';

let store: Database;
let token = '';
const api = useSeededServer(async (db) => {
  store = db;
  await importDataset(db, datasetFile(FIXTURES.illustrative));
  token = await createToken(db, 'ledger editor', 'editor', 'test');
});

const ok = (r: GraphqlResponse) => {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!;
};
const edit = (query: string, variables: Record<string, unknown>) =>
  api.query(query, variables, { authorization: `Bearer ${token}` });

const verify = async () => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['verify'], cliEnv(), {
    out: (t: string) => out.push(t),
    err: (t: string) => err.push(t),
    isTTY: false,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

/** Runs Cypher the way anyone with Bolt access could, outside deep-labour. */
async function tamper(cypher: string, params: Record<string, unknown>): Promise<void> {
  const n = inject('neo4j');
  const driver = neo4j.driver(n.uri, n.user ? neo4j.auth.basic(n.user, n.password ?? '') : undefined);
  try {
    await driver.executeQuery(cypher, params);
  } finally {
    await driver.close();
  }
}

/** Rows of a read through Bolt, integers as numbers. */
async function census(cypher: string): Promise<{ k: string; n: number; stamped: number }[]> {
  const n = inject('neo4j');
  const driver = neo4j.driver(n.uri, n.user ? neo4j.auth.basic(n.user, n.password ?? '') : undefined);
  try {
    const { records } = await driver.executeQuery(cypher, {});
    return records.map((r) => ({ k: r.get('k'), n: Number(r.get('n')), stamped: Number(r.get('stamped')) }));
  } finally {
    await driver.close();
  }
}

const CHANGE = 'change { id action }';
const UPSERT_LINK = `mutation($link: LinkInput!, $reason: String!) { upsertLink(link: $link, reason: $reason) { ${CHANGE} } }`;
const RETRACT = `mutation($id: ID!, $reason: String!) { retract(id: $id, reason: $reason) { ${CHANGE} } }`;
const REVERT = `mutation($id: ID!, $reason: String!) { revert(changeId: $id, reason: $reason) { ${CHANGE} } }`;
const LINK = {
  id: 'ledger-nexa-modero',
  type: 'SUBCONTRACTS_FOR',
  from: 'ex-nexa',
  to: 'ex-modero',
  since: '2020',
  sources: ['ex-src-scenario'],
};

describe('deep-labour verify', () => {
  it('passes after an import, an edit, a retraction, a revert and a removal, naming the head', async () => {
    const first = await verify();
    expect(first.code, first.err).toBe(0);
    expect(first.out).toMatch(/^ledger: \d+ changes, head seq \d+ hash [0-9a-f]{64}: intact$/);

    ok(await edit(UPSERT_LINK, { link: LINK, reason: 'the scenario names the order' }));
    const retracted = ok(await edit(RETRACT, { id: LINK.id, reason: 'the order was cancelled' })).retract.change;
    ok(await edit(REVERT, { id: retracted.id, reason: 'it was not cancelled' }));
    const extra = validateDataset({ ...minimalDataset(), id: 'ledger-extra' });
    if (!extra.ok) throw new Error(JSON.stringify(extra.problems));
    await importDataset(store, extra.dataset);
    await removeDataset(store, 'ledger-extra');

    const after = await verify();
    expect(after.code, after.err).toBe(0);
    const [, changes, seq] = /^ledger: (\d+) changes, head seq (\d+)/.exec(after.out)!;
    expect(Number(changes)).toBeGreaterThanOrEqual(6);
    expect(Number(seq)).toBeGreaterThan(Number(/head seq (\d+)/.exec(first.out)![1]));
  }, 180_000);

  it("prints the ledger's head in audit reports, Markdown and JSON, as verify names it", async () => {
    const [, seq, hash] = /head seq (\d+) hash ([0-9a-f]{64})/.exec((await verify()).out)!;
    const run = async (args: string[]) => {
      const out: string[] = [];
      const code = await runCli(['audit', '--org', 'ex-modero', ...args], cliEnv(), {
        out: (t: string) => out.push(t),
        err: () => {},
        isTTY: false,
      });
      expect(code).toBe(0);
      return out.join('\n');
    };
    expect(JSON.parse(await run(['--format', 'json'])).ledger).toEqual({ seq: Number(seq), hash });
    expect(await run([])).toContain(`evidence as of change ${seq}, ledger hash ${hash}`);
    // The JSON export carries it too, and an import of that file ignores it (no warning about an unknown field).
    const file = join(mkdtempSync(join(tmpdir(), 'ledger-export-')), 'export.json');
    expect(await runCli(['export', file], cliEnv(), { out: () => {}, err: () => {}, isTTY: false })).toBe(0);
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    expect(exported.ledger).toEqual({ seq: Number(seq), hash });
    const again = validateDataset(exported);
    expect(again.ok ? again.warnings.filter((w) => w.path === 'ledger') : again.problems).toEqual([]);
  });

  it('answers the head verify names through Query.ledger, moved by an edit and not by a proposal waiting for review', async () => {
    const LEDGER = '{ ledger { seq hash digest } }';
    const verified = async () => {
      const [, seq, hash] = /head seq (\d+) hash ([0-9a-f]{64})/.exec((await verify()).out)!;
      return { seq: Number(seq), hash };
    };
    const before = ok(await api.query(LEDGER)).ledger;
    expect(before).toEqual({ ...(await verified()), digest: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const UPSERT = `mutation($entity: EntityInput!, $reason: String!, $review: Boolean) { upsertEntity(entity: $entity, reason: $reason, needsReview: $review) { ${CHANGE} } }`;
    ok(
      await edit(UPSERT, {
        entity: { id: 'ledger-head-org', kind: 'vendor', name: 'Head Org (fictional)' },
        reason: 'a new one',
      }),
    );
    const edited = ok(await api.query(LEDGER)).ledger;
    expect(edited).toEqual({ ...(await verified()), digest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(edited.seq).toBeGreaterThan(before.seq);
    expect(edited.digest).not.toBe(before.digest);

    // A proposal is sealed in the ledger (verify's head moves), but readers cannot tell one was filed: the field stays.
    ok(
      await edit(UPSERT, {
        entity: { id: 'ledger-head-org', kind: 'vendor', name: 'Head Org (proposed)' },
        reason: 'a proposal',
        review: true,
      }),
    );
    expect((await verified()).seq).toBeGreaterThan(edited.seq);
    expect(ok(await api.query(LEDGER)).ledger).toEqual(edited);
  });

  it('passes after an entity edit through the API, and every record kind and link type of the fixtures carries its h', async () => {
    const UPSERT_ENTITY = `mutation($entity: EntityInput!, $reason: String!) { upsertEntity(entity: $entity, reason: $reason) { ${CHANGE} } }`;
    ok(
      await edit(UPSERT_ENTITY, {
        entity: { id: 'ex-nexa', kind: 'vendor', name: 'Nexa (renamed)' },
        reason: 'rename',
      }),
    );
    ok(
      await edit(UPSERT_ENTITY, {
        entity: { id: 'ledger-new-org', kind: 'vendor', name: 'New Org' },
        reason: 'a new one',
      }),
    );
    for (const path of [FIXTURES.diplab, FIXTURES.publicReporting, FIXTURES.wageReferences])
      await importDataset(store, datasetFile(path));
    const report = await verify();
    expect(report.code, report.err).toBe(0);
    // Written then read back, every element's h is the h of what was read back (the first page of kinds and types).
    const kinds = await census(
      'MATCH (n:Record) RETURN [l IN labels(n) WHERE NOT l IN ["Record", "Entity"]][0] AS k, count(n) AS n, count(n.h) AS stamped',
    );
    const types = await census(
      'MATCH ()-[r]->() WHERE r.id IS NOT NULL AND NOT type(r) STARTS WITH "WAS_" RETURN type(r) AS k, count(r) AS n, count(r.h) AS stamped',
    );
    for (const row of [...kinds, ...types]) expect(row.stamped, String(row.k)).toBe(row.n);
    expect(kinds.map((r) => r.k)).toEqual(
      expect.arrayContaining(['Organization', 'WorkerPool', 'Task', 'Source', 'Claim']),
    );
    expect(types.length).toBeGreaterThanOrEqual(5);
  }, 180_000);

  it('names a record whose name was set through Cypher, and a link whose share was with the change that last wrote it, and passes once they are put back', async () => {
    await tamper("MATCH (n:Record {id: 'ex-modero'}) SET n.was = n.name, n.name = 'x'", {});
    await tamper(
      'MATCH (:Record)-[r]->(:Record) WHERE r.h IS NOT NULL WITH r ORDER BY r.id LIMIT 1 SET r.was = r.share, r.share = 0.123',
      {},
    );
    const [link] = await census(
      'MATCH ()-[r]->() WHERE r.share = 0.123 RETURN r.id AS k, r.recFrom AS n, count(*) AS stamped',
    );
    expect(link!.n, 'the link tampered with carries the recFrom of the change that wrote it').toBeGreaterThan(0);
    const report = await verify();
    expect(report.code).toBe(1);
    expect(report.err).toMatch(
      /evidence: record ex-modero \(Organization\): its content does not match its hash; last written by change \d+ \(its recFrom\)/,
    );
    expect(report.err).toMatch(/evidence: link [A-Z_]+ \S+ → \S+ \(id \S+\): its content does not match its hash/);
    expect(report.err).toContain(
      `(id ${link!.k}): its content does not match its hash; last written by change ${link!.n} (its recFrom)`,
    );
    await tamper("MATCH (n:Record {id: 'ex-modero'}) SET n.name = n.was REMOVE n.was", {});
    await tamper('MATCH ()-[r]->() WHERE r.was IS NOT NULL OR r.share = 0.123 SET r.share = r.was REMOVE r.was', {});
    const back = await verify();
    expect(back.code, back.err).toBe(0);
  });

  it('names the change whose author was rewritten through Cypher, and exits 1; passes again once it is put back', async () => {
    const head = Number(/head seq (\d+)/.exec((await verify()).out)![1]);
    const k = head - 2;
    const seq = neo4j.int(k);
    await tamper('MATCH (c:Change {seq: $seq}) SET c.was = c.author, c.author = $who', { seq, who: 'someone else' });
    const report = await verify();
    expect(report.code).toBe(1);
    expect(report.out).toBe('');
    expect(report.err).toContain(`ledger: change ${k} (`);
    expect(report.err).toContain('its content does not match its hash');
    await tamper('MATCH (c:Change {seq: $seq}) SET c.author = c.was REMOVE c.was', { seq });
    expect((await verify()).code).toBe(0);
  });

  it('finds the last change deleted through Cypher by the head the change counter keeps', async () => {
    const head = Number(/head seq (\d+)/.exec((await verify()).out)![1]);
    await tamper('MATCH (c:Change {seq: $seq}) DETACH DELETE c', { seq: neo4j.int(head) });
    const report = await verify();
    expect(report.code).toBe(1);
    expect(report.err).toContain(
      `the ledger's head on the change counter is change ${head}, but the changes end at change ${head - 1}`,
    );
  });

  it('finds a record deleted and a link created through Cypher by the digest', async () => {
    await tamper("MATCH (n:Record {id: 'ledger-new-org'}) DETACH DELETE n", {});
    const deleted = await verify();
    expect(deleted.code).toBe(1);
    expect(deleted.err).toContain(
      "the evidence differs from the ledger's head: 1 element was added or deleted outside the explorer",
    );
    await tamper(
      "MATCH (a:Record {id: 'ex-nexa'}), (b:Record {id: 'ex-modero'}) CREATE (a)-[:FEEDS {id: 'forged', h: $h}]->(b)",
      { h: 'a'.repeat(64) },
    );
    const created = await verify();
    expect(created.code).toBe(1);
    expect(created.err).toContain(
      'evidence: link FEEDS ex-nexa → ex-modero (id forged): its content does not match its hash',
    );
    expect(created.err).toContain("the evidence differs from the ledger's head");
  });
});
