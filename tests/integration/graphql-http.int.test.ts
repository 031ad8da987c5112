// The /graphql endpoint as HTTP: CSRF protection, GET, limits, introspection, and how failures reach clients.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createDatabase, type Database } from '../../server/db/index.js';
import { loadCypherFiles } from '../../server/db/cypher-files.js';
import { codes, startTestServer, type TestServer } from '../support/test-server.js';
import { testDatabase } from '../support/test-database.js';

let db: Database;
let api: TestServer;

beforeAll(async () => {
  db = await testDatabase();
  api = await startTestServer(db);
});
afterAll(async () => {
  await api.close();
  await db.close();
});

const STATS = '{ stats { claims } }';

describe('HTTP', () => {
  it('answers GET queries that carry a CSRF preflight header', async () => {
    const res = await fetch(`${api.url}/graphql?query=${encodeURIComponent(STATS)}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(res.status).toBe(200);
    expect((await res.json()).data.stats.claims).toBeTypeOf('number');
  });

  it('refuses a simple GET without the header, as a cross-site request could send it', async () => {
    const res = await fetch(`${api.url}/graphql?query=${encodeURIComponent(STATS)}`);
    expect(res.status).toBe(400);
  });

  it('refuses a text/plain POST (CSRF)', async () => {
    const res = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: STATS }) });
    expect(res.status).toBe(400);
  });

  it('refuses a body over the limit with 413 and a code', async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `# ${'x'.repeat(200_000)}\n${STATS}` }),
    });
    expect(res.status).toBe(413);
    expect((await res.json()).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers malformed JSON with 400 and a code', async () => {
    const res = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('refuses too many aliases and too many tokens', async () => {
    const aliases = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: stats { claims }`).join(' ')} }`;
    expect(codes(await api.query(aliases))).toContain('GRAPHQL_VALIDATION_FAILED');
    const tokens = `{ stats { ${Array.from({ length: 3100 }, () => 'claims').join(' ')} } }`;
    expect(codes(await api.query(tokens))).toContain('GRAPHQL_PARSE_FAILED');
  });

  it('answers a syntax error with GRAPHQL_PARSE_FAILED and an unknown field with GRAPHQL_VALIDATION_FAILED', async () => {
    expect(codes(await api.query('{ stats {'))).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(codes(await api.query('{ nothing }'))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
});

describe('introspection', () => {
  it('is on by default', async () => {
    const r = await api.query('{ __schema { queryType { name } } }');
    expect(r.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('can be switched off by configuration', async () => {
    const closed = await startTestServer(db, { GRAPHQL_INTROSPECTION: 'false' });
    expect(codes(await closed.query('{ __schema { queryType { name } } }'))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    await closed.close();
  });
});

describe('failures', () => {
  it('says DATABASE_UNAVAILABLE when Neo4j does not answer', async () => {
    const down = createDatabase({ uri: 'bolt://127.0.0.1:1' });
    const server = await startTestServer(down);
    expect(codes(await server.query(STATS))).toEqual(['DATABASE_UNAVAILABLE']);
    await server.close();
    await down.close();
  });

  it('masks an unexpected database error as INTERNAL_SERVER_ERROR and logs the original', async () => {
    const real = loadCypherFiles();
    const broken = createDatabase(inject('neo4j'), (name) => (name === 'stats' ? 'RETURN 1 / 0 AS boom' : real(name)));
    const server = await startTestServer(broken);
    const r = await server.query(STATS);
    expect(codes(r)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(JSON.stringify(r)).not.toMatch(/Neo\.|boom|\/ 0/);
    expect(server.logged).toHaveLength(1);
    await server.close();
    await broken.close();
  });

  it('stops a query at the time limit with QUERY_TIMEOUT, and keeps answering others meanwhile', async () => {
    const real = loadCypherFiles();
    const slow = createDatabase({ ...inject('neo4j'), queryTimeoutMs: 1500 }, (name) => (name === 'stats'
      ? 'UNWIND range(1, 2000000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n'
      : real(name)));
    const server = await startTestServer(slow);
    const pending = server.query(STATS);
    const started = Date.now();
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(codes(await pending)).toEqual(['QUERY_TIMEOUT']);
    await server.close();
    await slow.close();
  });
});
