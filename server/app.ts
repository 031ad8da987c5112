// Builds the HTTP app (nothing listens here): /healthz, /graphql; the explorer mounts here too.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express, { type ErrorRequestHandler, type Express } from 'express';
import helmet from 'helmet';
import { createGraphql } from './api/create-graphql.js';
import { BODY_LIMIT, EDITOR_BODY_LIMIT, MAX_JSON_DEPTH, requestGate } from './api/request-gate.js';
import { createRateLimiter } from './api/rate-limit.js';
import type { Config } from './config.js';
import type { Database } from './db/index.js';
import { verdictFeedHandler } from './feeds/verdict-feed.js';
import { startVerdictWebhook } from './feeds/verdict-webhook.js';
import { cardsKept } from './audit/kept-cards.js';
import { keepVerdictsCurrent } from './audit/verdict-days.js';

export interface AppOptions {
  db: Database;
  config: Config;
  log?: (message: string, error: unknown) => void;
}

export { BODY_LIMIT, EDITOR_BODY_LIMIT, MAX_JSON_DEPTH } from './api/request-gate.js';

/** The express app for `db`, plus a function that stops what it started. */
export async function createApp({ db, config, log }: AppOptions): Promise<{ app: Express; stop: () => Promise<void> }> {
  const app = express();
  app.disable('x-powered-by');
  // A page on another site can make a browser resolve its own host name to 127.0.0.1 (DNS rebinding); the Host it
  // sends then names that site, so only the loopback names and PUBLIC_HOST are answered.
  app.use(allowedHosts(config.publicHosts));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // GraphiQL and Cytoscape set styles at run time.
          styleSrc: ["'self'", "'unsafe-inline'"],
          // Exported images are blob: and data: URLs.
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          workerSrc: ["'self'", 'blob:'],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          upgradeInsecureRequests: null,
        },
      },
      // The server is usually reached over plain http on a laptop or behind a proxy that sets its own HSTS.
      strictTransportSecurity: false,
    }),
  );

  app.get('/healthz', async (_req, res) => {
    try {
      await db.ping();
      res.status(200).json({ status: 'ok', neo4j: 'up', responseCache: graphql.cacheStats() });
    } catch {
      res.status(503).json({
        status: 'unavailable',
        neo4j: 'down',
        message: 'Neo4j does not answer; check that it runs and NEO4J_URI',
      });
    }
  });

  // The verdict webhook, when VERDICT_WEBHOOK_URL is set: poked after each mutation, never awaited by one.
  const webhook = config.verdictWebhook ? await startVerdictWebhook(db, config.verdictWebhook) : undefined;
  // The kept verdicts brought to today now and after each midnight (UTC), so that scorecards keep reading them and the
  // changes of verdict the days bring are recorded (audit/verdict-days.ts).
  const days = keepVerdictsCurrent(db, {
    log: (line) => console.error(line),
    ...(webhook ? { afterChange: webhook.poke } : {}),
  });
  const graphql = await createGraphql({
    db,
    introspection: config.introspection,
    heavyQueries: config.heavyQueries,
    heavyWaitMs: config.heavyQueryWaitMs,
    minPoolSize: config.minPoolSize,
    responseCache: config.responseCache,
    readRequiresToken: config.readRequiresToken,
    investigationQuota: config.investigationQuota,
    ...(log ? { log } : {}),
    ...(webhook ? { afterMutation: webhook.poke } : {}),
    rateLimit: { heavyCost: config.rateLimit.heavyCost, windowSeconds: config.rateLimit.windowSeconds },
  });
  // The token is checked before the body is read, then the caller's rate limit; only an editor's or admin's token earns
  // the large body limit (request-gate.ts, rate-limit.ts). /graphql is the only endpoint that costs: imports and exports go through it.
  app.use(
    '/graphql',
    ...requestGate(db, config.readRequiresToken, createRateLimiter(config.rateLimit)),
    graphql.handler,
  );

  // The watch feed of changes of verdict (Atom); the same token rules as the API.
  app.get('/feeds/verdicts.atom', verdictFeedHandler(db, config.readRequiresToken));

  // The explorer and the GraphQL console, built by Vite (npm start builds them when needed).
  const clientDir = resolve(config.clientDir);
  app.get('/graphiql', (_req, res) => sendPage(res, join(clientDir, 'graphiql.html')));
  app.use(express.static(clientDir, { index: false, maxAge: '1h' }));
  app.get('/', (_req, res) => sendPage(res, join(clientDir, 'index.html')));

  // Anything else is not here: a JSON answer with a code, as for every other error.
  app.use((req, res) => {
    res.status(404).json({
      errors: [
        {
          message: `Nothing is at ${req.method} ${req.path}: the explorer is at /, the API at /graphql`,
          extensions: { code: 'NOT_FOUND' },
        },
      ],
    });
  });
  // Every HTTP error answers in GraphQL's error shape, with a code and a message that says what to do; never a stack.
  const httpErrors: ErrorRequestHandler = (
    error: { status?: number; statusCode?: number; type?: string },
    _req,
    res,
    _next,
  ) => {
    const status = error.status ?? error.statusCode ?? 500;
    const known: Record<string, [number, string, string]> = {
      'entity.too.large': [
        413,
        'PAYLOAD_TOO_LARGE',
        `The request body is larger than ${BODY_LIMIT} (${EDITOR_BODY_LIMIT} with an editor's or admin's token, for importDataset); send a smaller query, or import a larger dataset with deep-labour import`,
      ],
      'entity.too.deep': [
        400,
        'BAD_REQUEST',
        `The request body nests arrays or objects more than ${MAX_JSON_DEPTH} deep; no query, variable or dataset needs that many levels: flatten it`,
      ],
      'entity.parse.failed': [400, 'BAD_REQUEST', 'The request body is not valid JSON; send {"query": "..."}'],
      'charset.unsupported': [
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'The request body must be UTF-8 JSON; send Content-Type: application/json',
      ],
      'encoding.unsupported': [
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        "The request body's Content-Encoding is not supported; send it uncompressed or gzip",
      ],
      'request.aborted': [400, 'BAD_REQUEST', 'The request was aborted before its body arrived; send it again'],
    };
    const [code, name, message] =
      known[error.type ?? ''] ??
      (status >= 400 && status < 500
        ? [status, 'BAD_REQUEST', 'The request is malformed; send a GraphQL request as JSON to /graphql']
        : [
            500,
            'INTERNAL_SERVER_ERROR',
            'Internal error; it has been logged. Try again, or report it if it persists.',
          ]);
    if (code >= 500) (log ?? ((m: string, e: unknown) => console.error(m, e)))('http: unexpected error', error);
    if (res.headersSent) return;
    // A body refused unread (too large by its Content-Length) is not read afterwards either.
    if (error.type === 'entity.too.large') res.set('connection', 'close');
    res.status(code).json({ errors: [{ message, extensions: { code: name } }] });
  };
  app.use(httpErrors);

  return {
    app,
    stop: async () => {
      days.stop();
      await days.done();
      webhook?.stop();
      await graphql.stop();
      // Scorecards being kept for the next reader finish (or fail and are logged) before the store closes.
      await cardsKept(db);
    },
  };
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Answers 421 to a request whose Host is not a loopback name or one of `publicHosts` (ports ignored). */
export function allowedHosts(publicHosts: readonly string[]): express.RequestHandler {
  const allowed = new Set([...LOOPBACK, ...publicHosts.map((h) => h.toLowerCase())]);
  return (req, res, next) => {
    const host = (req.headers.host ?? '').toLowerCase().replace(/:\d+$/, '');
    if (allowed.has(host) || host.endsWith('.localhost')) {
      next();
      return;
    }
    res.status(421).json({
      errors: [
        {
          message: `This server does not answer to the host name "${host}". If that is its public name, set PUBLIC_HOST=${host || 'the.name'} where it runs.`,
          extensions: { code: 'MISDIRECTED_REQUEST' },
        },
      ],
    });
  };
}

function sendPage(res: express.Response, path: string): void {
  if (existsSync(path)) {
    res.set('cache-control', 'no-cache').sendFile(path);
    return;
  }
  res
    .status(503)
    .type('text/plain')
    .send('The explorer is not built yet: run `npm run build` (npm start does it for you), then reload.');
}
