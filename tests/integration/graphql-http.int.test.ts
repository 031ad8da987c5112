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
    const res = await fetch(`${api.url}/graphql?query=${encodeURIComponent(STATS)}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(res.status).toBe(200);
    expect((await res.json()).data.stats.claims).toBeTypeOf('number');
  });

  it('refuses a simple GET without the header, as a cross-site request could send it', async () => {
    const res = await fetch(`${api.url}/graphql?query=${encodeURIComponent(STATS)}`);
    expect(res.status).toBe(400);
  });

  it('refuses a text/plain POST (CSRF)', async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: STATS }),
    });
    expect(res.status).toBe(400);
  });

  it('refuses a body over the limit with 413 and a code', async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `# ${'x'.repeat(200_000)}\n${STATS}` }),
    });
    expect(res.status).toBe(413);
    expect((await res.json()).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers malformed JSON with 400 and a code', async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
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
    const slow = createDatabase({ ...inject('neo4j'), queryTimeoutMs: 1500 }, (name) =>
      name === 'stats' ? 'UNWIND range(1, 2000000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n' : real(name),
    );
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

describe('HTTP hygiene', () => {
  it('answers 421 to a Host name it does not serve (DNS rebinding), and to localhost names as usual', async () => {
    const { request } = await import('node:http');
    const get = (host: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const url = new URL(api.url);
        const req = request({ host: url.hostname, port: url.port, path: '/healthz', headers: { host } }, (res) => {
          let body = '';
          res.on('data', (c) => {
            body += String(c);
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.end();
      });
    const evil = await get('evil.example:4000');
    expect(evil.status).toBe(421);
    expect(JSON.parse(evil.body).errors[0].extensions.code).toBe('MISDIRECTED_REQUEST');
    for (const ok of ['localhost:4000', '127.0.0.1', 'explorer.localhost'])
      expect((await get(ok)).status, ok).toBe(200);
  });

  it('sends security headers, with a content security policy', async () => {
    const res = await fetch(`${api.url}/healthz`);
    const csp = res.headers.get('content-security-policy') ?? '';
    for (const directive of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'"])
      expect(csp).toContain(directive);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it.each([
    [
      'a body in another charset',
      { 'content-type': 'application/json; charset=latin1' },
      '{"query":"{ stats { claims } }"}',
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    ['malformed JSON', { 'content-type': 'application/json' }, '{"query":', 400, 'BAD_REQUEST'],
  ])('answers %s as JSON with a code, never a stack or a path', async (_what, headers, body, status, code) => {
    const res = await fetch(`${api.url}/graphql`, { method: 'POST', headers, body });
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const text = await res.text();
    expect(JSON.parse(text).errors[0].extensions.code).toBe(code);
    expect(text).not.toMatch(/node_modules|\/work\/|\bat \S+ \(\S+:\d+:\d+\)/);
  });

  it('answers an unknown path as JSON with NOT_FOUND', async () => {
    const res = await fetch(`${api.url}/nothing/here`);
    expect(res.status).toBe(404);
    expect((await res.json()).errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('answers an operation type the schema lacks (a subscription) with a coded request error', async () => {
    const r = await api.query('subscription { x }');
    expect(codes(r)).not.toContain('INTERNAL_SERVER_ERROR');
    expect(codes(r)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(r.errors![0]!.message).toMatch(/queries and mutations/);
  });

  it('answers an unknown mutation field as a request error', async () => {
    expect(codes(await api.query('mutation { x }'))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
});

describe('requests that cannot exhaust the server', () => {
  it('refuses many of the largest cascades in one request, with a code, before running any', async () => {
    const many = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `c${i}: cascade(rootId: "x", maxDepth: 12, limit: 5000) { truncated }`).join(' ')} }`;
    for (const n of [3, 14]) {
      const r = await api.query(many(n));
      expect(r.status).toBe(400);
      expect(codes(r)).toEqual(['QUERY_TOO_COSTLY']);
    }
    expect(codes(await api.query(many(16)))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('caps search text, and audits only one organisation or claim at a time', async () => {
    expect(
      codes(
        await api.query('query($t: String!) { search(text: $t) { id } }', {
          t: Array.from({ length: 3000 }, (_, i) => `w${i}`).join(' '),
        }),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    expect(codes(await api.query('query($t: String!) { search(text: $t) { id } }', { t: 'x'.repeat(201) }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(codes(await api.query('{ audit { verdict } }'))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await api.query('{ claims(first: 501) { id } }'))).toEqual(['BAD_USER_INPUT']);
  });

  it('answers SERVER_BUSY, never an internal error, when more heavy queries come than it runs at once', async () => {
    const busy = await startTestServer(db, { HEAVY_QUERIES: '1', HEAVY_QUERY_WAIT_MS: '1' });
    try {
      const answers = await Promise.all(
        Array.from({ length: 12 }, () =>
          busy.query('{ cascade(rootId: "nobody", maxDepth: 12, limit: 5000) { truncated } }'),
        ),
      );
      const all = answers.flatMap(codes);
      expect(all).toContain('SERVER_BUSY');
      expect(all).not.toContain('INTERNAL_SERVER_ERROR');
      expect(answers.find((a) => codes(a).includes('SERVER_BUSY'))!.status).toBe(503);
    } finally {
      await busy.close();
    }
  });
});
