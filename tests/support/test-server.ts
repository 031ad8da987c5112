// Runs the real express app on a free port and sends it GraphQL over HTTP, as a client would.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../server/app.js';
import { readConfig } from '../../server/config.js';
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../server/db/index.js';
import { resetGraph, testDatabase } from '../support/test-database.js';

export interface GraphqlResponse {
  status: number;
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: { code?: string; problems?: { path: string; message: string }[] } }[];
}

export interface TestServer {
  url: string;
  logged: unknown[];
  query(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphqlResponse>;
  close(): Promise<void>;
}

export async function startTestServer(db: Database, env: NodeJS.ProcessEnv = {}): Promise<TestServer> {
  const logged: unknown[] = [];
  // The rate limit per caller is off unless a test sets it (rate-limit.int.test.ts does): a test file sends hundreds of
  // requests from one address within a minute, which is what the limit exists to refuse.
  const { app, stop } = await createApp({
    db,
    config: readConfig({ RATE_LIMIT_POINTS: '0', ...env }),
    log: (_m, e) => logged.push(e),
  });
  const server = await new Promise<Server>((ready) => {
    const s = app.listen(0, '127.0.0.1', () => ready(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    logged,
    async query(query, variables, headers = {}) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, ...(await res.json()) } as GraphqlResponse;
    },
    async close() {
      await stop();
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}

/** The codes of a response's errors, in order. */
export const codes = (r: GraphqlResponse) => (r.errors ?? []).map((e) => e.extensions?.code);

/**
 * Registers the hooks that give a test file the whole graph: empty it, `seed` it, serve it over HTTP, and
 * clean up afterwards. The returned server is usable inside tests once the hooks have run.
 */
export function useSeededServer(seed: (db: Database) => Promise<void>, env: NodeJS.ProcessEnv = {}): TestServer {
  let db: Database | undefined;
  let server: TestServer | undefined;
  const started = () => {
    if (!server) throw new Error('test: the server starts in beforeAll; use it inside a test');
    return server;
  };
  beforeAll(async () => {
    db = await testDatabase();
    await resetGraph(db);
    await seed(db);
    server = await startTestServer(db, env);
  });
  afterAll(async () => {
    await server?.close();
    if (db) {
      await resetGraph(db);
      await db.close();
    }
  });
  return {
    get url() {
      return started().url;
    },
    get logged() {
      return started().logged;
    },
    query: (query, variables, headers) => started().query(query, variables, headers),
    close: async () => {},
  };
}
