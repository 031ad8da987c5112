// Property-based tests (fast-check) against the real server and Neo4j: any value for any argument of any field, and any
// hostile change to a dataset, gets an answer or a coded error: never a 5xx, never an internal message, nothing written.
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: a literal ${x} is one of the hostile strings
import fc from 'fast-check';
import { request } from 'node:http';
import { createHash } from 'node:crypto';
import { buildSchema, isNonNullType, type GraphQLArgument, type GraphQLField } from 'graphql';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importDataset, removeDataset, validateDataset } from '../../server/dataset/index.js';
import { importFixtures } from '../../server/fixtures.js';
import { minimalDataset } from '../fixtures/minimal-dataset.js';
import { graphSize, testDatabase } from '../support/test-database.js';
import { useSeededServer } from '../support/test-server.js';
import { createToken } from '../../server/auth/token-store.js';
import { LINK_TYPE_NAMES, NODE_KIND_NAMES } from '../../vocabulary/index.js';

let editor = '';
let reader = '';
const api = useSeededServer(async (db) => {
  await importFixtures(db);
  editor = await createToken(db, 'hostile editor', 'editor', 'test');
  reader = await createToken(db, 'hostile reader', 'reader', 'test');
});
// The same cases on every run, so that CI is repeatable; FC_SEED=random (or a number) explores further.
const SEED = process.env.FC_SEED === 'random' ? Date.now() : Number(process.env.FC_SEED ?? 20261128);
fc.configureGlobal({ seed: SEED });
const schema = buildSchema(readFileSync(new URL('../../server/schema/schema.graphql', import.meta.url), 'utf8'));
const CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'QUERY_TOO_COSTLY',
  'SERVER_BUSY',
  'QUERY_TIMEOUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
]);

/** Hostile strings: controls, bidi, Lucene and Cypher syntax, huge, unicode, ids that exist. */
const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\u202e',
    '*',
    '"',
    '\\',
    '${x}',
    "' OR 1=1 //",
    '}) MATCH (n) DETACH DELETE n //',
    'AND OR NOT ~ ^ : [',
    'ex-taskora',
    'ex-task-voice-transcription',
    'ex-pool-mg-annotators',
    'claim-platforms-mere-intermediaries',
    '2020-02-30',
    '2019-10-16',
    'x'.repeat(5000),
  ),
);
const anyValue = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.constant(2 ** 31),
  fc.constant(-1),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('BOTH', 'SIDEWAYS'),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.object({ maxDepth: 2 }),
);

/** A selection that asks for a little of whatever the field returns. */
function selection(field: GraphQLField<unknown, unknown>): string {
  const type = String(field.type).replace(/[[\]!]/g, '');
  const scalar = ['String', 'ID', 'Int', 'Float', 'Boolean', 'Date'].includes(type);
  if (scalar) return '';
  const named = schema.getType(type) as unknown as { getFields?: () => Record<string, GraphQLField<unknown, unknown>> };
  if (type === 'Entity') return '{ id }';
  const scalars = Object.values(named.getFields?.() ?? {}).filter(
    (f) =>
      ['String', 'ID', 'Int', 'Float', 'Boolean', 'Date'].includes(String(f.type).replace(/[[\]!]/g, '')) &&
      f.args.length === 0,
  );
  return `{ __typename ${scalars
    .map((f) => f.name)
    .slice(0, 4)
    .join(' ')} }`;
}

const typeName = (a: GraphQLArgument) => String(a.type);

describe('any value for any argument', () => {
  const fields = Object.values(schema.getQueryType()!.getFields());
  it.each(fields.map((f) => [f.name, f] as const))(
    '%s answers or refuses with a code, never a 5xx or an internal error',
    async (_name, field) => {
      await fc.assert(
        fc.asyncProperty(fc.tuple(...field.args.map(() => fc.option(anyValue, { nil: undefined }))), async (values) => {
          const args = field.args.filter((_a, i) => values[i] !== undefined || isNonNullType(field.args[i]!.type));
          const vars = Object.fromEntries(
            field.args
              .map((a, i) => [a.name, values[i] ?? (isNonNullType(a.type) ? 'ex-taskora' : undefined)])
              .filter(([, v]) => v !== undefined),
          );
          const decl = args.map((a) => `$${a.name}: ${typeName(a)}`).join(', ');
          const query = `query${decl ? `(${decl})` : ''} { ${field.name}${args.length ? `(${args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : ''} ${selection(field)} }`;
          const r = await api.query(query, vars);
          const seen = `${r.status} ${JSON.stringify(r.errors ?? null)} for ${query} ${JSON.stringify(vars).slice(0, 300)}`;
          // SERVER_BUSY (503) is the one 5xx on purpose: a coded, temporary refusal.
          if (!(r.status === 503 && r.errors?.every((e) => e.extensions?.code === 'SERVER_BUSY')))
            expect(r.status, seen).toBeLessThan(500);
          for (const e of r.errors ?? []) {
            expect(CODES.has(e.extensions?.code ?? ''), seen).toBe(true);
            expect(e.message).not.toMatch(/Internal error|node_modules|\bat \S+ \(\S+:\d+:\d+\)|Neo4jError/);
          }
        }),
        { numRuns: 25 },
      );
    },
    120_000,
  );
});

describe('any edit an editor sends', () => {
  const id = fc.oneof(
    hostileString,
    fc.constantFrom('ex-taskora', 'ex-nexa', 'ex-pool-fr-home', 'ex-task-archive', 'ex-src-scenario', 'new-id'),
  );
  const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
  const number = fc.oneof(fc.double(), fc.integer(), fc.constant(-1), fc.constant(1e12));
  const link = fc.record({
    id: maybe(id),
    type: fc.constantFrom(...LINK_TYPE_NAMES, 'NOPE'),
    from: id,
    to: id,
    since: maybe(hostileString),
    until: maybe(hostileString),
    pricePerUnitEur: maybe(number),
    confidence: maybe(number),
    note: maybe(hostileString),
    use: maybe(hostileString),
    sources: maybe(fc.array(id, { maxLength: 3 })),
  });
  const entity = fc.record({
    id,
    name: hostileString,
    kind: fc.constantFrom(...NODE_KIND_NAMES, 'person'),
    country: maybe(hostileString),
    size: maybe(fc.integer()),
    taskKind: maybe(hostileString),
    unitPayEur: maybe(number),
    aliases: maybe(fc.array(hostileString, { maxLength: 2 })),
    sources: maybe(fc.array(id, { maxLength: 2 })),
  });
  const cases = fc.oneof(
    fc.record({
      field: fc.constant('upsertLink(link: $x, reason: $reason)'),
      type: fc.constant('LinkInput!'),
      x: link,
    }),
    fc.record({
      field: fc.constant('upsertEntity(entity: $x, reason: $reason)'),
      type: fc.constant('EntityInput!'),
      x: entity,
    }),
    fc.record({ field: fc.constant('retract(id: $x, reason: $reason)'), type: fc.constant('ID!'), x: id }),
    fc.record({
      field: fc.constant('revert(changeId: $x, reason: $reason)'),
      type: fc.constant('ID!'),
      x: fc.oneof(id, fc.constantFrom('change-1', 'change-2')),
    }),
  );

  it('is applied, or refused with a code that writes nothing (not even a history entry)', async () => {
    const db = await testDatabase();
    const changes = async () =>
      (await api.query('{ changes(first: 1) { edges { node { id } } } }', {}, { authorization: `Bearer ${editor}` }))
        .data?.changes.edges[0]?.node.id ?? null;
    try {
      await fc.assert(
        fc.asyncProperty(cases, fc.oneof(hostileString, fc.constant('checked')), async (c, reason) => {
          const before = [await graphSize(db), await changes()];
          const r = await api.query(
            `mutation($x: ${c.type}, $reason: String!) { ${c.field} { change { id } } }`,
            { x: c.x, reason },
            { authorization: `Bearer ${editor}` },
          );
          const seen = `${r.status} ${JSON.stringify(r.errors ?? null)} for ${c.field} ${JSON.stringify(c.x).slice(0, 300)}`;
          expect(r.status, seen).toBeLessThan(500);
          for (const e of r.errors ?? []) {
            expect(CODES.has(e.extensions?.code ?? ''), seen).toBe(true);
            expect(e.message).not.toMatch(/Internal error|node_modules|\bat \S+ \(\S+:\d+:\d+\)|Neo4jError/);
          }
          if (r.errors?.length) expect([await graphSize(db), await changes()], seen).toEqual(before);
        }),
        { numRuns: 60 },
      );
    } finally {
      await db.close();
    }
  }, 180_000);
});

describe('any hostile change to a dataset', () => {
  it('is refused with located problems, or imports; a refusal writes nothing, an import can be taken out again', async () => {
    const db = await testDatabase();
    try {
      const before = await graphSize(db);
      const paths = [
        ['name'],
        ['id'],
        ['sources', 0, 'url'],
        ['organizations', 0, 'id'],
        ['organizations', 0, 'name'],
        ['organizations', 0, 'aliases'],
        ['workerPools', 0, 'size'],
        ['tasks', 0, 'unitPayEur'],
        ['links', 0, 'from'],
        ['links', 1, 'since'],
        ['links', 1, 'pricePerUnitEur'],
        ['links', 3, 'confidence'],
        ['claims', 0, 'text'],
        ['claims', 0, 'params'],
        ['links'],
        ['organizations'],
      ] as const;
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...paths),
          fc.oneof(anyValue, fc.anything({ maxDepth: 3 })),
          async (path, value) => {
            const doc = minimalDataset();
            let at: any = doc;
            for (const step of path.slice(0, -1)) at = at[step as never];
            at[path.at(-1) as never] = value;
            doc.id = 'hostile-test';
            const v = validateDataset(doc);
            if (!v.ok) {
              expect(v.problems.length).toBeGreaterThan(0);
              for (const p of v.problems) {
                expect(p.path).toMatch(/^[A-Za-z$]/);
                expect(p.message.length).toBeGreaterThan(5);
              }
              expect(await graphSize(db)).toEqual(before);
              return;
            }
            await importDataset(db, v.dataset);
            await removeDataset(db, 'hostile-test');
            expect(await graphSize(db)).toEqual(before);
          },
        ),
        { numRuns: 60 },
      );
    } finally {
      await db.close();
    }
  }, 180_000);
});

/**
 * POSTs the first `sent` bytes of a body announced as `total` bytes long, and waits for the answer without sending the
 * rest: an answer proves the server decided without reading (let alone parsing) the body. A server that waited for the
 * body would never answer, and the test would fail on its own timeout.
 */
function answerBeforeBody(
  url: string,
  headers: Record<string, string>,
  first: string,
  total: number,
): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const target = new URL(`${url}/graphql`);
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(total), ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (c: string) => {
          text += c;
        });
        res.on('end', () => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) });
        });
      },
    );
    req.on('error', reject);
    req.write(first);
  });
}

const post = async (body: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return {
    status: res.status,
    body: (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] },
  };
};
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('request limits, decided before the body is parsed', () => {
  it('answers a 10 MB body sent with a made-up Authorization header with 401, before the body has arrived', async () => {
    const start = `{"query":"{ stats { claims } }","variables":{"x":${'['.repeat(60_000)}`;
    const r = await answerBeforeBody(api.url, { authorization: 'x' }, start, 10_000_000);
    expect(r.status).toBe(401);
    expect(r.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const bearer = await answerBeforeBody(api.url, { authorization: 'Bearer not-a-token' }, start, 10_000_000);
    expect(bearer.status).toBe(401);
  });

  it("gives a reader's token the small limit (413 over 100 kB), and an editor's the large one", async () => {
    const big = JSON.stringify({ query: `# ${'x'.repeat(200_000)}\n{ stats { claims } }` });
    const asReader = await post(big, { authorization: `Bearer ${reader}` });
    expect(asReader.status).toBe(413);
    expect(asReader.body.errors![0]!.extensions!.code).toBe('PAYLOAD_TOO_LARGE');
    const asEditor = await post(big, { authorization: `Bearer ${editor}` });
    expect(asEditor.status).toBe(200);
    expect(asEditor.body.errors).toBeUndefined();
  });

  it("refuses a reader's announced large body with 413 before it has arrived", async () => {
    const r = await answerBeforeBody(api.url, { authorization: `Bearer ${reader}` }, '{"query":"', 10_000_000);
    expect(r.status).toBe(413);
    expect(r.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses JSON nested deeper than the limit with 400 BAD_REQUEST, with a token or without, and still answers shallow JSON', async () => {
    const deep = await post(`{"query":"query($x: JSON) { __typename }","variables":{"x":${nested(20_000)}}}`);
    expect(deep.status).toBe(400);
    expect(deep.body.errors![0]!.extensions!.code).toBe('BAD_REQUEST');
    expect(deep.body.errors![0]!.message).toMatch(/nests/);
    // Brackets inside strings are text, not nesting.
    const text = await post(
      JSON.stringify({ query: 'query($t: String!) { search(text: $t) { id } }', variables: { t: '['.repeat(150) } }),
    );
    expect(text.status).toBeLessThan(500);
    expect(text.body.errors?.[0]?.message ?? '').not.toMatch(/nests/);
    // A claim whose params are nested 100,000 deep, sent by an editor (the large limit).
    const claim = `{"query":"mutation($c: ClaimInput!) { upsertClaim(claim: $c, reason: \\"test\\") { change { id } } }","variables":{"c":{"id":"deep-claim","by":"ex-taskora","subject":"ex-taskora","kind":"x","text":"t","params":${nested(100_000)}}}}`;
    const asEditor = await post(claim, { authorization: `Bearer ${editor}` });
    expect(asEditor.status).toBe(400);
    expect(asEditor.body.errors![0]!.extensions!.code).toBe('BAD_REQUEST');
  });
});

describe('requests that used to end in an internal error', () => {
  it('answers two named operations without operationName with 400 and a coded message that says to send one', async () => {
    const r = await post(JSON.stringify({ query: 'query A { stats { claims } } query B { stats { sources } }' }));
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect(r.body.errors![0]!.extensions!.code, JSON.stringify(r.body)).toBe('OPERATION_RESOLUTION_FAILURE');
    const mutations = await post(
      JSON.stringify({
        query: 'mutation A { deleteInvestigation(id: "x") } mutation B { deleteInvestigation(id: "y") }',
      }),
      { authorization: `Bearer ${reader}` },
    );
    expect(mutations.status, JSON.stringify(mutations.body)).toBe(400);
    expect(mutations.body.errors![0]!.extensions!.code, JSON.stringify(mutations.body)).toBe(
      'OPERATION_RESOLUTION_FAILURE',
    );
    expect(r.body.errors![0]!.message).toMatch(/operationName/);
    const chosen = await post(
      JSON.stringify({ query: 'query A { stats { claims } } query B { stats { sources } }', operationName: 'B' }),
    );
    expect(chosen.status).toBe(200);
  });

  it('refuses an investigation id over 8 kB with BAD_USER_INPUT', async () => {
    const r = await api.query(
      'mutation($i: InvestigationInput!) { saveInvestigation(investigation: $i) { id } }',
      { i: { id: 'i'.repeat(9_000), name: 'long id', view: '?root=ex-taskora' } },
      { authorization: `Bearer ${reader}` },
    );
    expect(r.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('accepts the same edit with a plain name (the refusals above are about the character)', async () => {
    const r = await api.query(
      'mutation($e: EntityInput!) { upsertEntity(entity: $e, reason: "test") { change { id } } }',
      { e: { id: 'hostile-invisible', kind: 'platform', name: 'Taskora look-alike' } },
      { authorization: `Bearer ${editor}` },
    );
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  });

  it('refuses an edit whose name holds an invisible or line-breaking character, as a bidi override is, and writes nothing', async () => {
    for (const c of ['\u2028', '\u200b', '\u061c', '\ufeff', '\u202e']) {
      const r = await api.query(
        'mutation($e: EntityInput!) { upsertEntity(entity: $e, reason: "test") { change { id } } }',
        { e: { id: 'hostile-invisible', kind: 'platform', name: `Task${c}ora` } },
        { authorization: `Bearer ${editor}` },
      );
      expect(r.errors?.[0]?.extensions?.code, JSON.stringify(r.errors)).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0]?.message).toContain(`U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
    }
  });

  it('answers an automatic persisted query whose hash does not match with a coded 400', async () => {
    const query = '{ stats { claims } }';
    const wrong = createHash('sha256').update('something else').digest('hex');
    const r = await post(JSON.stringify({ query, extensions: { persistedQuery: { version: 1, sha256Hash: wrong } } }));
    expect(r.status).toBe(400);
    expect(r.body.errors![0]!.extensions!.code).toBe('BAD_REQUEST');
    const unknown = await post(JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: wrong } } }));
    expect(unknown.status).toBeLessThan(500);
    expect(unknown.body.errors![0]!.extensions!.code).toMatch(/^PERSISTED_QUERY_NOT_(FOUND|SUPPORTED)$/);
  });
});
