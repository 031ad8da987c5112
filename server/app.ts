// Builds the HTTP app (nothing listens here): /healthz, /graphql; the explorer mounts here too.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express, { type ErrorRequestHandler, type Express } from 'express';
import { createGraphql } from './api/create-graphql.js';
import type { Config } from './config.js';
import type { Database } from './db/index.js';

export interface AppOptions {
  db: Database;
  config: Config;
  log?: (message: string, error: unknown) => void;
}

/** Largest request body accepted; a real query is a few kilobytes. */
export const BODY_LIMIT = '100kb';

/** The express app for `db`, plus a function that stops what it started. */
export async function createApp({ db, config, log }: AppOptions): Promise<{ app: Express; stop: () => Promise<void> }> {
  const app = express();
  app.disable('x-powered-by');

  app.get('/healthz', async (_req, res) => {
    try {
      await db.ping();
      res.status(200).json({ status: 'ok', neo4j: 'up' });
    } catch {
      res.status(503).json({ status: 'unavailable', neo4j: 'down', message: 'Neo4j does not answer; check that it runs and NEO4J_URI' });
    }
  });

  const graphql = await createGraphql({ db, introspection: config.introspection, ...(log ? { log } : {}) });
  app.use('/graphql', express.json({ limit: BODY_LIMIT }), graphql.handler);

  // The explorer and the GraphQL console, built by Vite (npm start builds them when needed).
  const clientDir = resolve(config.clientDir);
  app.get('/graphiql', (_req, res) => sendPage(res, join(clientDir, 'graphiql.html')));
  app.use(express.static(clientDir, { index: false, maxAge: '1h' }));
  app.get('/', (_req, res) => sendPage(res, join(clientDir, 'index.html')));

  // Body-parser failures (too large, malformed JSON) answer in GraphQL's error shape, with a code.
  const bodyErrors: ErrorRequestHandler = (error: { status?: number; type?: string }, _req, res, next) => {
    if (error.type === 'entity.too.large') {
      res.status(413).json({ errors: [{ message: `The request body is larger than ${BODY_LIMIT}; send a smaller query`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    } else if (error.type === 'entity.parse.failed') {
      res.status(400).json({ errors: [{ message: 'The request body is not valid JSON; send {"query": "..."}', extensions: { code: 'BAD_REQUEST' } }] });
    } else {
      next(error);
    }
  };
  app.use(bodyErrors);

  return { app, stop: graphql.stop };
}

function sendPage(res: express.Response, path: string): void {
  if (existsSync(path)) {
    res.set('cache-control', 'no-cache').sendFile(path);
    return;
  }
  res.status(503).type('text/plain').send('The explorer is not built yet: run `npm run build` (npm start does it for you), then reload.');
}
