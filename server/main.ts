// npm start: the HTTP port first (a taken port is said at once), then the database (embedded unless NEO4J_URI is set),
// the fixtures into a new store, and the app; the embedded Neo4j is restarted if it exits; SIGTERM lets requests finish.
import { createServer, type RequestListener } from 'node:http';
import { ConfigError, readConfig } from './config.js';
import { connectDatabase, DatabaseError, EmbeddedNeo4jError, StoreIdentityError, type Connection } from './db/index.js';
import { createApp } from './app.js';
import { fixtureUpdates, loadFixturesIntoNewStore } from './fixtures.js';
import { describeUnfinished, unfinishedImports } from './dataset/index.js';
import { warmUp } from './warm-up.js';
import { verdictBaselineAtStart } from './audit/verdict-keeper.js';

const log = (line: string) => process.stderr.write(`${line}\n`);
/** How long requests in flight may take to finish once SIGTERM arrives. */
const STOP_DEADLINE_MS = 10_000;

/** Until the database is ready, every request is told so, with a code. */
const starting: RequestListener = (_req, res) => {
  res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '5' });
  res.end(
    JSON.stringify({
      errors: [
        {
          message: 'Deep Labour Explorer is starting (Neo4j and the fixtures); try again in a few seconds',
          extensions: { code: 'STARTING' },
        },
      ],
    }),
  );
};

async function main(): Promise<void> {
  const config = readConfig();
  let handler: RequestListener = starting;
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((bound, fail) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      fail(
        e.code === 'EADDRINUSE'
          ? new ConfigError(
              `server: port ${config.port} on ${config.host} is in use; stop what uses it or set PORT to another port`,
            )
          : e,
      ),
    );
    server.listen(config.port, config.host, () => bound());
  });

  let conn: Connection | undefined;
  let stopApp: (() => Promise<void>) | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`server: ${signal}, stopping (requests in flight have ${STOP_DEADLINE_MS / 1000} s to finish)`);
    const closed = new Promise<void>((done) => server.close(() => done()));
    server.closeIdleConnections();
    const deadline = setTimeout(() => server.closeAllConnections(), STOP_DEADLINE_MS);
    await closed;
    clearTimeout(deadline);
    await stopApp?.();
    await conn?.close();
    process.exit(process.exitCode ?? 0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  conn = await connectDatabase(config, log, { superviseEmbedded: true });
  for (const u of await unfinishedImports(conn.db)) log(`server: ${describeUnfinished(u)}`);
  if (config.loadFixtures && !(await loadFixturesIntoNewStore(conn, log)))
    for (const line of await fixtureUpdates(conn.db)) log(line);
  await verdictBaselineAtStart(conn.db, log);
  await warmUp(conn.db, log);
  const built = await createApp({ db: conn.db, config });
  stopApp = built.stop;
  handler = built.app;
  log(
    `server: Deep Labour Explorer at http://${config.host === '127.0.0.1' ? 'localhost' : config.host}:${config.port} (Neo4j ${conn.uri})`,
  );
}

main().catch((e: unknown) => {
  if (
    e instanceof ConfigError ||
    e instanceof EmbeddedNeo4jError ||
    e instanceof DatabaseError ||
    e instanceof StoreIdentityError
  )
    log(e.message);
  else log(`server: could not start: ${(e as Error).stack ?? String(e)}`);
  process.exit(1);
});
