// Runs the real express app on a free port and sends it GraphQL over HTTP, as a client would.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../server/app.js';
import { readConfig } from '../../server/config.js';
import type { Database } from '../../server/db/index.js';

export interface GraphqlResponse {
  status: number;
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export interface TestServer {
  url: string;
  logged: unknown[];
  query(query: string, variables?: Record<string, unknown>): Promise<GraphqlResponse>;
  close(): Promise<void>;
}

export async function startTestServer(db: Database, env: NodeJS.ProcessEnv = {}): Promise<TestServer> {
  const logged: unknown[] = [];
  const { app, stop } = await createApp({ db, config: readConfig(env), log: (_m, e) => logged.push(e) });
  const server = await new Promise<Server>((ready) => { const s = app.listen(0, '127.0.0.1', () => ready(s)); });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    logged,
    async query(query, variables) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }),
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
