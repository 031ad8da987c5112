// Builds the HTTP app (nothing listens here): health check now, GraphQL and the explorer mount here too.
import express, { type Express } from 'express';
import type { Config } from './config.js';
import type { Database } from './db/index.js';

export interface AppOptions {
  db: Database;
  config: Config;
}

/** The express app for `db`; start it with `listen` (see main.ts) or call it from tests. */
export function createApp({ db }: AppOptions): Express {
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

  return app;
}
