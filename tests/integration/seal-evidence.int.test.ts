// `deep-labour verify --seal-evidence` (#29.3) against a real Neo4j: a store made before the evidence digest (its
// records and links without `h`, its change counter without a digest) is reported "not covered"; the seal asks first,
// refuses while the ledger is broken, stamps every uncovered element in one recorded change (killed half-way, it
// leaves the store as it was), and from then on `verify` names a record changed or added through Cypher.
import { spawn } from 'node:child_process';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../../server/cli/deep-labour.js';
import { CurationError, revertChange } from '../../server/curation/curate.js';
import { importDataset } from '../../server/dataset/index.js';
import type { Database } from '../../server/db/index.js';
import { FIXTURES } from '../../server/fixtures.js';
import { generateDataset } from '../../server/dataset/generate-dataset.js';
import { datasetFile, validDataset } from '../support/load-dataset.js';
import { cliEnv, resetGraph, testDatabase } from '../support/test-database.js';

let db: Database;
let sealId = '';
beforeAll(async () => {
  db = await testDatabase();
  await resetGraph(db);
  await importDataset(db, datasetFile(FIXTURES.illustrative), { author: 'seal test' });
});
afterAll(async () => {
  await resetGraph(db);
  await db.close();
});

const cli = async (args: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, cliEnv(), {
    out: (t: string) => out.push(t),
    err: (t: string) => err.push(t),
    isTTY: false,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

/** Runs Cypher the way anyone with Bolt access could, outside deep-labour; returns the first row's `n` if any. */
async function bolt(cypher: string, params: Record<string, unknown> = {}): Promise<number | null> {
  const n = inject('neo4j');
  const driver = neo4j.driver(n.uri, n.user ? neo4j.auth.basic(n.user, n.password ?? '') : undefined);
  try {
    const { records } = await driver.executeQuery(cypher, params);
    return records[0]?.has('n') ? Number(records[0].get('n')) : null;
  } finally {
    await driver.close();
  }
}

const unstamped = async () =>
  (await bolt('MATCH (x:Record) WHERE x.h IS NULL RETURN count(x) AS n'))! +
  (await bolt(
    'MATCH (:Record)-[r]->(:Record) WHERE r.h IS NULL AND r.id IS NOT NULL AND NOT type(r) STARTS WITH "WAS_" RETURN count(r) AS n',
  ))!;

describe('deep-labour verify --seal-evidence', () => {
  it('covers a store made before the digest, asking first and refusing while the ledger is broken', async () => {
    expect((await cli(['verify'])).code).toBe(0);
    // The store as a version before the digest left it: no element carries `h`, the counter keeps no digest.
    await bolt('MATCH (x:Record) REMOVE x.h');
    await bolt('MATCH ()-[r]->() REMOVE r.h');
    await bolt('MATCH (k:ChangeCounter) REMOVE k.digest, k.evidenceCount, k.digestComplete');
    const before = await unstamped();
    expect(before).toBeGreaterThan(50);

    const old = await cli(['verify']);
    expect(old.code, old.err).toBe(0);
    expect(old.out).toMatch(
      /elements from before the digest, not covered; `deep-labour verify --seal-evidence` covers them/,
    );
    // Before the seal, a record rewritten through Cypher goes unnoticed: what the seal is for.
    await bolt("MATCH (n:Organization {id: 'ex-modero'}) SET n.was = n.name, n.name = 'x'");
    expect((await cli(['verify'])).code).toBe(0);
    await bolt("MATCH (n:Organization {id: 'ex-modero'}) SET n.name = n.was REMOVE n.was");

    // Without --yes and no terminal: it says what it would do, does nothing.
    const asked = await cli(['verify', '--seal-evidence']);
    expect(asked.code).toBe(1);
    expect(asked.err).toContain(`will stamp the ${before} records and links`);
    expect(asked.err).toContain('Nothing was done: add --yes to confirm');
    expect(await unstamped()).toBe(before);

    // A broken ledger is reported, and nothing is sealed over it.
    await bolt('MATCH (c:Change) WITH c ORDER BY c.seq LIMIT 1 SET c.was = c.author, c.author = "someone else"');
    const refused = await cli(['verify', '--seal-evidence', '--yes']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('does not match: its content does not match its hash');
    expect(await unstamped()).toBe(before);
    await bolt('MATCH (c:Change) WHERE c.was IS NOT NULL SET c.author = c.was REMOVE c.was');

    const sealed = await cli(['verify', '--seal-evidence', '--yes', '--author', 'seal test', '--reason', 'upgrade']);
    expect(sealed.code, sealed.err).toBe(0);
    const recorded =
      /sealed \d+ records and \d+ links; the evidence digest now covers the whole store; recorded in the history as (\S+)/.exec(
        sealed.out,
      );
    expect(recorded, sealed.out).not.toBeNull();
    sealId = recorded![1]!;
    expect(sealed.out).toMatch(/ledger: \d+ changes, head seq \d+ hash [0-9a-f]{64}: intact$/);
    expect(await unstamped()).toBe(0);

    const again = await cli(['verify', '--seal-evidence', '--yes']);
    expect(again.code).toBe(0);
    expect(again.out).toContain('nothing to seal');
  });

  it('then names a record changed and a record added through Cypher', async () => {
    await bolt("MATCH (n:Organization {id: 'ex-modero'}) SET n.was = n.name, n.name = 'x'");
    const changed = await cli(['verify']);
    expect(changed.code).toBe(1);
    expect(changed.err).toContain('evidence: record ex-modero (Organization): its content does not match its hash');
    await bolt("MATCH (n:Organization {id: 'ex-modero'}) SET n.name = n.was REMOVE n.was");
    expect((await cli(['verify'])).code).toBe(0);

    await bolt("CREATE (:Record:Entity:Organization {id: 'forged-org', name: 'Forged (fictional)', kind: 'vendor'})");
    const added = await cli(['verify']);
    expect(added.code).toBe(1);
    expect(added.err).toContain('evidence: record forged-org (Organization): it carries no hash');
  });

  it('is not a change an admin can revert', async () => {
    const revert = revertChange(db, { name: 'seal admin', role: 'admin' }, { changeId: sealId, reason: 'undo it' });
    await expect(revert).rejects.toBeInstanceOf(CurationError);
    await expect(revert).rejects.toThrow(/changed no evidence, so there is nothing to undo/);
  });
});

describe('deep-labour verify --seal-evidence, killed', () => {
  /** Takes the store back to how a version before the digest left it. */
  const strip = async () => {
    await bolt('MATCH (x:Record) REMOVE x.h');
    await bolt('MATCH ()-[r]->() REMOVE r.h');
    await bolt('MATCH (k:ChangeCounter) REMOVE k.digest, k.evidenceCount, k.digestComplete');
  };
  /**
   * Starts the CLI's seal. Its journal entry is written just before its transaction and removed inside it, so `begun`
   * resolves when the transaction starts, and `committed()` when its commit is visible (the entry gone).
   */
  const startSeal = () => {
    const child = spawn(process.execPath, ['bin/deep-labour.js', 'verify', '--seal-evidence', '--yes'], {
      env: cliEnv(),
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((done) => child.once('exit', done));
    const journal = async () => (await db.read('import-journal')).length > 0;
    const until = async (wanted: boolean) => {
      for (let i = 0; i < 12_000; i++) {
        if ((await journal()) === wanted) return performance.now();
        await new Promise((r) => setTimeout(r, 5));
      }
      throw new Error(`test: the seal's journal entry never ${wanted ? 'appeared' : 'went'}`);
    };
    const begun = until(true);
    return { child, exited, begun, committed: () => begun.then(() => until(false)) };
  };

  it('killed half-way through stamping, leaves the store as it was; the next seal covers it', async () => {
    await resetGraph(db);
    // A fictional generated store, large enough that the seal takes a while.
    const generated = validDataset(generateDataset({ links: 20_000 }), 'generated dataset');
    await importDataset(db, generated, { author: 'seal test' });
    // How long the seal's transaction takes here, from its start to its commit (the shorter of two, the caches warm);
    // the kill lands at half of it.
    const durations: number[] = [];
    for (let i = 0; i < 2; i++) {
      await strip();
      const timed = startSeal();
      durations.push((await timed.committed()) - (await timed.begun));
      expect(await timed.exited).toBe(0);
    }
    const takes = Math.min(...durations);
    expect(takes, 'the seal is long enough to be killed half-way').toBeGreaterThan(200);

    await strip();
    const before = await unstamped();
    const changesBefore = await bolt('MATCH (c:Change) RETURN count(c) AS n');
    const killed = startSeal();
    await killed.begun;
    await new Promise((r) => setTimeout(r, takes / 2));
    killed.child.kill('SIGKILL');
    await killed.exited;

    // All or nothing: had it committed, every element would be stamped and one more change recorded.
    const after = await unstamped();
    const changesAfter = await bolt('MATCH (c:Change) RETURN count(c) AS n');
    expect([after, changesAfter], 'a seal killed half-way leaves the store as it was').toEqual([before, changesBefore]);
    const verified = await cli(['verify']);
    expect(verified.code, verified.err).toBe(0);
    expect(verified.out).toMatch(/not covered; `deep-labour verify --seal-evidence` covers them/);

    const sealed = await cli(['verify', '--seal-evidence', '--yes']);
    expect(sealed.code, sealed.err).toBe(0);
    expect(await unstamped()).toBe(0);
  }, 300_000);
});
