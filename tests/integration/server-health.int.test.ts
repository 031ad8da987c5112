// The HTTP app on a real port: /healthz says whether Neo4j answers.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { readConfig } from '../../server/config.js';
import { createDatabase, type Database } from '../../server/db/index.js';
import { loadCypherFiles } from '../../server/db/cypher-files.js';
import { warmUp } from '../../server/warm-up.js';
import { testDatabase } from '../support/test-database.js';

async function listen(db: Database): Promise<{ server: Server; url: string }> {
  const { app } = await createApp({ db, config: readConfig({}), log: () => {} });
  const server = await new Promise<Server>((ready) => {
    const s = app.listen(0, '127.0.0.1', () => ready(s));
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

let db: Database;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => {
  await db.close();
});

describe('/healthz', () => {
  it('answers 200 when Neo4j answers', async () => {
    const { server, url } = await listen(db);
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ neo4j: 'up' });
    server.close();
  });

  it('answers 503 when Neo4j does not', async () => {
    const down = createDatabase({ uri: 'bolt://127.0.0.1:1' });
    const { server, url } = await listen(down);
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ neo4j: 'down' });
    server.close();
    await down.close();
  });
});

describe('warm-up', () => {
  it('plans every heavy query without error on the real schema', async () => {
    const lines: string[] = [];
    expect(await warmUp(db, (l) => lines.push(l))).toEqual([]);
    expect(lines).toEqual([]);
  });

  it('logs, by name, a query that fails to plan', async () => {
    const files = loadCypherFiles();
    const broken = createDatabase({ ...inject('neo4j') }, (name) =>
      name === 'cascade' ? 'MATCH (n) RETURN nosuchfunction(n)' : files(name),
    );
    const lines: string[] = [];
    try {
      expect(await warmUp(broken, (l) => lines.push(l))).toEqual(['cascade']);
      expect(lines).toEqual([expect.stringMatching(/^warm-up: cypher\/cascade\.cypher failed to plan: /)]);
    } finally {
      await broken.close();
    }
  });
});
