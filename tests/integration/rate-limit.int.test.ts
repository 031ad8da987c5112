// The rate limit per caller against the real server and Neo4j: each token, and each address without one, spends its own
// points; over them, 429 with Retry-After and RATE_LIMITED, while other callers are still served.
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createToken } from '../../server/auth/token-store.js';
import { useSeededServer } from '../support/test-server.js';

const tokens: Record<string, string> = {};
// A window far longer than the test, so that no point comes back while it runs.
const api = useSeededServer(
  async (db) => {
    for (const name of ['script', 'colleague', 'headers', 'heavy', 'cached'])
      tokens[name] = await createToken(db, `rate ${name}`, 'reader', 'test');
  },
  { RATE_LIMIT_POINTS: '5', RATE_LIMIT_WINDOW_S: '3600', RATE_LIMIT_HEAVY_COST: '3' },
);

interface Answer {
  status: number;
  headers: Record<string, string | undefined>;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
}

/** POSTs a query from `localAddress` (any 127.x.y.z reaches the loopback server), with a token when given. */
function post(
  query: string,
  { token, localAddress = '127.0.0.1' }: { token?: string; localAddress?: string } = {},
): Promise<Answer> {
  const url = new URL(`${api.url}/graphql`);
  const body = JSON.stringify({ query });
  return new Promise((done, fail) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () =>
          done({
            status: res.statusCode ?? 0,
            headers: res.headers as Record<string, string | undefined>,
            body: JSON.parse(text),
          }),
        );
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

const STATS = '{ stats { claims } }';
const code = (a: Answer) => a.body.errors?.[0]?.extensions?.code;

describe('rate limit per caller', () => {
  it('tells every caller its limit, what remains and when it resets', async () => {
    const first = await post(STATS, { token: tokens.headers! });
    expect(first.status).toBe(200);
    expect(first.headers['ratelimit-limit']).toBe('5');
    expect(first.headers['ratelimit-remaining']).toBe('4');
    expect(Number(first.headers['ratelimit-reset'])).toBeGreaterThan(0);
    expect(Number(first.headers['ratelimit-reset'])).toBeLessThanOrEqual(3600);
    expect(first.headers['retry-after']).toBeUndefined();
    expect((await post(STATS, { token: tokens.headers! })).headers['ratelimit-remaining']).toBe('3');
  });

  it('refuses a token over its rate with 429, Retry-After and RATE_LIMITED, while another token is still served', async () => {
    for (let i = 0; i < 5; i += 1) expect((await post(STATS, { token: tokens.script! })).status).toBe(200);
    const refused = await post(STATS, { token: tokens.script! });
    expect(refused.status).toBe(429);
    expect(code(refused)).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.headers['ratelimit-remaining']).toBe('0');
    expect(refused.body.data).toBeUndefined();
    const other = await post(STATS, { token: tokens.colleague! });
    expect(other.status).toBe(200);
    expect(other.body).toEqual({ data: { stats: { claims: 0 } } });
    // Anonymous requests from the same address are not the token's: they have their own points.
    expect((await post(STATS)).status).toBe(200);
  });

  it('limits an address without a token apart from other addresses and from tokens', async () => {
    for (let i = 0; i < 5; i += 1) expect((await post(STATS, { localAddress: '127.0.0.2' })).status).toBe(200);
    const refused = await post(STATS, { localAddress: '127.0.0.2' });
    expect(refused.status).toBe(429);
    expect(code(refused)).toBe('RATE_LIMITED');
    expect(refused.headers['retry-after']).toBeDefined();
    expect((await post(STATS, { localAddress: '127.0.0.3' })).status).toBe(200);
    expect((await post(STATS, { localAddress: '127.0.0.2', token: tokens.colleague! })).status).toBe(200);
  });

  it('charges a heavy field more, and refuses it with RATE_LIMITED when the points left do not cover it', async () => {
    const heavy = '{ whoWorksFor(workerPoolId: "nobody") { depth } }';
    const first = await post(heavy, { token: tokens.heavy! });
    expect(code(first)).toBe('NOT_FOUND');
    expect(first.headers['ratelimit-remaining']).toBe('2');
    const second = await post(heavy, { token: tokens.heavy! });
    expect(second.status).toBe(429);
    expect(code(second)).toBe('RATE_LIMITED');
    expect(Number(second.headers['retry-after'])).toBeGreaterThan(0);
    expect(second.headers['ratelimit-remaining']).toBe('0');
  });

  it('counts answers served from the answer cache, and serves them within the limit', async () => {
    const answers: Answer[] = [];
    for (let i = 0; i < 6; i += 1) answers.push(await post(STATS, { token: tokens.cached! }));
    expect(answers.slice(0, 5).map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.slice(0, 5).map((a) => a.headers['ratelimit-remaining'])).toEqual(['4', '3', '2', '1', '0']);
    expect(answers.slice(0, 5).every((a) => JSON.stringify(a.body) === JSON.stringify(answers[0]!.body))).toBe(true);
    expect(answers[5]!.status).toBe(429);
  });
});
