import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkReport, checkSources, needsAttention, type SourceCheck } from './check-sources.js';

// A local HTTP server on 127.0.0.1 stands for the web: never the internet.
const DOCUMENT = 'The report as it was retrieved (fictional).';
const sha256 = (t: string) => createHash('sha256').update(t).digest('hex');
const requests: string[] = [];
let server: Server;
let base: string;
let closedPort: number;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const body = (status: number, text: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'text/plain', ...headers });
      res.end(req.method === 'HEAD' ? undefined : text);
    };
    switch (req.url) {
      case '/report':
        return body(200, DOCUMENT);
      case '/edited':
        return body(200, `${DOCUMENT} Edited since.`);
      case '/moved':
        return body(301, '', { location: '/new-home' });
      case '/found':
        return body(302, '', { location: 'https://example.org/elsewhere' });
      case '/permanent':
        return body(308, '', { location: '/report' });
      case '/gone':
        return body(410, 'gone');
      case '/missing':
        return body(404, 'not found');
      case '/no-head':
        // Some servers refuse HEAD: the check asks again with GET.
        return req.method === 'HEAD' ? body(405, '') : body(200, DOCUMENT);
      case '/slow':
        return; // never answers: the timeout says so
      default:
        return body(500, 'error');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A port nothing listens on: take one, then close it.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const options = { timeoutMs: 1500, concurrency: 3, maxBytes: 1024 };

describe('deep-labour sources --check', () => {
  it('says which URLs answer, moved (without following), are gone, unreachable or answer another status', async () => {
    requests.length = 0;
    const results = await checkSources(
      [
        { id: 'ok', url: `${base}/report` },
        { id: 'moved', url: `${base}/moved`, archiveUrl: 'https://archive.example/report' },
        { id: 'found', url: `${base}/found` },
        { id: 'permanent', url: `${base}/permanent` },
        { id: 'gone', url: `${base}/gone`, archiveUrl: 'https://archive.example/gone' },
        { id: 'missing', url: `${base}/missing` },
        { id: 'no-head', url: `${base}/no-head` },
        { id: 'error', url: `${base}/error` },
        { id: 'refused', url: `http://127.0.0.1:${closedPort}/x` },
        { id: 'slow', url: `${base}/slow` },
        { id: 'no-url' },
        { id: 'not-web', url: 'ftp://example.org/x' },
      ],
      options,
    );
    const by = (id: string) => results.find((r) => r.id === id)!;
    expect(results.map((r) => r.id)).toEqual([
      'ok',
      'moved',
      'found',
      'permanent',
      'gone',
      'missing',
      'no-head',
      'error',
      'refused',
      'slow',
    ]);
    expect(results.map((r) => [r.id, r.state, r.status ?? null])).toEqual([
      ['ok', 'ok', 200],
      ['moved', 'moved', 301],
      ['found', 'moved', 302],
      ['permanent', 'moved', 308],
      ['gone', 'gone', 410],
      ['missing', 'gone', 404],
      ['no-head', 'ok', 200],
      ['error', 'other', 500],
      ['refused', 'unreachable', null],
      ['slow', 'unreachable', null],
    ]);
    expect(by('moved').movedTo).toBe(`${base}/new-home`);
    expect(by('found').movedTo).toBe('https://example.org/elsewhere');
    expect(by('refused').reason).toBe('connection refused');
    expect(by('slow').reason).toBe('no answer within 1.5 s');
    // HEAD first; GET only where HEAD was refused (and for the 500, which HEAD got too); redirects never followed.
    expect(requests.filter((r) => r.startsWith('GET')).sort()).toEqual(['GET /error', 'GET /no-head']);
    expect(requests).not.toContain('HEAD /new-home');
    expect(requests.filter((r) => r.endsWith(' /report'))).toEqual(['HEAD /report']);
  });

  it('compares the document with the recorded SHA-256 when the URL answers, and says when it is too large to compare', async () => {
    const results = await checkSources(
      [
        { id: 'same', url: `${base}/report`, documentSha256: sha256(DOCUMENT) },
        { id: 'edited', url: `${base}/edited`, documentSha256: sha256(DOCUMENT) },
        { id: 'gone', url: `${base}/gone`, documentSha256: sha256(DOCUMENT) },
      ],
      options,
    );
    expect(results.map((r) => [r.id, r.state, r.document ?? null])).toEqual([
      ['same', 'ok', 'unchanged'],
      ['edited', 'ok', 'changed'],
      ['gone', 'gone', null],
    ]);
    const [big] = await checkSources([{ id: 'big', url: `${base}/report`, documentSha256: sha256(DOCUMENT) }], {
      ...options,
      maxBytes: 10,
    });
    expect(big!.document).toBe('too-large');
    expect(results.filter(needsAttention).map((r) => r.id)).toEqual(['edited', 'gone']);
  });

  it('reports one line per URL with the archived copy where the original moved or went, then the counts', () => {
    const results: SourceCheck[] = [
      { id: 'a', url: 'https://example.org/a', state: 'ok', status: 200, document: 'unchanged' },
      {
        id: 'b',
        url: 'https://example.org/b',
        state: 'moved',
        status: 301,
        movedTo: 'https://example.org/b2',
        archiveUrl: 'https://archive.example/b',
      },
      { id: 'c', url: 'https://example.org/c', state: 'gone', status: 404 },
      { id: 'd', url: 'https://example.org/d', state: 'unreachable', reason: 'connection refused' },
      { id: 'e', url: 'https://example.org/e', state: 'ok', status: 200, document: 'changed' },
    ];
    expect(checkReport(results, 2).split('\n')).toEqual([
      'a: https://example.org/a answers (HTTP 200); the document is unchanged since retrieved',
      'b: https://example.org/b moved to https://example.org/b2 (HTTP 301; archived copy: https://archive.example/b)',
      'c: https://example.org/c gone (HTTP 404; no archived copy recorded)',
      'd: https://example.org/d unreachable: connection refused (no archived copy recorded)',
      'e: https://example.org/e answers (HTTP 200); the document changed since retrieved (its SHA-256 differs)',
      'deep-labour: checked 5 source URLs: 2 answer, 1 moved, 1 gone, 1 unreachable, 0 other, 1 changed since retrieved; 2 sources have no web address to check',
    ]);
  });
});
