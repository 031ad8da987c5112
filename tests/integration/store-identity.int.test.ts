// Only our own store: a password on the embedded Neo4j, an identity checked at every connection, fixtures only into a new
// store, and a foreign Neo4j on the port refused by the server, the CLI and the tests, with nothing written to it.
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readConfig } from '../../server/config.js';
import { runCli } from '../../server/cli/deep-labour.js';
import {
  connectDatabase,
  createDatabase,
  IDENTITY_FILE,
  PASSWORD_FILE,
  startOwnStore,
  StoreIdentityError,
  type OwnStore,
} from '../../server/db/index.js';
import { waitForStore } from '../../server/db/store-readiness.js';
import { FIXTURES } from '../../server/fixtures.js';
import { datasetFile } from '../support/load-dataset.js';
import { freePort } from '../support/free-port.js';
import { assertTestMarker } from '../support/test-database.js';

const scratch = mkdtempSync(join(tmpdir(), 'deep-labour-identity-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs `npm start`'s command with `env`, until `until` appears in its log or it exits; returns the log and a stop. */
function startServer(
  env: NodeJS.ProcessEnv,
  until: RegExp,
): Promise<{ log: string; code: number | null; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, NEO4J_URI: '', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  const exited = new Promise<number | null>((done) => child.once('exit', done));
  return new Promise((resolve) => {
    const stop = async () => {
      child.kill('SIGTERM');
      await exited;
    };
    child.stderr!.on('data', (chunk) => {
      log += String(chunk);
      if (until.test(log))
        resolve({
          get log() {
            return log;
          },
          code: null,
          stop,
        });
    });
    void exited.then((code) => resolve({ log, code, stop }));
  });
}

describe("the embedded store's password", () => {
  it('an unauthenticated or wrongly authenticated Bolt connection is refused', async () => {
    const { uri } = inject('neo4j');
    for (const auth of [{}, { user: 'neo4j', password: 'not-the-password' }]) {
      const stranger = createDatabase({ uri, ...auth });
      try {
        await expect(stranger.ping()).rejects.toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
      } finally {
        await stranger.close();
      }
    }
  });
});

describe('a foreign Neo4j on the port', () => {
  let foreign: OwnStore;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    foreign = await startOwnStore({
      port,
      dataDir: join(scratch, 'foreign'),
      heap: '512m',
      pageCache: '64m',
      txTimeoutMs: 60_000,
      log: () => {},
    });
  });
  afterAll(async () => {
    await foreign?.neo4j.stop();
  });

  const env = (dataDir: string) => ({ NEO4J_BOLT_PORT: String(port), NEO4J_DATA_DIR: dataDir });

  it('is refused, with what was found and what to do, when it does not know our password', async () => {
    await expect(connectDatabase(readConfig(env(join(scratch, 'ours-1'))), () => {})).rejects.toThrow(
      StoreIdentityError,
    );
    await expect(connectDatabase(readConfig(env(join(scratch, 'ours-1'))), () => {})).rejects.toThrow(
      /is not the store in .*refused this store's password.*NEO4J_BOLT_PORT/,
    );
  });

  it('is refused when it knows the password but holds another identity', async () => {
    const dir = join(scratch, 'ours-2');
    mkdirSync(dir, { recursive: true });
    copyFileSync(foreign.files.passwordFile, join(dir, PASSWORD_FILE));
    writeFileSync(join(dir, IDENTITY_FILE), 'deep-labour-somebody-else\n');
    await expect(connectDatabase(readConfig(env(dir)), () => {})).rejects.toThrow(
      /its identity is deep-labour-[0-9a-f]+, this store's is deep-labour-somebody-else/,
    );
  });

  it('is refused by the CLI and by npm start, and nothing is written to it', async () => {
    const err: string[] = [];
    const code = await runCli(
      ['import', 'fixtures/illustrative-cascade.json'],
      { ...process.env, NEO4J_URI: '', ...env(join(scratch, 'ours-3')) },
      { out: () => {}, err: (t) => err.push(t), isTTY: false },
    );
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(/is not the store in/);
    const server = await startServer(
      { PORT: String(await freePort()), ...env(join(scratch, 'ours-4')) },
      /Deep Labour Explorer at/,
    );
    expect(server.code).toBe(1);
    expect(server.log).toMatch(/is not the store in .*nothing was written to it/);
    const db = createDatabase(foreign.connection);
    try {
      // Our refused logins (two per attempt, spaced out) may have locked its user for a few seconds, as Neo4j does after 3.
      expect(await waitForStore(db, { waitMs: 30_000, what: 'the foreign Neo4j' })).toBe('ready');
      expect(await db.read('graph-size')).toEqual([{ entities: 0, links: 0, claims: 0 }]);
      // And the tests would not empty it either: it holds no test marker.
      await expect(assertTestMarker(db, foreign.connection.uri)).rejects.toThrow(/holds no test marker/);
    } finally {
      await db.close();
    }
  });
});

/** The pid of the embedded Neo4j serving `dataDir`, read from /proc. */
function embeddedPid(dataDir: string): number | undefined {
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('deeplabour.EmbeddedNeo4j')) continue;
      if (readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(`NEO4J_DATA_DIR=${dataDir}`))
        return Number(pid);
    } catch {
      /* gone meanwhile */
    }
  }
  return undefined;
}

async function waitFor(check: () => Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if (await check()) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`test: not so within ${ms} ms`);
}

describe('npm start on a new machine', () => {
  it('says at once that its port is taken, before starting anything', async () => {
    const { createServer } = await import('node:net');
    const holder = createServer().listen(0, '127.0.0.1');
    await new Promise((r) => holder.once('listening', r));
    const port = (holder.address() as { port: number }).port;
    const started = Date.now();
    const server = await startServer(
      { PORT: String(port), NEO4J_BOLT_PORT: String(await freePort()), NEO4J_DATA_DIR: join(scratch, 'port-taken') },
      /Deep Labour Explorer at/,
    );
    holder.close();
    expect(server.code).toBe(1);
    expect(server.log).toMatch(new RegExp(`port ${port} on 127.0.0.1 is in use`));
    expect(server.log).not.toMatch(/neo4j: ready/);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('creates the store with a private password, loads the fixtures into it once, never refills an emptied store, and names a documented dataset it holds in another version', async () => {
    const dataDir = join(scratch, 'fresh');
    const env = {
      PORT: String(await freePort()),
      NEO4J_BOLT_PORT: String(await freePort()),
      NEO4J_DATA_DIR: dataDir,
      CLIENT_DIR: 'dist/client-test',
    };
    const first = await startServer(env, /Deep Labour Explorer at/);
    try {
      expect(first.code).toBeNull();
      expect(first.log).toMatch(/fixtures: loaded .* as dataset "illustrative-cascade"/);
      expect(statSync(join(dataDir, PASSWORD_FILE)).mode & 0o777).toBe(0o600);
      const res = await fetch(`http://127.0.0.1:${env.PORT}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ stats { claims } }"}',
      });
      expect(((await res.json()) as { data: { stats: { claims: number } } }).data.stats.claims).toBeGreaterThan(0);
      // If the embedded Neo4j dies, the server keeps answering (503), starts it again, and recovers by itself.
      const java = embeddedPid(dataDir);
      expect(java).toBeGreaterThan(0);
      process.kill(java!, 'SIGKILL');
      await waitFor(async () => (await fetch(`http://127.0.0.1:${env.PORT}/healthz`)).status === 503, 20_000);
      await waitFor(async () => (await fetch(`http://127.0.0.1:${env.PORT}/healthz`)).status === 200, 90_000);
      expect(first.log).toMatch(/the embedded database stopped .* starting it again/);
      expect(embeddedPid(dataDir)).not.toBe(java);
      // The CLI uses the running store (its identity matches) and empties it on purpose.
      const io = { out: () => {}, err: () => {}, isTTY: false };
      const cliEnv = { ...process.env, NEO4J_URI: '', ...env };
      for (const path of Object.values(FIXTURES))
        expect(await runCli(['remove', datasetFile(path).id, '--yes'], cliEnv, io)).toBe(0);
    } finally {
      await first.stop();
    }
    const second = await startServer(env, /Deep Labour Explorer at/);
    try {
      expect(second.code).toBeNull();
      expect(second.log).not.toMatch(/fixtures: loaded/);
      // The start compared the store with the fixture files, and names none of the datasets its owner removed.
      expect(second.log).not.toMatch(/is not the version of/);
      const res = await fetch(`http://127.0.0.1:${env.PORT}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ stats { claims sources } }"}',
      });
      expect(((await res.json()) as { data: unknown }).data).toEqual({ stats: { claims: 0, sources: 0 } });
      // A version of a documented dataset other than the repository's file, as a store made before a correction holds.
      const older = datasetFile(FIXTURES.illustrative);
      older.organizations[0] = { ...older.organizations[0]!, name: `${older.organizations[0]!.name} (earlier)` };
      const olderFile = join(scratch, 'illustrative-earlier.json');
      writeFileSync(olderFile, JSON.stringify(older));
      const cliEnv = { ...process.env, NEO4J_URI: '', ...env };
      expect(await runCli(['import', olderFile], cliEnv, { out: () => {}, err: () => {}, isTTY: false })).toBe(0);
    } finally {
      await second.stop();
    }
    // The next start names it, with the command that brings the file's version in, and writes nothing.
    const third = await startServer(env, /Deep Labour Explorer at/);
    try {
      expect(third.log).toMatch(
        /fixtures: dataset "illustrative-cascade" in this store is not the version of fixtures\/illustrative-cascade\.json.*npm run cli -- import fixtures\/illustrative-cascade\.json/,
      );
      expect(third.log).not.toMatch(/fixtures: loaded/);
    } finally {
      await third.stop();
    }
  }, 420_000);
});

/** Every folder and file under `dir`, with its permission bits. */
function modes(dir: string): { path: string; dir: boolean; mode: number }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isSymbolicLink()) return [];
    const entry = { path, dir: e.isDirectory(), mode: statSync(path).mode & 0o777 };
    return e.isDirectory() ? [entry, ...modes(path)] : [entry];
  });
}

describe("the store's files and its readiness", () => {
  const dataDir = join(scratch, 'private');
  const launcherLog: string[] = [];
  let own: OwnStore;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    own = await startOwnStore({
      port,
      dataDir,
      heap: '512m',
      pageCache: '64m',
      txTimeoutMs: 60_000,
      log: (l) => launcherLog.push(l),
    });
  }, 240_000);
  afterAll(async () => {
    await own?.neo4j.stop();
  });
  const env = (extra: NodeJS.ProcessEnv = {}) => ({
    ...process.env,
    NEO4J_URI: '',
    NEO4J_BOLT_PORT: String(port),
    NEO4J_DATA_DIR: dataDir,
    ...extra,
  });

  it('says ready only once the store takes its password, and keeps every folder 0700 and every file 0600 from creation', async () => {
    expect(launcherLog.join('\n')).toMatch(
      /neo4j: ready at bolt:\/\/127\.0\.0\.1:\d+ \(it takes this store's password\)/,
    );
    const db = createDatabase(own.connection);
    try {
      await db.ping();
    } finally {
      await db.close();
    }
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    const all = modes(dataDir);
    expect(all.filter((e) => !e.dir).length).toBeGreaterThan(5);
    expect(all.filter((e) => e.dir && e.mode !== 0o700).map((e) => `${e.path} ${e.mode.toString(8)}`)).toEqual([]);
    expect(all.filter((e) => !e.dir && (e.mode & 0o077) !== 0).map((e) => `${e.path} ${e.mode.toString(8)}`)).toEqual(
      [],
    );
  });

  it('the CLI tells a user locked by failed logins apart from a foreign database, waits for it, and writes its export 0600', async () => {
    // Something on this machine guesses passwords: after 3 failures Neo4j locks the user for a few seconds.
    const guesser = createDatabase({ uri: own.connection.uri, user: 'neo4j', password: 'guess-guess' });
    let guessing = true;
    const guesses = (async () => {
      while (guessing) await guesser.ping().catch(() => {});
    })();
    try {
      for (let i = 0; i < 4; i++) await guesser.ping().catch(() => {});
      const err: string[] = [];
      await runCli(['datasets'], env({ NEO4J_READY_WAIT_S: '6' }), {
        out: () => {},
        err: (t) => err.push(t),
        isTTY: false,
      });
      expect(err.join('\n')).toMatch(/locked its user after too many failed logins/);
      expect(err.join('\n')).not.toMatch(/is not the store in/);
    } finally {
      guessing = false;
      await guesses;
      await guesser.close();
    }
    // Once the guessing stops, Neo4j unlocks the user by itself, and the CLI (waiting for it) gets in.
    const file = join(scratch, 'backup.json');
    const err: string[] = [];
    expect(
      await runCli(['export', file], env(), { out: () => {}, err: (t) => err.push(t), isTTY: false }),
      err.join('\n'),
    ).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  }, 120_000);
});
