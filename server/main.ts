// npm start: the database (embedded unless NEO4J_URI is set), the fixtures when empty, then the server.
import type { Server } from 'node:http';
import { ConfigError, readConfig } from './config.js';
import { connectDatabase, DatabaseError, EmbeddedNeo4jError, StoreIdentityError } from './db/index.js';
import { createApp } from './app.js';
import { loadFixturesIntoNewStore } from './fixtures.js';
import { describeUnfinished, unfinishedImports } from './dataset/index.js';
import { warmUp } from './warm-up.js';

const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const config = readConfig();
  const conn = await connectDatabase(config, log);
  let server: Server | undefined;
  let stopping = false;
  let stopApp: (() => Promise<void>) | undefined;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`server: ${signal}, stopping`);
    const closed = new Promise<void>((done) => (server ? server.close(() => done()) : done()));
    server?.closeAllConnections();
    await closed;
    await stopApp?.();
    await conn.close();
    process.exit(process.exitCode ?? 0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  void conn.embedded?.exited.then((code) => {
    if (!stopping) { log(`server: the embedded Neo4j stopped (code ${code}); stopping too`); process.exit(1); }
  });

  for (const u of await unfinishedImports(conn.db)) log(`server: ${describeUnfinished(u)}`);
  if (config.loadFixtures) await loadFixturesIntoNewStore(conn, log);
  await warmUp(conn.db, log);
  const built = await createApp({ db: conn.db, config });
  stopApp = built.stop;
  const app = built.app;
  server = app.listen(config.port, config.host, () => {
    log(`server: Deep Labour Explorer at http://${config.host === '127.0.0.1' ? 'localhost' : config.host}:${config.port} (Neo4j ${conn.uri})`);
  });
  server.on('error', (e: NodeJS.ErrnoException) => {
    log(e.code === 'EADDRINUSE'
      ? `server: port ${config.port} is in use; stop what uses it or set PORT to another port`
      : `server: ${e.message}`);
    process.exitCode = 1;
    void stop('error');
  });
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError || e instanceof EmbeddedNeo4jError || e instanceof DatabaseError || e instanceof StoreIdentityError) log(e.message);
  else log(`server: could not start: ${(e as Error).stack ?? String(e)}`);
  process.exit(1);
});
