// npm run neo4j: the embedded Neo4j alone, in the foreground, until Ctrl-C.
import { ConfigError, readConfig } from './config.js';
import { EmbeddedNeo4jError, startEmbeddedNeo4j } from './db/index.js';

try {
  const config = readConfig();
  if (config.neo4j) {
    process.stderr.write(`neo4j: NEO4J_URI is set (${config.neo4j.uri}), so this project uses that server; unset it to run the embedded one\n`);
    process.exit(1);
  }
  const neo4j = await startEmbeddedNeo4j({ ...config.embedded, log: (l) => process.stdout.write(`${l}\n`) });
  const stop = () => void neo4j.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.exitCode = (await neo4j.exited) ?? 0;
} catch (e) {
  if (e instanceof ConfigError || e instanceof EmbeddedNeo4jError) {
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
  }
  throw e;
}
