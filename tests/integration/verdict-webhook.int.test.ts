// The verdict webhook against a receiver on 127.0.0.1 (node:http, a free port): an edit that flips a verdict delivers
// one signed POST; a receiver answering 500 twice gets the event on the third attempt; a receiver that never answers
// does not hold up a write. Nothing but 127.0.0.1 is contacted.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../server/auth/token-store.js';
import type { Database } from '../../server/db/index.js';
import { importDataset } from '../../server/dataset/index.js';
import { FIXTURES } from '../../server/fixtures.js';
import { datasetFile } from '../support/load-dataset.js';
import { resetGraph, testDatabase } from '../support/test-database.js';
import { startTestServer, type GraphqlResponse, type TestServer } from '../support/test-server.js';

const CLAIM = 'ex-claim-modero-no-subcontracting';
const SECRET = 'test-webhook-secret-0123456789';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
  res: ServerResponse;
}
/** What the receiver answers next: a status, or null to hold the request unanswered. */
let answers: (number | null)[] = [];
const received: Received[] = [];
const waiters: (() => void)[] = [];
/** Resolves when `n` requests in all have been received (no clock: the test's own timeout bounds it). */
const receivedCount = (n: number) =>
  new Promise<void>((done) => {
    const check = () => (received.length >= n ? done() : waiters.push(check));
    check();
  });

let receiver: Server;
let db: Database;
let api: TestServer;
let editorToken: string;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), res });
      const status = answers.length ? answers.shift()! : 200;
      if (status !== null) res.writeHead(status).end();
      for (const w of waiters.splice(0)) w();
    });
  });
  await new Promise<void>((ready) => receiver.listen(0, '127.0.0.1', ready));
  db = await testDatabase();
  await resetGraph(db);
  await importDataset(db, datasetFile(FIXTURES.illustrative));
  editorToken = await createToken(db, 'webhook editor', 'editor', 'test');
  api = await startTestServer(db, {
    VERDICT_WEBHOOK_URL: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
    VERDICT_WEBHOOK_SECRET: SECRET,
    VERDICT_WEBHOOK_BACKOFF_MS: '10',
    VERDICT_WEBHOOK_TIMEOUT_MS: '600000',
    EXPLORER_URL: 'http://explorer.test',
  });
}, 240_000);

afterAll(async () => {
  await api?.close();
  receiver.closeAllConnections();
  await new Promise((done) => receiver.close(done));
  if (db) {
    await resetGraph(db);
    await db.close();
  }
});

const ok = (r: GraphqlResponse) => {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!;
};
let edits = 0;
/** An edit that flips the claim to CONTRADICTED (a subcontractor outside Modero's group); returns the change's id. */
const flip = async () =>
  ok(
    await api.query(
      'mutation($link: LinkInput!) { upsertLink(link: $link, reason: "test: a subcontractor found") { change { id } } }',
      {
        link: {
          id: `wh-link-${++edits}`,
          type: 'SUBCONTRACTS_FOR',
          from: 'ex-nexa',
          to: 'ex-modero',
          since: '2024',
          sources: ['ex-src-scenario'],
        },
      },
      { authorization: `Bearer ${editorToken}` },
    ),
  ).upsertLink.change.id as string;
/** Its revert, which flips the claim back. */
const revert = async (id: string) =>
  ok(
    await api.query(
      'mutation($id: ID!) { revert(changeId: $id, reason: "test: undo") { change { id } } }',
      { id },
      { authorization: `Bearer ${editorToken}` },
    ),
  ).revert.change.id as string;
const sign = (body: string) => `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;

describe('the verdict webhook', { timeout: 240_000 }, () => {
  it('an edit that flips a verdict delivers one signed POST with the feed entry’s fields', async () => {
    const change = await flip();
    await receivedCount(1);
    const [hit] = received;
    expect(hit!.headers['x-deep-labour-signature']).toBe(sign(hit!.body));
    expect(hit!.headers['x-deep-labour-delivery']).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number.isNaN(Date.parse(String(hit!.headers['x-deep-labour-timestamp'])))).toBe(false);
    const event = JSON.parse(hit!.body);
    expect(event).toMatchObject({ claimId: CLAIM, organizationId: 'ex-modero', new: 'CONTRADICTED', changeId: change });
    expect(event.auditUrl).toMatch(/^http:\/\/explorer\.test\/\?root=ex-modero&asOf=\d{4}-\d{2}-\d{2}&hl=claim%3A/);
    // The revert flips it back: the next POST is that change, and only one more came for the edit.
    const back = await revert(change);
    await receivedCount(2);
    expect(JSON.parse(received[1]!.body)).toMatchObject({ claimId: CLAIM, old: 'CONTRADICTED', changeId: back });
    expect(received[1]!.headers['x-deep-labour-signature']).toBe(sign(received[1]!.body));
  });

  it('a receiver that answers 500 twice gets the event on the third attempt, same delivery id', async () => {
    const start = received.length;
    answers = [500, 500, 200];
    const change = await flip();
    await receivedCount(start + 3);
    const tries = received.slice(start, start + 3);
    expect(tries.map((t) => t.headers['x-deep-labour-attempt'])).toEqual(['1', '2', '3']);
    expect(new Set(tries.map((t) => t.headers['x-deep-labour-delivery'])).size).toBe(1);
    expect(JSON.parse(tries[2]!.body)).toMatchObject({ claimId: CLAIM, changeId: change });
    expect(tries[2]!.headers['x-deep-labour-signature']).toBe(sign(tries[2]!.body));
    await revert(change);
    await receivedCount(start + 4);
  });

  it('a receiver that never answers does not hold up a write: the next mutation returns while it hangs', async () => {
    const start = received.length;
    answers = [null, null, null];
    const change = await flip();
    await receivedCount(start + 1);
    // The delivery of the flip hangs unanswered; the revert's write commits and answers all the same.
    const back = await revert(change);
    expect(back).toMatch(/./);
    expect(received[start]!.res.writableEnded).toBe(false);
    expect(received.length).toBe(start + 1);
  });
});
